import { fileBackend, prometheusBackend } from '../../actions/error-budget-gate/src/backends.js';
import { parseExport } from '../../actions/error-budget-gate/src/export-file.js';
import type { Request } from '../../actions/error-budget-gate/src/plan.js';
import { parseSliQuery } from '../../actions/error-budget-gate/src/promql.js';
import { tooFewSamples } from '../../actions/error-budget-gate/src/sampling.js';
import type { QueryOutcome } from '../../shared/prometheus.js';

const at = Date.UTC(2026, 11, 7, 12) / 1000;
const MINUTE = 60;
/** Sample times every `every` seconds, the newest `lag` seconds before `at`, over the last `span` seconds. */
const times = (every: number, lag: number, span = 6 * 3600) => {
  const out: Array<[number, number]> = [];
  for (let t = at - lag; t > at - lag - span; t -= every) out.unshift([t, out.length]);
  return out;
};

describe('too few samples for a window', () => {
  test.each([
    [
      '5-minute samples, 5m window, 2 minutes after the last sample',
      [times(5 * MINUTE, 2 * MINUTE)],
      5 * MINUTE,
      'too few samples in the 5m window (1 sample; the export is sampled every 5m: widen the window to at least 10m with input "burn-rate-rules", or sample more often)',
    ],
    [
      'hourly samples, 5m window',
      [times(3600, 20 * MINUTE)],
      5 * MINUTE,
      'too few samples in the 5m window (0 samples; the export is sampled every 1h: widen the window to at least 2h with input "burn-rate-rules", or sample more often)',
    ],
    [
      'a one-minute scrape with jitter, 1m window',
      [times(61, 50)],
      MINUTE,
      'too few samples in the 1m window (1 sample; the export is sampled every 61s: widen the window to at least 3m with input "burn-rate-rules", or sample more often)',
    ],
    [
      '3-minute samples, 5m window: one or two samples, so sometimes none',
      [times(3 * MINUTE, 150)],
      5 * MINUTE,
      'too few samples in the 5m window (1 sample; the export is sampled every 3m: widen the window to at least 6m with input "burn-rate-rules", or sample more often)',
    ],
    ['one-minute samples that stopped 20 minutes ago', [times(MINUTE, 20 * MINUTE)], 5 * MINUTE, undefined],
    ['samples every 2.5 minutes fill any 5m window', [times(150, 100)], 5 * MINUTE, undefined],
    ['a series sampled once (new): the interval is unknown', [[[at - 30, 1]]], 5 * MINUTE, undefined],
    ['no series', [], 5 * MINUTE, undefined],
    [
      'the finest series decides the interval',
      [times(5 * MINUTE, 2 * MINUTE), times(MINUTE, 30 * MINUTE)],
      5 * MINUTE,
      undefined,
    ],
    [
      'samples after the evaluation time and the same time twice are ignored',
      [[...times(5 * MINUTE, 2 * MINUTE), [at - 2 * MINUTE, 5], [at + 1, 6], [at + 2, 7]]],
      5 * MINUTE,
      'too few samples in the 5m window (2 samples; the export is sampled every 5m: widen the window to at least 10m with input "burn-rate-rules", or sample more often)',
    ],
  ] as const)('%s', (_what, series, window, reason) => {
    const sorted = series.map((points) => ({ points: [...points].sort((a, b) => a[0] - b[0]) }));
    expect(tooFewSamples(sorted, window, at, 'the export')).toBe(reason);
  });
});

