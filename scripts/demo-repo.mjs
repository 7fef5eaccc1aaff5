// Builds a demo repository from shipped fixtures: `base/` committed on main, then `change/` laid over
// it and committed on a branch, as a pull request would look. Used by actions/<name>/demo.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Demo',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'Demo',
  GIT_COMMITTER_EMAIL: 'demo@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/**
 * @param {string} dir the empty temp folder to build in
 * @param {{ fixtures: string, branch: string, baseMessage: string, changeMessage: string }} spec
 */
export function branchFromFixtures(dir, { fixtures, branch, baseMessage, changeMessage }) {
  const git = (...args) => execFileSync('git', args, { cwd: dir, env });
  cpSync(join(fixtures, 'base'), dir, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', baseMessage);
  git('checkout', '-q', '-b', branch);
  cpSync(join(fixtures, 'change'), dir, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', changeMessage);
}
