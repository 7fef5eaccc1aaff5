// One exit-code table for every action, on a runner and on the command line alike (README, --help):
// 0 done, 1 the check found what it exists to find, 2 bad input or usage. Each row is run both ways,
// the bundle as the runner runs it and the command line as a person types it, on the same repository.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionNames } from '../../shared/metadata.js';
import { type TestRepo, createRepo } from '../support/git-repo.js';
import { repoRoot, runBundle } from '../support/harness.js';

const [apiSlo, checkoutSlo] = readFileSync(
  join(repoRoot, 'test/fixtures/error-budget-gate/demo/slos.yaml'),
  'utf8',
).split(/^---$/m);
const junit = (failure: string) =>
  `<testsuites><testsuite name="s" tests="2"><testcase classname="cart" name="adds" file="cart.test.js"/><testcase classname="cart" name="totals" file="cart.test.js">${failure}</testcase></testsuite></testsuites>`;

let repo: TestRepo;
beforeAll(() => {
  repo = createRepo({
    'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
    'packages/a/package.json': JSON.stringify({ name: 'a' }),
    'db/migrations/001_init.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, name text);\n',
    'slo/api.yaml': apiSlo!,
    'slo/checkout.yaml': checkoutSlo!,
    'slo/sli.om': readFileSync(join(repoRoot, 'test/fixtures/error-budget-gate/demo/sli.om'), 'utf8'),
    'reports/pass.xml': junit(''),
    'reports/fail.xml': junit('<failure message="expected 3, got 4">expected 3, got 4</failure>'),
  });
  repo.commit('drop a column', {
    'packages/a/index.js': 'export const a = 1;\n',
    'db/migrations/002_drop_name.sql': 'ALTER TABLE users DROP COLUMN name;\n',
  });
});
afterAll(() => repo.cleanup());

const gate = { file: 'slo/sli.om', at: '2026-11-16T00:00:00Z' };
type Row = [action: string, code: 0 | 1 | 2, inputs: Record<string, string>, says: RegExp];
const rows: Row[] = [
  ['affected', 0, { base: 'HEAD~1' }, /./],
  [
    'affected',
    2,
    { base: '--output=/tmp/pwned' },
    /\(input base\) starts with "-", which git would read as an option/,
  ],
  ['deploy-metadata', 0, { environment: 'production' }, /./],
  [
    'deploy-metadata',
    2,
    { environment: 'production', 'require-semver': 'maybe' },
    /Input "require-semver" is "maybe", which is not allowed/,
  ],
  ['flaky-quarantine', 0, { reports: 'reports/pass.xml' }, /./],
  ['flaky-quarantine', 1, { reports: 'reports/fail.xml' }, /Blocking: 1 test/],
  [
    'flaky-quarantine',
    2,
    { 'on-bad-report': 'ignore' },
    /Input "on-bad-report" is "ignore", which is not allowed/,
  ],
  ['migration-lint', 0, { base: 'HEAD~1', paths: 'no-such-folder/*.sql' }, /./],
  ['migration-lint', 1, { base: 'HEAD~1' }, /migration-lint: 1 error/],
  ['migration-lint', 2, { 'fail-on': 'sometimes' }, /allowed values are error, warning, never/],
  ['error-budget-gate', 0, { ...gate, slo: 'slo/checkout.yaml' }, /./],
  ['error-budget-gate', 1, { ...gate, slo: 'slo/api.yaml' }, /Error budget gate: block/],
  ['error-budget-gate', 2, { ...gate, objective: '101' }, /Input "objective" is "101", which is not allowed/],
  ['error-budget-gate', 2, { ...gate, slo: 'slo/missing.yaml' }, /slo\/missing\.yaml/],
];

it('has a row exiting 0 and one exiting 2 for every action', () => {
  const missing = actionNames().flatMap((name) =>
    ([0, 2] as const)
      .filter((code) => !rows.some(([action, exit]) => action === name && exit === code))
      .map(
        (code) =>
          `add a row [${JSON.stringify(name)}, ${code}, inputs, what it says] to rows in test/foundation/exit-codes.e2e.test.ts`,
      ),
  );
  expect(missing).toEqual([]);
});

/** The flags a person types for these inputs (`--name value`). */
const flags = (inputs: Record<string, string>) =>
  Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value]);

describe.each(rows)('%s exits %i', (action, code, inputs, says) => {
  it('as a step on a runner', async () => {
    // On a runner the flaky history needs a place: a local file here (the default is a branch via the API).
    const state: Record<string, string> =
      action === 'flaky-quarantine' ? { state: `file:${join('.flaky', `${code}.json`)}` } : {};
    const result = await runBundle(action, { inputs: { ...state, ...inputs }, workspace: repo.dir });
    expect(result.exitCode).toBe(code);
    const errors = result.annotations.filter((a) => a.level === 'error' && !a.file);
    if (code === 0) expect(errors).toEqual([]);
    else expect(errors.map((a) => a.message)).toEqual([expect.stringMatching(says)]);
    expect(result.stdout).not.toMatch(/^\s+at |a bug in trunk-actions/m);
  });

  it('on the command line', () => {
    const r = spawnSync(
      process.execPath,
      [join(repoRoot, 'dist', 'cli', 'index.js'), action, ...flags(inputs)],
      {
        cwd: repo.dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: repo.dir },
      },
    );
    expect([r.status, r.stderr]).toEqual([
      code,
      code === 0 ? expect.not.stringMatching(/^error:/m) : expect.stringMatching(says),
    ]);
    expect(r.stderr).not.toMatch(/^\s+at |a bug in trunk-actions/m);
  });
});