describe('backends name sparse sampling instead of "no data"', () => {
  const total = parseSliQuery('x_total') as Extract<ReturnType<typeof parseSliQuery>, object>;
  const bad = parseSliQuery('x_total{code="500"}') as typeof total;
  const requests: Request[] = [
    { kind: 'count', query: total, window: 5 * MINUTE },
    { kind: 'count', query: total, window: 30 * MINUTE },
    { kind: 'buckets', query: total, window: 3600, step: MINUTE },
    { kind: 'count', query: bad, window: 5 * MINUTE },
  ];
  // Every 5 minutes for six hours, the last sample 2 minutes before `at`; the 500 series is new.
  const lines = times(5 * MINUTE, 2 * MINUTE).map(([t], i) => `x_total{code="200"} ${i * 100} ${t}`);
  const exported = [...lines, `x_total{code="500"} 1 ${at - 30}`, '# EOF', ''].join('\n');

  test('the file backend: a too-short window and too-fine steps are named; a new series stays "no data"', async () => {
    const answers = [...(await fileBackend(parseExport(exported))(requests, at)).values()];
    expect(answers[0]).toEqual({
      ok: false,
      error:
        'too few samples in the 5m window (1 sample; the export is sampled every 5m: widen the window to at least 10m with input "burn-rate-rules", or sample more often)',
    });
    expect(answers[1]).toEqual({ ok: true, value: 500 });
    expect(answers[2]).toEqual({
      ok: false,
      error: expect.stringMatching(/^too few samples in the 1m window .* sampled every 5m/),
    });
    // One sample of a new series (the first error after a restart) is not sparse sampling.
    expect(answers[3]).toMatchObject({ ok: false, noData: true, error: expect.stringMatching(/^no data/) });
  });

  test('the Prometheus backend asks for the raw samples of an empty selector once, and only then', async () => {
    const sent: string[] = [];
    const series = parseExport(exported).map((s) => ({ labels: s.labels, points: s.points }));
    const client = {
      async queryAll(queries: ReadonlyArray<{ expr: string; time: number }>): Promise<QueryOutcome[]> {
        sent.push(...queries.map((q) => q.expr));
        return queries.map(({ expr }) => {
          if (expr.startsWith('x_total{code="500"}['))
            return { ok: true, result: { type: 'matrix', series: series.slice(1) } };
          if (expr.startsWith('x_total[')) return { ok: true, result: { type: 'matrix', series } };
          if (expr.includes('[30m]')) {
            const labels = new Map([['trunk_window', '1800']]);
            return { ok: true, result: { type: 'vector', samples: [{ labels, value: 500 }] } };
          }
          return expr.startsWith('(')
            ? { ok: true, result: { type: 'matrix', series: [] } }
            : { ok: true, result: { type: 'vector', samples: [] } };
        });
      },
    };
    const answers = [...(await prometheusBackend(client)(requests, at)).values()];
    expect(sent.filter((e) => /^x_total(\{code="500"\})?\[/.test(e))).toEqual([
      'x_total[2h]',
      'x_total{code="500"}[2h]',
    ]);
    expect(answers[0]).toEqual({
      ok: false,
      error:
        'too few samples in the 5m window (1 sample; the metric is sampled every 5m: widen the window to at least 10m with input "burn-rate-rules", or sample more often)',
    });
    expect(answers[1]).toMatchObject({ ok: true, value: 500 });
    expect(answers[2]).toEqual({
      ok: false,
      error: expect.stringMatching(/^too few samples in the 1m window/),
    });
    expect(answers[3]).toMatchObject({ ok: false, noData: true });
  });

  test('a diagnosis that fails leaves "no data"; answers with data send nothing more', async () => {
    const sent: string[] = [];
    const client = {
      async queryAll(queries: ReadonlyArray<{ expr: string; time: number }>): Promise<QueryOutcome[]> {
        sent.push(...queries.map((q) => q.expr));
        return queries.map(({ expr }) =>
          expr.endsWith('[2h]')
            ? { ok: false, error: 'timeout' }
            : { ok: true, result: { type: 'vector', samples: [] } },
        );
      },
    };
    const answers = await prometheusBackend(client)([requests[0]!], at);
    expect([...answers.values()]).toEqual([expect.objectContaining({ ok: false, noData: true })]);
    expect(sent).toHaveLength(2);
  });
});
