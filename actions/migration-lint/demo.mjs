// `npm run demo` for migration-lint: a shop database (test/fixtures/migrations/demo/base) on main,
// and a branch adding a migration (demo/change) with a mix of risky, safe and suppressed statements.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test',
  'fixtures',
  'migrations',
  'demo',
);

export async function demo(tmpDir) {
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: tmpDir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Demo',
        GIT_AUTHOR_EMAIL: 'demo@example.com',
        GIT_COMMITTER_NAME: 'Demo',
        GIT_COMMITTER_EMAIL: 'demo@example.com',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    });
  cpSync(join(fixtures, 'base'), tmpDir, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'shop schema');
  git('checkout', '-q', '-b', 'feature/loyalty');
  cpSync(join(fixtures, 'change'), tmpDir, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'loyalty points, public ids, bigger totals');
  return {
    title: 'which statements of a new Flyway migration would lock a hot table or break the running app?',
    args: ['--base', 'main'],
  };
}
