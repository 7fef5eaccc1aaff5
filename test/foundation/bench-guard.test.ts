import { compareToBaseline, comparisonTable } from '../../bench/guard-compare.mjs';

const verdicts = (result: ReturnType<typeof compareToBaseline>) =>
  Object.fromEntries(result.rows.map((r) => [r.name, r.verdict]));

describe('the benchmark guard compares ratios to the floor with the baseline', () => {
  it('passes growth up to 20% and fails above it', () => {
    const result = compareToBaseline(
      { steady: 2, faster: 2, 'twenty percent': 1.5, 'just over': 1.5, slower: 2 },
      { steady: 2, faster: 1.1, 'twenty percent': 1.8, 'just over': 1.81, slower: 2.5 },
    );
    expect(verdicts(result)).toEqual({
      steady: 'ok',
      faster: 'ok',
      'twenty percent': 'ok',
      'just over': 'regressed',
      slower: 'regressed',
    });
    expect(result.failed).toBe(true);
    expect(result.rows.find((r) => r.name === 'slower')!.change).toBeCloseTo(0.25);
    expect(result.rows.find((r) => r.name === 'faster')!.change).toBeCloseTo(-0.45);
  });

  it('passes when every case is within the threshold', () => {
    expect(compareToBaseline({ a: 2, b: 3 }, { a: 2.3, b: 2.9 }).failed).toBe(false);
  });

  it('takes the threshold as given', () => {
    expect(compareToBaseline({ a: 2 }, { a: 2.3 }, 0.1).failed).toBe(true);
    expect(compareToBaseline({ a: 2 }, { a: 2.3 }, 0.2).failed).toBe(false);
  });

  it('reports a case without a baseline entry and still passes', () => {
    const result = compareToBaseline({ a: 2 }, { a: 2, 'new bundle': 9 });
    expect(verdicts(result)).toEqual({ a: 'ok', 'new bundle': 'no baseline' });
    expect(result.failed).toBe(false);
  });

  it('fails when a baseline case was not measured, or its baseline is not a positive number', () => {
    expect(verdicts(compareToBaseline({ a: 2, gone: 2 }, { a: 2 }))).toEqual({
      a: 'ok',
      gone: 'not measured',
    });
    expect(compareToBaseline({ a: 2, gone: 2 }, { a: 2 }).failed).toBe(true);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(compareToBaseline({ a: bad }, { a: 1 })).toMatchObject({
        failed: true,
        rows: [{ verdict: 'bad baseline' }],
      });
  });

  it('does not read inherited names as baseline entries', () => {
    const result = compareToBaseline({}, { constructor: 2, toString: 3 });
    expect(verdicts(result)).toEqual({ constructor: 'no baseline', toString: 'no baseline' });
  });

  it('renders the comparison as a table', () => {
    const table = comparisonTable(compareToBaseline({ a: 2, gone: 1 }, { a: 2.5, b: 1 }));
    expect(table.split('\n').slice(2)).toEqual([
      '| a | 2.00x | 2.50x | +25% | regressed |',
      '| gone | 1.00x | – | – | not measured |',
      '| b | – | 1.00x | – | no baseline |',
    ]);
  });
});
