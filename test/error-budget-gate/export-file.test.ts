import { fileBackend, interpret } from '../../actions/error-budget-gate/src/backends.js';
import {
  bucketsFromExport,
  countFromExport,
  increase,
  matches,
  parseExport,
} from '../../actions/error-budget-gate/src/export-file.js';
import {
  type Answer,
  type Request,
  assemble,
  planSlo,
  requestExpression,
  requestsFor,
} from '../../actions/error-budget-gate/src/plan.js';
import { parseSelector } from '../../actions/error-budget-gate/src/promql.js';
import { inlineSlo } from '../../actions/error-budget-gate/src/slo.js';

const sel = (text: string) => parseSelector(text)!;

describe('exports', () => {
  const openMetrics = `# TYPE http_requests counter
http_requests_total{job="api",code="200"} 100 960
http_requests_total{job="api",code="200"} 160 1020
http_requests_total{job="api",code="200"} 20 1080
http_requests_total{job="api",code="500"} 5 960
http_requests_total{job="api",code="500"} 7 1080
http_requests_total{job="we\\"ird",code="200"} 1 960
http_requests_total{job="we\\"ird",code="200"} 2 1080
# EOF
`;

  test('OpenMetrics: seconds, escapes, counter resets counted like Prometheus', () => {
    const series = parseExport(openMetrics);
    expect(series).toHaveLength(3);
    expect(countFromExport(series, sel('http_requests_total{job="api"}'), 120, 1080)).toBe(60 + 20 + 2);
    expect(countFromExport(series, sel('http_requests_total{code=~"5.."}'), 120, 1080)).toBe(2);
    expect(countFromExport(series, sel('http_requests_total{job="we\\"ird"}'), 120, 1080)).toBe(1);
    expect(countFromExport(series, sel('http_requests_total{job="nope"}'), 120, 1080)).toBeUndefined();
    expect(
      bucketsFromExport(series, sel('http_requests_total{job="api",code="200"}'), 120, 60, 1080),
    ).toEqual([
      [1020, 60],
      [1080, 20],
    ]);
  });

  test('Prometheus text (milliseconds) and query_range JSON give the same series', () => {
    const text = parseExport('x_total{a="b"} 1 1000000\nx_total{a="b"} 4 1060000\n');
    const json = parseExport(
      JSON.stringify({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: { __name__: 'x_total', a: 'b' },
              values: [
                [1060, '4'],
                [1000, '1'],
              ],
            },
          ],
        },
      }),
    );
    expect(text).toEqual(json);
    expect(
      parseExport(
        JSON.stringify([
          {
            metric: { __name__: 'x_total', a: 'b' },
            values: [
              [1000, '1'],
              [1060, '4'],
            ],
          },
        ]),
      ),
    ).toEqual(json);
  });

  test.each([
    ['x_total 1', /line 1: a sample needs a value and a timestamp/],
    ['x_total{a=b} 1 2', /line 1: a label value must be a quoted string/],
    ['x_total 1,5 2', /not a number/],
    ['{"data":{"resultType":"vector","result":[]}}', /expected a matrix/],
  ])('refuses %j', (text, message) => expect(() => parseExport(text)).toThrow(message));

  test('matching follows PromQL: anchored regexes, a missing label is empty', () => {
    const labels = new Map([
      ['__name__', 'x'],
      ['code', '503'],
    ]);
    expect(matches(sel('x{code=~"5.."}'), labels)).toBe(true);
    expect(matches(sel('x{code=~"5"}'), labels)).toBe(false);
    expect(matches(sel('x{code!~"4.."}'), labels)).toBe(true);
    expect(matches(sel('x{job=""}'), labels)).toBe(true);
    expect(matches(sel('y'), labels)).toBe(false);
  });

  test('increase needs two samples and adds the value after a reset', () => {
    expect(increase([[0, 5]], 0, 10)).toBeUndefined();
    expect(
      increase(
        [
          [0, 5],
          [1, 9],
          [2, 3],
          [3, 4],
        ],
        0,
        3,
      ),
    ).toBe(4 + 3 + 1);
  });
});

