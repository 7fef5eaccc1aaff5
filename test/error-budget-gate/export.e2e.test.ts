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
