import { jest } from '@jest/globals';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Prometheus } from '../../shared/prometheus.js';
import { prometheusBackend } from '../../actions/error-budget-gate/src/backends.js';
import { decideGate, decideSlo } from '../../actions/error-budget-gate/src/decision.js';
import { assemble, planSlo, requestsFor } from '../../actions/error-budget-gate/src/plan.js';
import { inlineSlo } from '../../actions/error-budget-gate/src/slo.js';
import {
  FIXTURE_END,
  FIXTURE_START,
  type PrometheusServer,
  buildFixture,
  startPrometheus,
  toOpenMetrics,
} from '../support/prometheus.js';

// Class 3 of issue 16: the gate never passes on impossible or partial data. The same path the action
// runs (plan, shared/prometheus, backend checks, assemble, decide) against a real Prometheus 2.x
// backfilled by promtool, asked for impossible numbers with PromQL, and against a hostile fake
// backend on 127.0.0.1 that answers what no real one should. Each must be inconclusive (the step
// fails) with a one-line reason; a control case on each backend passes, so the gate can pass.

jest.setTimeout(60_000);

const DAY = 86400;
const HOUR = 3600;

async function decide(
  url: string,
  queries: { good?: string; bad?: string; total: string },
  at = FIXTURE_END,
  minCoverage = 0.9,
) {
  const slo = inlineSlo({
    objectivePercent: 99.9,
    window: { kind: 'rolling', seconds: 30 * DAY },
    goodQuery: queries.good,
    badQuery: queries.bad,
    totalQuery: queries.total,
  });
  const plan = planSlo(slo, at, { minBudgetRemaining: 0, minCoverage });
  const client = new Prometheus({ url, retries: 0, timeoutMs: 10_000, log: { debug: () => undefined } });
  const answers = await prometheusBackend(client)(requestsFor(plan), at);
  const result = decideSlo(slo, plan.span, plan.step, assemble(plan, answers), plan.policy);
  const gate = decideGate([result], { onInconclusive: 'block' });
  return { decision: result.decision, reason: result.reason, fails: gate.fails };
}

function expectInconclusive(outcome: Awaited<ReturnType<typeof decide>>, reason: RegExp) {
  expect(outcome).toMatchObject({ decision: 'inconclusive', fails: true });
  expect(outcome.reason).toMatch(reason);
  expect(outcome.reason).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
}

const api = (code?: string) => `http_requests_total{job="api"${code ? `,code="${code}"` : ''}}`;
const inc = (selector: string) => `sum(increase(${selector}[$window]))`;

describe('the gate on a real Prometheus asked for impossible or partial data', () => {
  let prometheus: PrometheusServer;
  beforeAll(async () => {
    prometheus = await startPrometheus({ openMetrics: toOpenMetrics(buildFixture()) });
  }, 60_000);
  afterAll(async () => prometheus?.stop());

  test('control: the healthy checkout SLO passes', async () => {
    const outcome = await decide(prometheus.url, {
      bad: 'http_requests_total{job="checkout",code="500"}',
      total: 'http_requests_total{job="checkout"}',
    });
    expect(outcome).toMatchObject({ decision: 'pass', fails: false });
  });

  test.each([
    ['good > total', { good: `${inc(api())} * 2`, total: inc(api()) }, /good events exceed the total/],
    ['bad > total', { bad: inc(api()), total: inc(api('500')) }, /bad events exceed the total/],
    ['a negative bad count', { bad: `-${inc(api('500'))}`, total: inc(api()) }, /negative count/],
    ['a negative total', { bad: inc(api('500')), total: `-${inc(api())}` }, /negative count/],
    ['NaN from a broken exporter', { bad: 'broken_requests_total', total: api() }, /NaN/],
    ['+Inf', { bad: `(${inc(api('500'))} + 1) / 0`, total: inc(api()) }, /Infinity instead of a count/],
    ['-Inf', { bad: inc(api('500')), total: `(-1 - ${inc(api())}) / 0` }, /-Infinity instead of a count/],
    [
      'good and total series that do not pair up',
      {
        good: `sum by (job) (increase(${api('200')}[$window]))`,
        total: `sum by (job) (increase(http_requests_total{job="checkout"}[$window]))`,
      },
      /do not pair up/,
    ],
    [
      'two series where one was asked',
      { bad: inc(api('500')), total: `sum by (code) (increase(${api()}[$window]))` },
      /2 series; aggregate them with sum/,
    ],
    ['a metric that does not exist', { bad: 'missing_total', total: 'missing_total' }, /no data/],
    [
      'a scalar where a vector was asked',
      { bad: inc(api('500')), total: `scalar(${inc(api())})` },
      /rejected the query/,
    ],
  ])('%s is inconclusive', async (_, queries, reason) => {
    expectInconclusive(await decide(prometheus.url, queries), reason);
  });

  test('an empty window (before any data) is inconclusive', async () => {
    const outcome = await decide(prometheus.url, { bad: api('500'), total: api() }, FIXTURE_START - DAY, 0);
    expectInconclusive(outcome, /no data/);
  });

  test.each([
    ['3 hours', 3 * HOUR],
    ['2 days', 2 * DAY],
  ])(
    'data that ends %s before the evaluation time is inconclusive, even with min-coverage 0',
    async (_, gap) => {
      const outcome = await decide(
        prometheus.url,
        { bad: inc(api('500')), total: inc(api()) },
        FIXTURE_END + gap,
        0,
      );
      expectInconclusive(outcome, /the data ends at 2026-11-16T00:00:00.000Z, .* before the evaluation time/);
    },
  );
});

