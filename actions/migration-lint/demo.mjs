// `npm run demo` for migration-lint: a shop database (test/fixtures/migrations/demo/base) on main,
// and a branch adding a migration (demo/change) with a mix of risky, safe and suppressed statements.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { branchFromFixtures } from '../../scripts/demo-repo.mjs';

export async function demo(tmpDir) {
  branchFromFixtures(tmpDir, {
    fixtures: join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/migrations/demo'),
    branch: 'feature/loyalty',
    baseMessage: 'shop schema',
    changeMessage: 'loyalty points, public ids, bigger totals',
  });
  return {
    title: 'which statements of a new Flyway migration would lock a hot table or break the running app?',
    args: ['--base', 'main'],
  };
}
