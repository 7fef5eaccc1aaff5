import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';
import { type RunResult, runBundle } from '../support/harness.js';
import { DAY, HOUR, api, apiBad, checkout, checkoutBad, truthOf } from './truth.js';
import {
  DEMO_EXPORT,
  FIXTURE_END,
  FIXTURE_START,
  RESET_MINUTE,
  type PrometheusServer,
  buildFixture,
  startPrometheus,
  toOpenMetrics,
  trueEvents,
} from '../support/prometheus.js';

// The gate against a real Prometheus 2.x backfilled with series whose true counts are known. Every
// number the action reports is compared with counts summed straight from the generated minutes.

const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

const fixture = buildFixture();
const { truth, burn, trueRules, trueReopen } = truthOf(fixture);
let prometheus: PrometheusServer;
let workspace: string;

beforeAll(async () => {
  prometheus = await startPrometheus({ openMetrics: toOpenMetrics(fixture) });
  workspace = mkdtempSync(join(tmpdir(), 'ebg-ws-'));
});

afterAll(async () => {
  await prometheus?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

const gate = (inputs: Record<string, string>, extra: Parameters<typeof runBundle>[1] = {}) =>
  runBundle('error-budget-gate', {
    workspace,
    ...extra,
    inputs: { 'prometheus-url': prometheus.url, ...inputs },
  });

const slos = (r: RunResult) => JSON.parse(r.outputs.slos!) as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

const API_INLINE = {
  objective: '99.9',
  window: '30d',
  'bad-query': 'http_requests_total{job="api",code=~"5.."}',
  'total-query': 'http_requests_total{job="api"}',
};

describe('error-budget-gate against a real Prometheus', () => {
  test('an overspent budget blocks with exact numbers and a forecast of when it reopens', async () => {
    const result = await gate({ ...API_INLINE, at: iso(FIXTURE_END) });
    const t = truth(apiBad, api, FIXTURE_END - 30 * DAY, FIXTURE_END);
    const budget = 1 - t.bad / (0.001 * t.total);
    expect(budget).toBeLessThan(0);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.decision).toBe('block');
    expect(result.outputs['budget-remaining']).toBe(budget.toFixed(4));
    expect(Number(result.outputs['error-ratio'])).toBe(Number((t.bad / t.total).toPrecision(6)));
    const [slo] = slos(result);
    expect(slo!.bad).toBe(t.bad);
    expect(slo!.total).toBe(t.total);
    expect(slo!.budgetRemaining).toBeCloseTo(budget, 10);
    expect(slo!.coverage).toBe(1);
    const rates = JSON.parse(result.outputs['burn-rates']!) as Record<string, number>;
    const windows: Record<string, number> = {
      '5m': 300,
      '30m': 1800,
      '1h': HOUR,
      '6h': 6 * HOUR,
      '3d': 3 * DAY,
      '30d': 30 * DAY,
    };
    expect(Object.keys(rates).sort()).toEqual(Object.keys(windows).sort());
    for (const [name, seconds] of Object.entries(windows)) {
      expect(rates[name]).toBeCloseTo(burn(truth(apiBad, api, FIXTURE_END - seconds, FIXTURE_END), 0.999), 4);
    }
    const reopen = trueReopen(FIXTURE_END, 0.999);
    expect(reopen).toBeDefined();
    expect(result.outputs['reopens-at']).toBe(iso(reopen!));
    expect(result.outputs.reason).toContain('budget remaining');
    expect(result.summary).toContain('Error budget gate: block');
    expect(result.summary).toContain(`Reopens about **${iso(reopen!)}**`);
    expect(result.summary).toMatch(/[▁▂▃▄▅▆▇█]{30,}/);
    expect(result.summary).toContain('xychart-beta');
    // Every sparkline row fits 80 columns, so GitHub shows it without scrolling.
    const sparklines = /```\n(budget remaining over the window[^`]*)```/.exec(result.summary)![1]!;
    for (const row of sparklines.trimEnd().split('\n')) expect(row.length).toBeLessThanOrEqual(80);
    // The chart: the budget left at each whole day back from now, against the true counts.
    const chart = /```mermaid\n([^`]*)```/.exec(result.summary)![1]!;
    expect(chart).toContain('x-axis "days (0 = now)" -30 --> 0');
    const [line, zero] = [...chart.matchAll(/^ {2}line \[(.*)\]$/gm)].map((m) =>
      m[1]!.split(', ').map(Number),
    );
    expect(line).toHaveLength(31);
    line!.forEach((shown, i) => {
      const spent = truth(apiBad, api, FIXTURE_END - 30 * DAY, FIXTURE_END - (30 - i) * DAY).bad;
      expect(Math.abs(shown - (1 - spent / (0.001 * t.total)) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
    });
    expect(zero).toEqual(line!.map(() => 0));
    expect(result.summary).toContain(`Evaluated at \`${iso(FIXTURE_END)}\``);
    expect(result.stdout).toContain(`::group::Evaluating 1 SLO at ${iso(FIXTURE_END)} against Prometheus at`);
  });

  test('during the current incident the fast-burn rule blocks and the gate does not reopen at that ratio', async () => {
    const at = FIXTURE_END - 45 * 60;
    const result = await gate({ ...API_INLINE, at: String(at) });
    const rules = trueRules(at, 0.999);
    expect(rules[0]!.fired).toBe(true);
    expect(result.outputs.decision).toBe('block');
    expect(result.outputs.reason).toMatch(/burn rate [\d.]+x over 1h and [\d.]+x over 5m exceed 14.4x/);
    const rates = JSON.parse(result.outputs['burn-rates']!) as Record<string, number>;
    expect(rates['1h']).toBeCloseTo(burn(truth(apiBad, api, at - HOUR, at), 0.999), 4);
    expect(rates['5m']).toBeCloseTo(burn(truth(apiBad, api, at - 300, at), 0.999), 4);
    expect(result.outputs['reopens-at']).toBe('');
    expect(result.summary).toContain('Does not reopen at the current error ratio');
  });

  test('a counter reset inside a window is counted, not lost or negative', async () => {
    const at = FIXTURE_START + RESET_MINUTE * 60 + 1800;
    const result = await gate({ ...API_INLINE, at: String(at), 'min-coverage': '0.3' });
    const rates = JSON.parse(result.outputs['burn-rates']!) as Record<string, number>;
    for (const [name, seconds] of [
      ['1h', HOUR],
      ['6h', 6 * HOUR],
      ['3d', 3 * DAY],
    ] as const) {
      const t = truth(apiBad, api, at - seconds, at);
      expect(t.total).toBeGreaterThan(0);
      expect(rates[name]).toBeCloseTo(burn(t, 0.999), 4);
    }
  });

  test('several SLOs from one OpenSLO file: occurrences, timeslices and a calendar month', async () => {
    writeFileSync(
      join(workspace, 'slos.yaml'),
      `apiVersion: openslo/v1
kind: SLI
metadata: { name: api-errors }
spec:
  ratioMetric:
    counter: true
    bad: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{job="api",code=~"5.."}' } } }
    total: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{job="api"}' } } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout }
spec:
  service: checkout
  indicator:
    metadata: { name: checkout-errors }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'sum(increase(http_requests_total{job="checkout",code="200"}[$window]))' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{job="checkout"}' } } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.995 }]
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: api-minutes }
spec:
  service: api
  indicatorRef: api-errors
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Timeslices
  objectives: [{ target: 0.99, timeSliceTarget: 0.99, timeSliceWindow: 1m }]
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: api-monthly }
spec:
  service: api
  indicatorRef: api-errors
  timeWindow: [{ duration: 1M, calendar: { startTime: '2026-01-01 00:00:00', timeZone: UTC } }]
  budgetingMethod: Occurrences
  objectives: [{ targetPercent: 99.9 }]
`,
    );
    const result = await gate({ slo: 'slos.yaml', at: iso(FIXTURE_END) });
    const byName = new Map(slos(result).map((s) => [s.name, s]));
    expect([...byName.keys()].sort()).toEqual(['api-minutes', 'api-monthly', 'checkout']);

    const c = truth(checkoutBad, checkout, FIXTURE_END - 30 * DAY, FIXTURE_END);
    expect(byName.get('checkout')!.total).toBe(c.total);
    expect(byName.get('checkout')!.bad).toBe(c.bad);
    expect(byName.get('checkout')!.budgetRemaining).toBeCloseTo(1 - c.bad / (0.005 * c.total), 10);
    expect(byName.get('checkout')!.decision).toBe('pass');

    // Timeslices: a minute is bad when fewer than 99% of its requests succeeded.
    let badSlices = 0;
    let slices = 0;
    for (let t = FIXTURE_END - 30 * DAY + 60; t <= FIXTURE_END; t += 60) {
      const minute = truth(apiBad, api, t - 60, t);
      if (minute.total === 0) continue;
      slices++;
      if (1 - minute.bad / minute.total < 0.99) badSlices++;
    }
    const minutes = byName.get('api-minutes')!;
    expect(badSlices).toBeGreaterThan(250);
    expect(minutes.bad).toBe(badSlices);
    expect(minutes.total).toBe(slices);
    expect(minutes.budgetRemaining).toBeCloseTo(1 - badSlices / (0.01 * slices), 10);

    // Calendar month: from 1 November, so the old incident (27 October) is not counted.
    const monthStart = Date.UTC(2026, 10, 1) / 1000;
    const m = truth(apiBad, api, monthStart, FIXTURE_END);
    const monthly = byName.get('api-monthly')!;
    expect(monthly.windowStart).toBe('2026-11-01T00:00:00Z');
    expect(monthly.total).toBe(m.total);
    expect(monthly.bad).toBe(m.bad);
    expect(monthly.budgetRemaining).toBeCloseTo(1 - m.bad / (0.001 * m.total), 10);
    expect(monthly.budgetRemaining).toBeGreaterThan(0);
    expect(monthly.coverage).toBe(1);

    expect(result.outputs.decision).toBe(
      ['block', 'warn', 'pass'].find((d) => [...byName.values()].some((s) => s.decision === d)),
    );
    expect(result.summary.match(/^\| (checkout|api-minutes|api-monthly) \| [\d.]+% \|/gm)).toHaveLength(3);
  });

  test('Sloth rate() queries and a Pyrra spec give the same budget and forecast as event counts', async () => {
    writeFileSync(
      join(workspace, 'sloth.yaml'),
      `version: prometheus/v1
service: api
slos:
  - name: api-availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="api",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="api"}[{{.window}}]))
`,
    );
    writeFileSync(
      join(workspace, 'pyrra.yaml'),
      `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata: { name: api-errors }
spec:
  target: '99.9'
  window: 30d
  indicator:
    ratio:
      errors: { metric: 'http_requests_total{job="api",code=~"5.."}' }
      total: { metric: 'http_requests_total{job="api"}' }
`,
    );
    const t = truth(apiBad, api, FIXTURE_END - 30 * DAY, FIXTURE_END);
    for (const slo of ['sloth.yaml', 'pyrra.yaml']) {
      const result = await gate({ slo, at: iso(FIXTURE_END) });
      expect(result.outputs.decision).toBe('block');
      expect(slos(result)[0]!.budgetRemaining).toBeCloseTo(1 - t.bad / (0.001 * t.total), 9);
      expect(result.outputs['reopens-at']).toBe(iso(trueReopen(FIXTURE_END, 0.999)!));
    }
  });

  test('label values are escaped: a job named we"ird\\job is read exactly', async () => {
    const weird = (l: ReadonlyMap<string, string>) => l.get('job') === 'we"ird\\job';
    const result = await gate({
      'good-query': 'http_requests_total{job="we\\"ird\\\\job"}',
      'total-query': 'http_requests_total{job="we\\"ird\\\\job"}',
      at: iso(FIXTURE_END),
    });
    expect(result.outputs.decision).toBe('pass');
    expect(slos(result)[0]!.total).toBe(trueEvents(fixture, weird, FIXTURE_END - 30 * DAY, FIXTURE_END));
    expect(result.outputs['budget-remaining']).toBe('1.0000');
    expect(result.exitCode).toBe(0);
  });

  test.each([
    ['NaN samples', { 'bad-query': 'broken_requests_total{job="nan"}' }, /returned NaN/],
    ['no series', { 'bad-query': 'missing_errors_total{job="api"}' }, /no data/],
    [
      'a query Prometheus rejects',
      { 'bad-query': 'sum(rate(http_requests_total[$window])) by (' },
      /rejected the query/,
    ],
  ])('%s is inconclusive and fails the step', async (_, inputs, reason) => {
    const result = await gate({ ...API_INLINE, ...inputs, at: iso(FIXTURE_END) });
    expect(result.outputs.decision).toBe('inconclusive');
    expect(result.outputs.reason).toMatch(reason);
    expect(result.outputs['budget-remaining']).toBe('');
    expect(result.exitCode).toBe(1);
  });

  test('on-inconclusive: pass lets an inconclusive gate pass with a warning', async () => {
    const result = await gate({
      ...API_INLINE,
      'bad-query': 'broken_requests_total{job="nan"}',
      'on-inconclusive': 'pass',
      at: iso(FIXTURE_END),
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.decision).toBe('inconclusive');
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', title: 'Error budget gate inconclusive' }),
    );
  });

  test('a Prometheus that is down is inconclusive, never a pass', async () => {
    const result = await gate({
      ...API_INLINE,
      'prometheus-url': 'http://127.0.0.1:9',
      'query-timeout': '2s',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.decision).toBe('inconclusive');
    expect(result.outputs.reason).toMatch(/cannot be reached/);
  });

  test('a healthy SLO passes; min-budget-remaining and burn-rate-rules are honoured', async () => {
    const inputs = {
      'bad-query': 'http_requests_total{job="checkout",code=~"5.."}',
      'total-query': 'http_requests_total{job="checkout"}',
      objective: '99.5',
      at: iso(FIXTURE_END),
    };
    const c = truth(checkoutBad, checkout, FIXTURE_END - 30 * DAY, FIXTURE_END);
    const budget = 1 - c.bad / (0.005 * c.total);
    const pass = await gate(inputs);
    expect(pass.outputs.decision).toBe('pass');
    expect(pass.outputs['budget-remaining']).toBe(budget.toFixed(4));
    expect(pass.outputs['reopens-at']).toBe('');
    expect(pass.exitCode).toBe(0);

    const strict = await gate({ ...inputs, 'min-budget-remaining': String(budget + 0.01) });
    expect(strict.outputs.decision).toBe('block');

    const rate = burn(truth(checkoutBad, checkout, FIXTURE_END - 2 * HOUR, FIXTURE_END), 0.995);
    const warn = await gate({
      ...inputs,
      'burn-rate-rules': `[{long: 2h, short: 2h, burn-rate: ${rate / 2}, severity: warn}]`,
    });
    expect(warn.outputs.decision).toBe('warn');
    expect(warn.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        title: 'Error budget burning',
        message: expect.stringMatching(/over 2h/),
      }),
    );
    expect(JSON.parse(warn.outputs['burn-rates']!)['2h']).toBeCloseTo(rate, 4);
    expect(warn.exitCode).toBe(0);
  });
});

describe('error-budget-gate on data sampled every 5 minutes', () => {
  let sparse: PrometheusServer;
  beforeAll(async () => {
    // The demo export: hourly, every 5 minutes in the last day.
    sparse = await startPrometheus({ openMetrics: toOpenMetrics(fixture, DEMO_EXPORT) });
    writeFileSync(join(workspace, 'sparse.om'), toOpenMetrics(fixture, DEMO_EXPORT));
  });
  afterAll(async () => sparse?.stop());
  const between = FIXTURE_END - 120;
  const ask = async (query: string, time: number) =>
    (
      (await (
        await fetch(`${sparse.url}/api/v1/query?query=${encodeURIComponent(query)}&time=${time}`)
      ).json()) as { data: { result: Array<{ value: [number, string] }> } }
    ).data.result.map((r) => r.value[1]);

  test('Prometheus itself answers no series for increase() over a 5m window holding one sample', async () => {
    expect(await ask('count_over_time(http_requests_total{job="api",code="200"}[5m])', between)).toEqual([
      '1',
    ]);
    expect(await ask('sum(increase(http_requests_total{job="api"}[5m]))', between)).toEqual([]);
    // On a sample (Prometheus 2 ranges include both ends) the window holds two and has a value.
    expect(await ask('sum(increase(http_requests_total{job="api"}[5m]))', FIXTURE_END)).toHaveLength(1);
  });

  test('the gate names too few samples, as the file backend does on the same data, and never passes', async () => {
    const viaPrometheus = await gate({ ...API_INLINE, 'prometheus-url': sparse.url, at: String(between) });
    expect(viaPrometheus.exitCode).toBe(1);
    expect(viaPrometheus.outputs.decision).toBe('inconclusive');
    expect(viaPrometheus.outputs.reason).toBe(
      'the bad-events query sum(increase(http_requests_total{job="api",code=~"5.."}[5m])) failed: too few samples in the 5m window (1 sample; the metric is sampled every 5m: widen the window to at least 10m with input "burn-rate-rules", or sample more often)',
    );
    const viaFile = await runBundle('error-budget-gate', {
      workspace,
      inputs: { ...API_INLINE, file: 'sparse.om', at: String(between) },
    });
    expect(viaFile.outputs.decision).toBe('inconclusive');
    expect(viaFile.outputs.reason).toBe(viaPrometheus.outputs.reason!.replace('the metric', 'the export'));

    const widened = await gate({
      ...API_INLINE,
      'prometheus-url': sparse.url,
      at: String(between),
      'burn-rate-rules': '[{long: 1h, short: 10m, burn-rate: 14.4}, {long: 6h, short: 30m, burn-rate: 6}]',
    });
    expect(widened.outputs.decision).toBe('block');
    expect(widened.outputs.reason).toMatch(/^budget remaining -\d+\.\d\d% is at or below 0\.00%$/);
  });
});

describe('error-budget-gate with 15 days of retention', () => {
  let short: PrometheusServer;
  beforeAll(async () => {
    short = await startPrometheus({
      openMetrics: toOpenMetrics(fixture),
      blockDuration: '24h',
      retention: '15d',
    });
  });
  afterAll(async () => short?.stop());

  test('data covering half the window is inconclusive, not a pass on half the errors', async () => {
    const result = await gate({ ...API_INLINE, 'prometheus-url': short.url, at: iso(FIXTURE_END) });
    expect(result.outputs.decision).toBe('inconclusive');
    expect(result.outputs.reason).toMatch(/covers .* of the window, less than min-coverage 90.00%/);
    // Truth from the server's own sample count: hourly buckets that hold at least two samples.
    const kept = (await (
      await fetch(
        `${short.url}/api/v1/query?query=${encodeURIComponent('count_over_time(http_requests_total{job="api",code="200"}[30d])')}&time=${FIXTURE_END}`,
      )
    ).json()) as { data: { result: Array<{ value: [number, string] }> } };
    const firstSample = FIXTURE_END - (Number(kept.data.result[0]!.value[1]) - 1) * 60;
    let buckets = 0;
    for (let end = FIXTURE_END; end > FIXTURE_END - 30 * DAY; end -= HOUR)
      if (end - 60 >= firstSample) buckets++;
    expect(firstSample).toBeGreaterThan(FIXTURE_END - 17 * DAY);
    expect(slos(result)[0]!.coverage).toBe(buckets / 720);
    expect(result.exitCode).toBe(1);

    const lenient = await gate({
      ...API_INLINE,
      'prometheus-url': short.url,
      at: iso(FIXTURE_END),
      'min-coverage': '0.4',
    });
    expect(lenient.outputs.decision).not.toBe('inconclusive');
  });
});

describe('error-budget-gate override', () => {
  let github: GitHubServer;
  beforeAll(async () => {
    github = await startGitHubServer({ owner: 'acme', repo: 'shop' });
  });
  afterAll(async () => github?.close());

  const SHA = 'a'.repeat(40);
  const dispatch = { name: 'workflow_dispatch', payload: { inputs: { reason: 'hotfix INC-42' } } };

  test('an override reason lets a blocked gate pass and is recorded in the summary, a notice and one commit comment', async () => {
    const options = {
      event: dispatch,
      github: { url: github.url },
      env: { GITHUB_SHA: SHA, GITHUB_ACTOR: 'ada' },
    };
    const result = await gate(
      { ...API_INLINE, at: iso(FIXTURE_END), 'override-reason': 'hotfix INC-42' },
      options,
    );
    expect(result.exitCode).toBe(0);
    expect(result.outputs.decision).toBe('override');
    expect(result.outputs.reason).toMatch(/^overridden \(block: budget remaining/);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        title: 'Error budget gate overridden',
        message: expect.stringContaining('by ada'),
      }),
    );
    expect(result.summary).toContain('**Overridden** by `ada` for commit `aaaaaaaaaaaa`: `hotfix INC-42`');
    const comments = github.state.commitComments.filter((c) => c.commit_id === SHA);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('Reason: hotfix INC-42');
    expect(comments[0]!.body).toContain('@ada');

    // A re-run of the same attempt finds its comment instead of writing a second one.
    const again = await gate(
      { ...API_INLINE, at: iso(FIXTURE_END), 'override-reason': 'hotfix INC-42' },
      options,
    );
    expect(again.exitCode).toBe(0);
    expect(again.summary).toContain('Already recorded');
    expect(github.state.commitComments.filter((c) => c.commit_id === SHA)).toHaveLength(1);
  });

  test('a pull request label named by override-label overrides; without it the gate blocks', async () => {
    const payload = (labels: string[]) => ({
      name: 'pull_request',
      payload: {
        pull_request: {
          number: 7,
          labels: labels.map((name) => ({ name })),
          head: { sha: 'b'.repeat(40) },
          base: { sha: 'c'.repeat(40) },
        },
      },
    });
    const inputs = { ...API_INLINE, at: iso(FIXTURE_END), 'override-label': 'release-anyway' };
    const labelled = await gate(inputs, {
      event: payload(['release-anyway']),
      github: { url: github.url },
      env: { GITHUB_SHA: 'd'.repeat(40) },
    });
    expect(labelled.outputs.decision).toBe('override');
    expect(labelled.exitCode).toBe(0);
    expect(github.state.commitComments.find((c) => c.commit_id === 'b'.repeat(40))?.body).toContain(
      'label "release-anyway" on pull request #7',
    );

    const unlabelled = await gate(inputs, { event: payload(['docs']), github: { url: github.url } });
    expect(unlabelled.outputs.decision).toBe('block');
    expect(unlabelled.exitCode).toBe(1);
  });

  test('an override on a passing gate changes nothing', async () => {
    const result = await gate(
      {
        'bad-query': 'http_requests_total{job="checkout",code=~"5.."}',
        'total-query': 'http_requests_total{job="checkout"}',
        objective: '99.5',
        at: iso(FIXTURE_END),
        'override-reason': 'just in case',
      },
      { event: dispatch, github: { url: github.url }, env: { GITHUB_SHA: 'e'.repeat(40) } },
    );
    expect(result.outputs.decision).toBe('pass');
    expect(github.state.commitComments.filter((c) => c.commit_id === 'e'.repeat(40))).toHaveLength(0);
  });
});
