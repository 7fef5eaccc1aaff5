import { UserError, describeError } from '../../../shared/errors.js';
import type { Transform, UpdateResult } from '../../../shared/state-store.js';
import { plural } from '../../../shared/english.js';
import { loadYaml } from '../../../shared/yaml.js';
import { loadZod } from '../../../shared/zod.js';
import { type History, emptyHistory, parseHistory, serialiseHistory } from './history.js';
import { type Decisions, type ManualQuarantine, parseManualFile } from './quarantine.js';

/** The stored history and the manual file as documents: parsed, folded and written back as text. */

/** The file on the state branch; other actions keep theirs beside it. */
export const STATE_PATH = 'flaky-quarantine/history.json';
export const MAX_MANUAL_BYTES = 4 * 1024 * 1024;

/** Where on a state branch the history lives; a branch needs the repository it is in. */
export function branchTarget(branch: string, repo: { owner: string; repo: string }) {
  if (!repo.owner || !repo.repo)
    throw new UserError('Input "state" is a branch but GITHUB_REPOSITORY is not set.');
  return { owner: repo.owner, repo: repo.repo, branch, path: STATE_PATH };
}

/** The manual quarantine file's text, or a UserError naming the file and the wrong entry. */
export async function readManual(text: string, file: string): Promise<ManualQuarantine> {
  await Promise.all([loadYaml(), loadZod()]); // the parser and zod load only when there is a file to read
  try {
    return parseManualFile(text);
  } catch (error) {
    throw new UserError(`The quarantine file ${file} is not valid: ${describeError(error)}`);
  }
}

/** A stored document (undefined: none yet), or a UserError saying how to recover. */
export function readStoredHistory(text: string | undefined, where: string): History {
  if (text === undefined) return emptyHistory();
  try {
    return parseHistory(text);
  } catch (error) {
    throw new UserError(
      `The history in ${where} is not a valid flaky-quarantine document (${describeError(error)}); fix it or delete it to start over.`,
    );
  }
}

export interface Recording {
  /** The history as first read, for the verdict (a migrated history carried over to this run). */
  before: History;
  /** The history and decisions of the attempt that was written (or found already written). */
  history: History;
  decisions: Decisions;
}

/**
 * The store's transform for `step`: the store's optimistic concurrency may run it again on the
 * document read again after a conflict. Returns no text when nothing changes (nothing is written);
 * `recorded()`, after the update, gives the first read and the last attempt.
 */
export function historyTransform(
  step: (current: History) => Recording,
  where: string,
): { transform: Transform; recorded: () => Recording } {
  let before: History | undefined;
  let last: Recording | undefined;
  const transform: Transform = (text) => {
    last = step(readStoredHistory(text, where));
    before ??= last.before;
    const next = serialiseHistory(last.history);
    return next === text ? undefined : next;
  };
  const recorded = () => {
    if (!before || !last) throw new Error('historyTransform: recorded() before the store ran the transform');
    return { before, history: last.history, decisions: last.decisions };
  };
  return { transform, recorded };
}

/** The state branch's commit message for this step's write. */
export const commitMessage = (run: { runKey: string; commit: string; branch: string }) =>
  `flaky-quarantine: record run ${run.runKey} of ${run.commit.slice(0, 12)} on ${run.branch}`;

/** What the update did, for the log. */
export const updateLine = (where: string, update: UpdateResult) =>
  `History in ${where}: ${update.written ? `updated (${plural(update.attempts, 'attempt')})` : 'unchanged (this run was already recorded)'}.`;
