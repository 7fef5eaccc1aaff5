import { historyKey } from './identity.js';
import { type BranchHistory, FAIL, type History, PASS, REPEAT, cellAt, cellsOf } from './history.js';

/** What one test did on one commit, over every run of that commit on every branch. */
export interface Evidence {
  /** PASS and FAIL bits seen. */
  bits: number;
  /** Failed attempts counted (a REPEAT cell counts two). */
  failedAttempts: number;
}

export type RunRef = { branch: BranchHistory; index: number };

/** Every run of `commit` in the history, on any branch: attempts, re-runs and matrix jobs. */
export function runsOfCommit(history: History, commit: string): RunRef[] {
  const refs: RunRef[] = [];
  for (const branch of history.branches.values())
    branch.runs.forEach((run, index) => run.commit === commit && refs.push({ branch, index }));
  return refs;
}

function add(evidence: Evidence, cell: number): void {
  evidence.bits |= cell & (PASS | FAIL);
  if (cell & FAIL) evidence.failedAttempts += cell & REPEAT ? 2 : 1;
}

/** What a test (by history key) did on the runs of one commit. */
export function evidenceOn(refs: readonly RunRef[], key: string): Evidence {
  const evidence = { bits: 0, failedAttempts: 0 };
  for (const { branch, index } of refs) add(evidence, cellAt(branch, key, index));
  return evidence;
}

/** Flaky: both failed and passed on the same code. */
export const isFlaky = (e: Evidence) => (e.bits & PASS) !== 0 && (e.bits & FAIL) !== 0;

/** Broken: failed on every attempt, and there were at least two. Never quarantined. */
export const isBroken = (e: Evidence) =>
  (e.bits & FAIL) !== 0 && (e.bits & PASS) === 0 && e.failedAttempts >= 2;

export interface Score {
  /** Commits with mixed results / commits with any result, over the whole kept history. */
  score: number;
  flakyCommits: number;
  commits: number;
}

/** The flakiness score of one test, for ranking (costs its history length). */
export function flakinessScore(history: History, id: string): Score {
  const key = historyKey(id);
  const byCommit = new Map<string, Evidence>();
  for (const branch of history.branches.values()) {
    for (const { index, cell } of cellsOf(branch, key)) {
      const commit = branch.runs[index]!.commit;
      const evidence = byCommit.get(commit) ?? { bits: 0, failedAttempts: 0 };
      add(evidence, cell);
      byCommit.set(commit, evidence);
    }
  }
  let flakyCommits = 0;
  for (const evidence of byCommit.values()) if (isFlaky(evidence)) flakyCommits++;
  return { score: byCommit.size ? flakyCommits / byCommit.size : 0, flakyCommits, commits: byCommit.size };
}

/**
 * Passes in a row on the default branch, newest first, counting only runs recorded at or after
 * `since`. Skips and absences do not count and do not break the row; any failure ends it.
 */
export function consecutivePasses(
  history: History,
  defaultBranch: string,
  id: string,
  since: string,
): number {
  const branch = history.branches.get(defaultBranch);
  if (!branch) return 0;
  let count = 0;
  const cells = cellsOf(branch, historyKey(id));
  for (let i = cells.length - 1; i >= 0; i--) {
    const { index, cell } = cells[i]!;
    if (branch.runs[index]!.at < since) break;
    if (cell & FAIL) break;
    count++;
  }
  return count;
}

/**
 * Failed runs in a row without a pass, newest first, on one branch (skips and absences are passed
 * over). A quarantined test that keeps failing with one attempt per commit is broken, not flaky.
 */
export function failureStreak(branch: BranchHistory | undefined, key: string): number {
  if (!branch) return 0;
  const cells = cellsOf(branch, key);
  let streak = 0;
  for (let i = cells.length - 1; i >= 0 && cells[i]!.cell & FAIL && !(cells[i]!.cell & PASS); i--) streak++;
  return streak;
}

/**
 * An infrastructure failure: so many executed tests failed that the cause is the environment, not
 * the tests. Such a run is not flaky evidence. Small runs (under `minTests`) are never called that.
 */
export function isInfraFailure(executed: number, failed: number, ratio: number, minTests = 10): boolean {
  return executed >= minTests && failed / executed >= ratio;
}