describe('plans and answers', () => {
  const at = 1_794_787_200;
  const slo = inlineSlo({
    objectivePercent: 99,
    window: { kind: 'rolling', seconds: 86400 },
    goodQuery: 'x{code="200"}',
    totalQuery: 'x',
  });

  test('a plan reads each window for good and total, plus the history; answers are shared by expression', () => {
    const plan = planSlo(slo, at, { minBudgetRemaining: 0, minCoverage: 0.9 });
    expect(plan.windows.sort((a, b) => a - b)).toEqual([60, 120, 720, 8640, 86400]);
    const requests = requestsFor(plan);
    expect(requests).toHaveLength(plan.windows.length * 2 + 2);
    expect(requests.map(requestExpression)).toContain('(sum(increase(x{code="200"}[5m])))[1d:5m]');
  });

  test('good > total by float noise never makes negative errors, by one event is impossible; a failed read is carried, not guessed', async () => {
    const plan = planSlo(slo, at, { minBudgetRemaining: 0, minCoverage: 0.9 });
    const answersWith = (good: number) =>
      new Map(
        requestsFor(plan).map((r: Request) => [
          requestExpression(r),
          r.kind === 'count'
            ? { ok: true as const, value: r.query === slo.good ? good : 100 }
            : {
                ok: true as const,
                value: [[at, r.query === slo.good ? 10 : 12]] as Array<[number, number]>,
              },
        ]),
      );
    const answers = answersWith(100 + 1e-12);
    const data = assemble(plan, answers);
    expect(data.counts.get(86400)).toEqual({ ok: true, value: { bad: 0, total: 100 } });
    expect(data.buckets).toEqual({ ok: true, value: [{ end: at, bad: 2, total: 12 }] });
    expect(assemble(plan, answersWith(101)).counts.get(86400)).toEqual({
      ok: false,
      error: '101 good events exceed the total of 100',
    });
    answers.set(requestExpression({ kind: 'count', query: slo.total, window: 60 }), {
      ok: false,
      error: 'timeout',
    } as never);
    expect(assemble(plan, answers).counts.get(60)).toEqual({
      ok: false,
      error: 'the total query sum(increase(x[1m])) failed: timeout',
    });
  });

  test('a bad-events selector seen in the window but absent lately counts zero errors; absent in the window stays unknown', () => {
    const bad = inlineSlo({
      objectivePercent: 99,
      window: { kind: 'rolling', seconds: 86400 },
      badQuery: 'x{code="500"}',
      totalQuery: 'x',
    });
    const plan = planSlo(bad, at, { minBudgetRemaining: 0, minCoverage: 0.9 });
    const answers = (badInWindow: boolean) =>
      new Map(
        requestsFor(plan).map((r: Request): [string, Answer] => {
          const isBad = r.query === bad.bad;
          if (r.kind === 'buckets')
            return [requestExpression(r), { ok: true, value: [[at, isBad ? 1 : 10]] }];
          if (isBad && (r.window !== 86400 || !badInWindow))
            return [requestExpression(r), { ok: false, error: 'no data', noData: true }];
          return [requestExpression(r), { ok: true, value: isBad ? 3 : 100 }];
        }),
      );
    const seen = assemble(plan, answers(true));
    expect(seen.counts.get(60)).toEqual({ ok: true, value: { bad: 0, total: 100 } });
    expect(seen.counts.get(86400)).toEqual({ ok: true, value: { bad: 3, total: 100 } });
    const never = assemble(plan, answers(false));
    expect(never.counts.get(60)).toMatchObject({ ok: false, noData: true });
    expect(never.counts.get(86400)).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /^the bad-events query sum\(increase\(x\{code="500"\}\[1d\]\)\) failed: no data/,
      ),
    });
  });

  test('interpret refuses several series, NaN, and empty results', () => {
    const count: Request = { kind: 'count', query: slo.total, window: 60 };
    const vector = (...values: number[]) => ({
      ok: true as const,
      result: { type: 'vector' as const, samples: values.map((value) => ({ labels: new Map(), value })) },
    });
    expect(interpret(count, vector(3))).toEqual({ ok: true, value: 3, series: '{}' });
    expect(interpret(count, vector())).toMatchObject({ ok: false, error: expect.stringMatching(/^no data/) });
    expect(interpret(count, vector(1, 2))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/2 series; aggregate them with sum/),
    });
    expect(interpret(count, vector(NaN))).toMatchObject({
      ok: false,
      error: 'the query returned NaN instead of a count',
    });
    expect(interpret(count, { ok: true, result: { type: 'scalar', value: Infinity } })).toMatchObject({
      ok: false,
    });
  });

  test('the file backend answers selectors and refuses $window expressions', async () => {
    const backend = fileBackend(parseExport('x_total 1 100\nx_total 5 160\n# EOF\n'));
    const expression = inlineSlo({
      objectivePercent: 99,
      window: { kind: 'rolling', seconds: 60 },
      badQuery: 'sum(increase(x_total[$window])) or vector(0)',
      totalQuery: 'x_total',
    });
    const answers = await backend(
      [
        { kind: 'count', query: expression.total, window: 60 },
        { kind: 'count', query: expression.bad!, window: 60 },
      ],
      160,
    );
    expect([...answers.values()]).toEqual([
      { ok: true, value: 4 },
      { ok: false, error: expect.stringMatching(/only answer counter selectors/) },
    ]);
  });
});
