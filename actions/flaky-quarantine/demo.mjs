// Demo for `npm run demo`: attempt 2 of a run on main. The shipped history (a local state file)
// remembers that attempt 1 of this commit failed "applies a voucher" and that "suggests as you
// type" has been quarantined for a while; the manual file forces a broken sandbox test in. The
// action finds the voucher test flaky (failed, then passed on the same commit) and quarantines it,
// Surefire's flakyFailure makes "refunds" flaky within one report, and the step passes because every
// failure left is quarantined. No network and no token: issues are off without one.
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test',
  'fixtures',
  'flaky-quarantine',
  'demo',
);

export async function demo(tmpDir) {
  cpSync(fixtures, tmpDir, { recursive: true });
  return {
    title: 'attempt 2 finds a flaky test, quarantined failures do not block',
    args: [
      '--reports',
      'reports/*.xml',
      '--state',
      'file:.flaky/history.json',
      '--commit',
      'c0ffee'.padEnd(40, '0'),
      '--branch',
      'main',
      '--default-branch',
      'main',
      '--run-id',
      '41',
      '--run-attempt',
      '2',
    ],
  };
}
