// `npm run demo` for affected: a small pnpm + Go monorepo (test/fixtures/affected/demo/base) on main,
// and a branch that changes the ui package's code and only the app's README (demo/change).
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
  'affected',
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
  git('commit', '-q', '-m', 'shop monorepo');
  git('checkout', '-q', '-b', 'feature/button-label');
  cpSync(join(fixtures, 'change'), tmpDir, { recursive: true });
  git('commit', '-q', '-am', 'ui: button shows its label; app: README screenshot');
  return {
    title: 'which projects must CI run for a branch that changes a ui component (and a README)?',
    args: ['--base', 'main'],
  };
}
