import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Git } from '../shared/git.js';

/** What a run at a terminal learns from the repository it is in, where a runner would set variables. */
export interface Checkout {
  /** The repository's top folder: every path input is relative to it, from whichever folder. */
  top: string;
  /** The folder git keeps its own files in (per worktree): local state lives there, never committed. */
  gitDir: string;
  /** The commit HEAD names, undefined before the first commit. */
  head?: string;
  /** The branch checked out, undefined on a detached HEAD. */
  branch?: string;
  /** Paths with changes not committed yet (modified, added, untracked), repository-relative. */
  uncommitted: string[];
}

/** What an action needs to know about the checkout beyond where it is (each costs a git process). */
export interface Needs {
  /** The commit and branch checked out, for inputs a runner's event would give. */
  commit?: boolean;
  /**
   * For an action that compares commits, what it does with files not committed yet, said after their
   * names ("… are skipped: …"); the command line lists them, since the action cannot see them.
   */
  uncommitted?: string;
}

/**
 * Every action has a row, empty when the folder it runs in is all it needs: a new action's author
 * decides (test/foundation/metadata.test.ts fails until its row is here).
 */
export const needs: Readonly<Record<string, Needs>> = {
  affected: { uncommitted: 'not counted: affected compares commits. Commit them to include them.' },
  'deploy-metadata': {},
  'error-budget-gate': {},
  'flaky-quarantine': { commit: true },
  'migration-lint': {
    uncommitted:
      'skipped: migration-lint compares commits. Commit them to lint them as a change, or run with --all to lint every migration file as it is on disk.',
  },
};

/** The checkout `cwd` is in, or undefined outside a git repository. */
export async function findCheckout(cwd: string, want: Needs = {}): Promise<Checkout | undefined> {
  const where = await new Git(cwd).exec(['rev-parse', '--show-toplevel', '--absolute-git-dir']);
  if (where.code !== 0) return undefined;
  const [top, gitDir] = where.stdout.split('\n');
  const git = new Git(top!);
  const skipped = { code: 1, stdout: '', stderr: '' };
  const [head, branch, status] = await Promise.all([
    want.commit ? git.exec(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']) : skipped,
    want.commit ? git.exec(['symbolic-ref', '--quiet', '--short', 'HEAD']) : skipped,
    want.uncommitted ? git.exec(['status', '--porcelain=v1', '-z', '--untracked-files=all']) : skipped,
  ]);
  return {
    top: top!,
    gitDir: gitDir!,
    head: head.code === 0 ? head.stdout.trim() : undefined,
    branch: branch.code === 0 ? branch.stdout.trim() : undefined,
    uncommitted: uncommittedPaths(status.code === 0 ? status.stdout : ''),
  };
}

/** The paths of `git status --porcelain=v1 -z`; a rename's record carries its old path after it. */
export function uncommittedPaths(status: string): string[] {
  const records = status.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (record.length < 4) continue;
    paths.push(record.slice(3));
    if (record[0] === 'R' || record[0] === 'C') i++;
  }
  return paths;
}

/** The runner variables a terminal run stands in for: the workspace and a temp folder of its own. */
export function localEnvironment(checkout: Checkout | undefined, cwd: string): Record<string, string> {
  if (!checkout) return { GITHUB_WORKSPACE: cwd };
  return { GITHUB_WORKSPACE: checkout.top, RUNNER_TEMP: join(checkout.gitDir, 'trunk-actions') };
}

/**
 * Inputs a runner's event answers and a terminal's checkout answers instead, per action: nobody types
 * the commit or branch they are on. Given values that name a revision are resolved to the commit, so
 * history never records the text `HEAD`.
 */
export function localDefaults(
  action: string,
  checkout: Checkout | undefined,
  runId = `local-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
): Record<string, string> {
  if (action !== 'flaky-quarantine' || !checkout) return {};
  return {
    ...(checkout.head ? { commit: checkout.head } : {}),
    ...(checkout.branch ? { branch: checkout.branch } : {}),
    'run-id': runId,
    state: `file:${join(checkout.gitDir, 'trunk-actions', 'flaky-history.json')}`,
  };
}

/** Inputs whose given value is a revision that the command line resolves to a commit first. */
export const revisionInputs: Readonly<Record<string, readonly string[]>> = {
  'flaky-quarantine': ['commit'],
};
