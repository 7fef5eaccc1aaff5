// Demo for `npm run demo`: the gate over an export of SLI counters (test/fixtures/error-budget-gate/demo/:
// 30 days of api and checkout request counters from the test fixture) with two OpenSLO objectives,
// evaluated at the fixture's end so the decision is the same every time: the api budget is spent.
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/error-budget-gate/demo');

export async function demo(tmpDir) {
  for (const name of ['sli.om', 'slos.yaml']) copyFileSync(join(fixtures, name), join(tmpDir, name));
  return {
    title: 'two SLOs from an OpenMetrics export; the api has spent its budget',
    args: ['--slo', 'slos.yaml', '--file', 'sli.om', '--at', '2026-11-16T00:00:00Z'],
  };
}
