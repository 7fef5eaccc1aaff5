import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../../shared/errors.js';
import { findFiles, readerInside } from '../../../shared/files.js';
import type { Git } from '../../../shared/git.js';
import type { Logger } from '../../../shared/io.js';
import { globList } from '../../../shared/glob.js';
import { type RangePlan, resolveRange } from '../../../shared/range.js';
import type { SourceFile } from './lint.js';
import { isDownMigration } from './runners.js';

/** Larger files are reported instead of read (the largest real migrations are dumps of tens of MB). */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

export interface Selection {
  patterns: readonly string[];
  includeDown: boolean;
}

function selector(selection: Selection): (path: string) => boolean {
  const matches = globList(selection.patterns, 'paths');
  return (path) => matches(path) && (selection.includeDown || !isDownMigration(path));
}

/**
 * Reads workspace files as bytes (confined, capped), so a file that is not UTF-8 can be reported,
 * not garbled. The workspace's real path is resolved once, for every file read.
 */
const workspaceReader = (workspace: string): ((path: string) => Buffer) =>
  readerInside(workspace, { input: 'paths', maxBytes: MAX_FILE_BYTES });

/** `all: true`: every matching file in the workspace. */
export function allFiles(
  workspace: string,
  selection: Selection,
  log?: Pick<Logger, 'warning'>,
): SourceFile[] {
  // findFiles has matched the patterns already
  const paths = findFiles(workspace, selection.patterns, { inputName: 'paths', log });
  const read = workspaceReader(workspace);
  return paths
    .filter((path) => selection.includeDown || !isDownMigration(path))
    .map((path) => ({ path, content: read(path) }));
}

export interface ChangeSet {
  base: SourceFile[];
  change: SourceFile[];
}

export interface RangeChangeSet extends ChangeSet {
  /** `base..head`, abbreviated, for messages. */
  range: string;
  /** Why these two revisions were compared. */
  rule: string;
  warnings: string[];
}

/**
 * The migrations a planned range changes (see changedMigrations). Whether the workspace is a
 * repository is asked only when git fails: it is the likeliest reason, and saves a process otherwise.
 */
export async function migrationsInRange(
  git: Git,
  workspace: string,
  plan: RangePlan,
  selection: Selection,
  onChanged?: () => void,
): Promise<RangeChangeSet> {
  try {
    const resolved = await resolveRange(git, plan);
    const files = await changedMigrations(git, workspace, resolved.base, resolved.head, selection, onChanged);
    const range = `${resolved.base.slice(0, 7)}..${resolved.head.slice(0, 7)}`;
    return { ...files, range, rule: resolved.rule, warnings: resolved.warnings };
  } catch (error) {
    if (await git.isRepository()) throw error;
    throw new UserError(
      `${workspace} is not a git repository: check out the repository first, or set all: true to lint every migration file.`,
    );
  }
}

/**
 * The migrations as they were at `base` (replayed for schema state) and the ones added or modified
 * by `base..head` (no base ones when none is). Modified files are linted in their new form and left
 * out of the replay. Changed files are read from the work tree when it is at `head` (bytes, to
 * report non-UTF-8), else from git. `onChanged` is called as soon as some migration is known to
 * have changed, before the history is read.
 */
export async function changedMigrations(
  git: Git,
  workspace: string,
  base: string,
  head: string,
  selection: Selection,
  onChanged?: () => void,
): Promise<ChangeSet> {
  const select = selector(selection);
  // independent questions, asked of two git processes at once
  const [diff, baseFiles] = await Promise.all([git.changedFiles(base, head), git.listFiles(base)]);
  const changed = diff.filter((f) => f.status !== 'D' && select(f.path));
  if (changed.length) onChanged?.();
  const replaced = new Set(changed.flatMap((f) => [f.path, f.oldPath ?? f.path]));
  // with no migration changed there is nothing to lint, and the history is not read
  const basePaths = changed.length ? baseFiles.filter((p) => select(p) && !replaced.has(p)) : [];
  const baseContents = basePaths.length ? await git.readFiles(base, basePaths) : new Map<string, string>();
  const checkedOut = (await git.tryResolve('HEAD')) === head;
  const read = checkedOut ? workspaceReader(workspace) : undefined;
  const fromGit = checkedOut
    ? new Map<string, string | undefined>()
    : await git.readFiles(
        head,
        changed.map((f) => f.path),
      );
  return {
    base: basePaths.map((path) => ({ path, content: baseContents.get(path) ?? '' })),
    change: changed.map((f) => ({
      path: f.path,
      content: read && existsOrLink(join(workspace, f.path)) ? read(f.path) : (fromGit.get(f.path) ?? ''),
    })),
  };
}

/** A link counts as present (a dangling one too), so reading it meets the confinement check. */
function existsOrLink(path: string): boolean {
  try {
    return lstatSync(path) !== undefined;
  } catch {
    return existsSync(path);
  }
}
