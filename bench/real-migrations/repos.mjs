// The public repositories of cases.json, shared by the accuracy runner (run.mjs) and the speed
// benchmark (bench/migrations.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from '../lib.mjs';

export const { projects } = JSON.parse(
  readFileSync(join(root, 'bench', 'real-migrations', 'cases.json'), 'utf8'),
);

export const git = (cwd, args, input) =>
  execFileSync('git', args, { cwd, input, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });

/** The repository's git directory: the `fetch` tool's mirror when present, else a bare clone. */
export function gitDir(repo) {
  const mirror = `/work/.mirror/${repo.replace('/', '+')}/repo`;
  if (existsSync(mirror)) return mirror;
  const clone = join(root, '.bench-real', `${repo.replace('/', '+')}.git`);
  if (!existsSync(clone)) {
    mkdirSync(dirname(clone), { recursive: true });
    git(root, ['clone', '--bare', '--quiet', `https://github.com/${repo}.git`, clone]);
  }
  return clone;
}

const collator = new Intl.Collator('en', { numeric: true });
const globRegex = (glob) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

/** The project's migration files at its commit, in the order its runner applies them. */
export function migrationPaths(project, dir = gitDir(project.repo)) {
  const match = globRegex(project.paths);
  return git(dir, ['ls-tree', '-r', '--name-only', project.commit])
    .split('\n')
    .filter((p) => match.test(p))
    .sort(collator.compare);
}
