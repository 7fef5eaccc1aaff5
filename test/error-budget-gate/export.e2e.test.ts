import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runBundle } from '../support/harness.js';
import { DEMO_EXPORT, FIXTURE_END, buildFixture, toOpenMetrics } from '../support/prometheus.js';
import { DAY, api, apiBad, checkout, checkoutBad, truthOf } from './truth.js';

// The file backend through the bundle, on the demo export shipped in the repository (the numbers
// the README's worked example quotes): the same truth as the real-Prometheus tests.

const fixture = buildFixture();
const { truth, trueReopen } = truthOf(fixture);
const demo = join(repoRoot, 'test/fixtures/error-budget-gate/demo');
let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'ebg-export-'));
  cpSync(demo, workspace, { recursive: true });
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

test('the shipped demo export is the fixture (hourly, 5-minute in the last day)', () => {
  expect(readFileSync(join(demo, 'sli.om'), 'utf8')).toBe(toOpenMetrics(fixture, DEMO_EXPORT));
});

test('two OpenSLO objectives from an export give the exact numbers and forecast', async () => {
  const result = await runBundle('error-budget-gate', {
    workspace,
    inputs: { slo: 'slos.yaml', file: 'sli.om', at: '2026-11-16T00:00:00Z' },
  });
  const a = truth(apiBad, api, FIXTURE_END - 30 * DAY, FIXTURE_END);
  const c = truth(checkoutBad, checkout, FIXTURE_END - 30 * DAY, FIXTURE_END);
  expect(result.exitCode).toBe(1);
  expect(result.outputs.decision).toBe('block');
  expect(result.outputs['budget-remaining']).toBe((1 - a.bad / (0.001 * a.total)).toFixed(4));
  expect(result.outputs['reopens-at']).toBe(
    new Date(trueReopen(FIXTURE_END, 0.999)! * 1000).toISOString().replace('.000Z', 'Z'),
  );
  const [apiSlo, checkoutSlo] = JSON.parse(result.outputs.slos!) as Array<Record<string, number | string>>;
  expect(apiSlo).toMatchObject({ name: 'api-availability', bad: a.bad, total: a.total, decision: 'block' });
  expect(checkoutSlo).toMatchObject({
    name: 'checkout-availability',
    bad: c.bad,
    total: c.total,
    decision: 'pass',
  });
  expect(checkoutSlo!.budgetRemaining).toBeCloseTo(1 - c.bad / (0.005 * c.total), 10);
  expect(result.summary).toContain('against the export sli.om');
  expect(result.stdout).toContain(
    '::group::Evaluating 2 SLOs at 2026-11-16T00:00:00Z against the export sli.om',
  );
  expect(result.stdout).toMatch(/^28 distinct queries answered in \d+ ms\.$/m);
});

test('sampled every 5 minutes and evaluated between samples, the 5m window is named as too short, never passed', async () => {
  // 23:58: the 5m window holds the 23:55 sample only, and increase() needs two.
  const between = await runBundle('error-budget-gate', {
    workspace,
    inputs: { slo: 'slos.yaml', file: 'sli.om', at: '2026-11-15T23:58:00Z' },
  });
  expect(between.exitCode).toBe(1);
  expect(between.outputs.decision).toBe('inconclusive');
  expect(between.outputs.reason).toBe(
    'api-availability: the bad-events query sum(increase(http_requests_total{job="api",code=~"5.."}[5m])) failed: too few samples in the 5m window (1 sample; the export is sampled every 5m: widen the window to at least 10m with input "burn-rate-rules", or sample more often)',
  );
  expect(between.outputs.reason).not.toMatch(/no data|check the metric/);
  // Widened as the reason says, the same data decides: the api budget is spent.
  const widened = await runBundle('error-budget-gate', {
    workspace,
    inputs: {
      slo: 'slos.yaml',
      file: 'sli.om',
      at: '2026-11-15T23:58:00Z',
      'burn-rate-rules': '[{long: 1h, short: 10m, burn-rate: 14.4}, {long: 6h, short: 30m, burn-rate: 6}]',
    },
  });
  expect(widened.outputs.decision).toBe('block');
  expect(widened.outputs.reason).toMatch(
    /^api-availability: budget remaining -10\d\.\d\d% is at or below 0\.00%$/,
  );
});

test('an export that is not one fails with the file named; a path outside the workspace is refused', async () => {
  const broken = await runBundle('error-budget-gate', {
    workspace,
    inputs: { slo: 'slos.yaml', file: 'slos.yaml' },
  });
  expect(broken.exitCode).toBe(2);
  expect(broken.stdout).toMatch(/The export slos.yaml cannot be read: line \d+/);
  const outside = await runBundle('error-budget-gate', {
    workspace,
    inputs: { slo: 'slos.yaml', file: '../etc/passwd' },
  });
  expect(outside.stdout).toMatch(/leads outside the workspace/);
  expect(outside.outputs.decision).toBeUndefined();
});