// ---------------------------------------------------------------------------------------------

/** What the fake answers for one query: the numerator (bad) or the total, as a count or a history. */
interface Scenario {
  count?: (numerator: boolean, window: string) => unknown[] | undefined;
  history?: (numerator: boolean, times: number[]) => unknown[] | undefined;
  /** Extra members of the JSON envelope (warnings, infos). */
  envelope?: Record<string, unknown>;
  /** Replaces the whole data object (undefined: the usual one). */
  data?: (query: string) => unknown;
}

const AT = FIXTURE_END;
const sample = (value: string, metric: Record<string, string> = {}) => ({ metric, value: [AT, value] });

/** A healthy service: 1,000 events an hour, 1 bad event in any window. */
const healthy: Required<Pick<Scenario, 'count' | 'history'>> = {
  count: (numerator, window) => [
    sample(numerator ? '1' : String(1000 * Math.max(1, Number(window) / HOUR)), { trunk_window: window }),
  ],
  history: (numerator, times) => [{ metric: {}, values: times.map((t) => [t, numerator ? '0' : '1000']) }],
};

let scenario: Scenario = {};
function answer(query: string): unknown {
  const replaced = scenario.data?.(query);
  if (replaced !== undefined) return replaced;
  const numerator = query.includes('bad_total');
  if (query.startsWith('label_replace(')) {
    const windows = [...query.matchAll(/"trunk_window", "(\d+)"/g)].map((m) => m[1]!);
    const result = windows.flatMap(
      (w) => (scenario.count ?? healthy.count)(numerator, w) ?? healthy.count(numerator, w),
    );
    return { resultType: 'vector', result };
  }
  const [, window, step] = /\[(\d+)[a-z]*:(\d+)[a-z]*\]$/.exec(query) ?? [];
  const times: number[] = [];
  const stepSeconds = Number(step) * (query.endsWith('h]') ? HOUR : query.endsWith('m]') ? 60 : 1);
  const windowSeconds = Number(window) * (/\[\d+d:/.test(query) ? DAY : 1);
  for (let t = AT; t > AT - windowSeconds; t -= stepSeconds) times.unshift(t);
  const result = (scenario.history ?? healthy.history)(numerator, times) ?? healthy.history(numerator, times);
  return { resultType: 'matrix', result };
}

describe('the gate on a hostile fake backend', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const query = new URL(req.url!, 'http://x').searchParams.get('query') ?? '';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', data: answer(query), ...scenario.envelope }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const run = (s: Scenario) => {
    scenario = s;
    return decide(url, { bad: 'bad_total', total: 'all_total' }, AT);
  };
  const countOf = (value: string, which: 'bad' | 'total' | 'both' = 'bad'): Scenario => ({
    count: (numerator, w) =>
      which === 'both' || (which === 'bad') === numerator ? [sample(value, { trunk_window: w })] : undefined,
  });
  const pointOf = (value: string, which: 'bad' | 'total' = 'bad'): Scenario => ({
    history: (numerator, times) =>
      (which === 'bad') === numerator
        ? [{ metric: {}, values: times.map((t, i) => [t, i === times.length - 3 ? value : '1']) }]
        : undefined,
  });

  test('control: a healthy answer passes', async () => {
    expect(await run({})).toMatchObject({ decision: 'pass', fails: false });
  });

  test.each<[string, Scenario, RegExp]>([
    [
      'Thanos partial response warnings',
      { envelope: { warnings: ['No StoreAPIs matched for this query'] } },
      /1 warning, so the data may be partial: No StoreAPIs matched/,
    ],
    [
      'Mimir warnings with a line break',
      { envelope: { warnings: ['partial\nresult', '::error::x'] } },
      /2 warnings, so the data may be partial: partial result/,
    ],
    [
      'Prometheus infos',
      { envelope: { infos: ['PromQL info: metric might not be a counter'] } },
      /may be partial: PromQL info/,
    ],
    ['warnings that are not a list', { envelope: { warnings: 'degraded' } }, /may be partial: "degraded"/],
    ['a bad count above the total', countOf('5000'), /5000 bad events exceed the total/],
    ['a negative bad count', countOf('-1'), /negative count \(-1\)/],
    ['a negative total', countOf('-1000', 'total'), /negative count/],
    ['a NaN count', countOf('NaN'), /NaN instead of a count/],
    ['a +Inf total', countOf('+Inf', 'total'), /Infinity instead of a count/],
    ['a -Inf count', countOf('-Inf'), /-Infinity instead of a count/],
    ['a count that is not a number', countOf('1e'), /is not a number/],
    ['a bad history point above its total', pointOf('5000'), /5000 bad events exceed the total/],
    ['a NaN history point', pointOf('NaN'), /NaN instead of a count/],
    ['a negative history point', pointOf('-3', 'total'), /negative count/],
    ['an +Inf history total', pointOf('+Inf', 'total'), /Infinity/],
    [
      'a history with the same time twice',
      { history: (_, times) => [{ metric: {}, values: [...times, times.at(-1)!].map((t) => [t, '1']) }] },
      /twice/,
    ],
    [
      'a bad point at a time the total does not have',
      {
        history: (numerator, times) =>
          numerator ? [{ metric: {}, values: [[times[0]! - 1, '1']] }] : undefined,
      },
      /numerator at .* but no total there/,
    ],
    [
      'bad and total series with different labels',
      {
        history: (numerator, times) => [
          { metric: { job: numerator ? 'a' : 'b' }, values: times.map((t) => [t, '1']) },
        ],
      },
      /do not pair up/,
    ],
    [
      'count series with different labels',
      { count: (numerator, w) => [sample('1', { trunk_window: w, job: numerator ? 'a' : 'b' })] },
      /do not pair up/,
    ],
    [
      'two history series',
      {
        history: (_, times) =>
          [0, 1].map((i) => ({ metric: { i: String(i) }, values: times.map((t) => [t, '1']) })),
      },
      /2 series/,
    ],
    [
      'two count series for one window',
      {
        count: (_, w) => [sample('1', { trunk_window: w, i: '1' }), sample('1', { trunk_window: w, i: '2' })],
      },
      /2 series/,
    ],
    [
      'a count series tagged with a window nobody asked for',
      { count: (_, w) => [sample('1', { trunk_window: w }), sample('1', { trunk_window: '7' })] },
      /a series no query asked for/,
    ],
    [
      'a count series without a window tag',
      { count: (_, w) => [sample('1', { trunk_window: w }), sample('1')] },
      /a series no query asked for/,
    ],
    ['no count series at all', { count: () => [] }, /no data/],
    ['a history series without points', { history: () => [{ metric: {}, values: [] }] }, /no data/],
    ['no history series at all', { history: () => [] }, /no data/],
    [
      'a history that ends a day before now',
      {
        history: (n, times) => [
          { metric: {}, values: times.slice(0, -24).map((t) => [t, n ? '1' : '1000']) },
        ],
      },
      /the data ends at .*, 1d before the evaluation time/,
    ],
    [
      'a matrix where a vector was asked',
      { data: (q) => (q.startsWith('label_replace(') ? { resultType: 'matrix', result: [] } : undefined) },
      /returned a matrix, not one number/,
    ],
    [
      'a scalar where a vector was asked',
      {
        data: (q) =>
          q.startsWith('label_replace(') ? { resultType: 'scalar', result: [AT, '1'] } : undefined,
      },
      /returned a scalar/,
    ],
    [
      'a string result type',
      { data: () => ({ resultType: 'string', result: [AT, 'x'] }) },
      /unsupported resultType "string"/,
    ],
    [
      'a vector where a range was asked',
      {
        data: (q) =>
          q.startsWith('label_replace(') ? undefined : { resultType: 'vector', result: [sample('1')] },
      },
      /history query returned a vector, not a range/,
    ],
  ])('%s is inconclusive', async (_, s, reason) => {
    expectInconclusive(await run(s), reason);
  });
});
