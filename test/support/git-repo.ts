import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Author, committer and dates fixed so commit hashes are the same on every machine. */
let clock = 1_700_000_000;
function gitEnv(): NodeJS.ProcessEnv {
  const date = `${clock} +0000`;
  return {
    ...process.env,
    GIT_AUTHOR_NAME: 'Ada Lovelace',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada Lovelace',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
}

export interface TestRepo {
  dir: string;
  git(args: string[]): string;
  /** Writes files (path -> content; null deletes). Paths are relative to the repository. */
  write(files: Record<string, string | null>): void;
  /** Stages everything and commits; returns the new commit SHA. */
  commit(message: string, files?: Record<string, string | null>): string;
  /** A clone over file:// (shallow with `depth`), itself a TestRepo. */
  clone(options?: { depth?: number; branch?: string }): TestRepo;
  cleanup(): void;
}

function wrap(dir: string): TestRepo {
  const repo: TestRepo = {
    dir,
    git: (args) =>
      execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
    write: (files) => {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, path);
        if (content === null) rmSync(full, { force: true, recursive: true });
        else {
          mkdirSync(dirname(full), { recursive: true });
          writeFileSync(full, content);
        }
      }
    },
    commit: (message, files) => {
      if (files) repo.write(files);
      clock += 60;
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '--allow-empty', '-m', message]);
      return repo.git(['rev-parse', 'HEAD']).trim();
    },
    clone: (options = {}) => {
      const target = mkdtempSync(join(tmpdir(), 'trunk-clone-'));
      const args = ['clone', '-q', '--no-local'];
      if (options.depth) args.push(`--depth=${options.depth}`);
      if (options.branch) args.push('--branch', options.branch);
      execFileSync('git', [...args, `file://${dir}`, target], { env: gitEnv() });
      return wrap(target);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return repo;
}

/** A new repository on branch `main` in a temp folder, with an optional first commit of `files`. */
export function createRepo(files?: Record<string, string | null>): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'trunk-repo-'));
  const repo = wrap(dir);
  repo.git(['init', '-q', '-b', 'main']);
  repo.git(['config', 'user.name', 'Ada Lovelace']);
  repo.git(['config', 'user.email', 'ada@example.com']);
  repo.git(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  if (files) repo.commit('initial commit', files);
  return repo;
}
