// `npm run demo` for affected: a small pnpm + Go monorepo (test/fixtures/affected/demo/base) on main,
// and a branch that changes the ui package's code and only the app's README (demo/change).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { branchFromFixtures } from '../../scripts/demo-repo.mjs';

export async function demo(tmpDir) {
  branchFromFixtures(tmpDir, {
    fixtures: join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/affected/demo'),
    branch: 'feature/button-label',
    baseMessage: 'shop monorepo',
    changeMessage: 'ui: button shows its label; app: README screenshot',
  });
  return {
    title: 'which projects must CI run for a branch that changes a ui component (and a README)?',
    args: ['--base', 'main'],
  };
}
