import { type TestRepo, createRepo } from '../support/git-repo.js';
import { runBundle } from '../support/harness.js';

let repo: TestRepo;
beforeAll(() => {
  repo = createRepo({ 'README.md': 'hello' });
});
afterAll(() => repo.cleanup());

/** One bad input per action, run through the bundle as the runner would: exit 1 and one clear line. */
const cases: [string, Record<string, string>, RegExp][] = [
  [
    'affected',
    { base: '--output=/tmp/pwned' },
    /\(input base\) starts with "-", which git would read as an option/,
  ],
  [
    'deploy-metadata',
    { environment: '' },
    /Input "environment" is "", which is not allowed: a value is required/,
  ],
  [
    'flaky-quarantine',
    { 'on-bad-report': 'ignore' },
    /Input "on-bad-report" is "ignore", which is not allowed/,
  ],
  [
    'migration-lint',
    { 'fail-on': 'sometimes' },
    /Input "fail-on" is "sometimes", which is not allowed: allowed values are error, warning, never/,
  ],
  [
    'error-budget-gate',
    { objective: '101' },
    /Input "objective" is "101", which is not allowed: allowed values are numbers from/,
  ],
];

describe.each(cases)('%s with a bad input', (action, inputs, message) => {
  it('fails the step with exit 1 and one error line naming the input', async () => {
    const result = await runBundle(action, { inputs, workspace: repo.dir });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(message);
    expect(result.stdout).not.toMatch(/^\s+at /m); // no stack trace for a user error
  });
});
