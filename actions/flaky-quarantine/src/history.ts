import { LETTERS, RLE_PATTERN, append, appendKeep, cellFromEnd, decode, encode, rleLength } from './cells.js';
import { ID_VERSION, LEGACY_ID_VERSION, historyKey, legacyIdOf } from './identity.js';

/**
 * The history document: for each branch, its last runs and, per test, what it did in each run.
 *
 * A cell's bits say what the test did in one run: PASS (passed at least once), FAIL (failed at least
 * once), REPEAT (failed at least twice: retries inside the run); 0 is no evidence (absent, skipped).
 * Per test and branch the cells are one run-length encoded string (see cells.ts), right-aligned with
 * the branch's runs, so 100,000 tests x 200 runs of mostly passes is about 13 MB of JSON.
 *
 * Merging two documents is lossless, idempotent and associative: runs are united by key (cells of
 * the same run OR-ed, so matrix jobs of one run add up), quarantine entries keep the later event.
 * Runs keep the order of the first document and new runs are appended; `addRun` is the fast path for
 * adding one run, equal to merging its single-run document.
 *
 * Document version 2 holds ids of the current recipe (identity.ts, v2). A version 1 document is
 * migrated once, when it is read: its outcomes (keyed by v1 ids' hashes, which cannot be turned
 * back into ids) and quarantine entries move to a legacy area, and each test takes its v1 cells and
 * quarantine entry over the first time it is reported under its current id (`adoptLegacy`), so
 * shards and Playwright projects that run later find theirs too. The legacy area ages out like any
 * test's cells (one empty cell per new run) and is gone after `history-runs` runs.
 */

export const PASS = 1;
export const FAIL = 2;
export const REPEAT = 4;
export const HISTORY_VERSION = 2;

export interface RunInfo {
  /** `<run-id>:<attempt>`: one workflow run attempt; matrix jobs of it share the key. */
  key: string;
  commit: string;
  /** When the first contribution to this run was recorded (ISO 8601). */
  at: string;
}

export interface BranchHistory {
  runs: RunInfo[];
  /** Test id -> run-length encoded cells (cells.ts), right-aligned with `runs`. */
  outcomes: Map<string, string>;
  /** A migrated v1 document's outcomes, by v1 key, aligned like `outcomes`; absent when none are left. */
  legacy?: Map<string, string>;
}

export interface QuarantineEntry {
  since: string;
  commit: string;
  branch: string;
  /** The step that quarantined it (`<run key>/<nonce>`), so that step knows its write landed. */
  by?: string;
  releasedAt?: string;
  releasedBy?: string;
}

export interface History {
  branches: Map<string, BranchHistory>;
  quarantine: Map<string, QuarantineEntry>;
  /** A migrated v1 document's quarantine entries, by v1 id; kept while any branch has legacy outcomes. */
  legacyQuarantine?: Map<string, QuarantineEntry>;
}

export interface HistoryLimits {
  runsPerBranch: number;
  maxBranches: number;
  /** Never dropped by the branch limit. */
  defaultBranch: string;
}

export function emptyHistory(): History {
  return { branches: new Map(), quarantine: new Map() };
}

export function cellOf(outcome: { passes: number; failures: number }): number {
  return (
    (outcome.passes > 0 ? PASS : 0) | (outcome.failures > 0 ? FAIL : 0) | (outcome.failures > 1 ? REPEAT : 0)
  );
}

/** A document holding one run: what this step contributes. Tests with no evidence are left out. */
export function singleRun(branch: string, run: RunInfo, cells: ReadonlyMap<string, number>): History {
  const outcomes = new Map<string, string>();
  for (const [id, cell] of cells) if (cell) outcomes.set(id, LETTERS[cell]!);
  return { branches: new Map([[branch, { runs: [run], outcomes }]]), quarantine: new Map() };
}

/**
 * Adds one run's results to a branch: the same result as `mergeHistory(history, singleRun(...))`
 * (a property test holds them equal), but it reads only the end of each stored test's string,
 * which keeps a 100,000-test history fast. A run key already present (another matrix job, or a
 * re-run of the same attempt) has its cells OR-ed in place. The input history is not changed.
 */
export function addRun(
  history: History,
  branchName: string,
  run: RunInfo,
  tests: ReadonlyMap<string, { passes: number; failures: number }>,
  limits: HistoryLimits,
): History {
  const old = history.branches.get(branchName) ?? { runs: [], outcomes: new Map<string, string>() };
  const outcomes = new Map(old.outcomes);
  const index = old.runs.findIndex((r) => r.key === run.key);
  let runs: RunInfo[];
  let legacy = old.legacy;
  if (index < 0) {
    const all = [...old.runs, { ...run }];
    const keep = Math.min(all.length, limits.runsPerBranch);
    runs = all.slice(all.length - keep);
    const trim = keep < all.length;
    const add = (id: string, s: string, cell: number) => {
      const next = trim ? appendKeep(s, cell, keep) : append(s, cell);
      if (next) outcomes.set(id, next);
      else outcomes.delete(id);
    };
    // One lookup per test of this run: a stored test keeps its place, a new one is appended.
    let stored = 0;
    for (const [id, test] of tests) {
      const cell = cellOf(test);
      const s = outcomes.get(id);
      if (s !== undefined) {
        stored++;
        add(id, s, cell);
      } else if (cell) outcomes.set(id, LETTERS[cell]!);
    }
    // Stored tests this run did not report get an empty cell.
    if (stored < old.outcomes.size) for (const [id, s] of old.outcomes) if (!tests.has(id)) add(id, s, 0);
    if (old.legacy) {
      legacy = new Map();
      for (const [key, s] of old.legacy) {
        const next = trim ? appendKeep(s, 0, keep) : append(s, 0);
        if (next) legacy.set(key, next);
      }
    }
  } else {
    runs = old.runs.map((r, i) => (i === index && run.at < r.at ? { ...r, at: run.at } : r));
    for (const [id, test] of tests) {
      const cell = cellOf(test);
      if (!cell) continue;
      const cells = new Uint8Array(runs.length);
      const s = outcomes.get(id);
      if (s) cells.set(decode(s), runs.length - rleLength(s));
      if ((cells[index]! | cell) === cells[index]) continue;
      cells[index]! |= cell;
      outcomes.set(id, encode(cells));
    }
  }
  const branches = new Map(history.branches);
  branches.set(branchName, { runs, outcomes, ...(legacy?.size ? { legacy } : {}) });
  return withLegacyQuarantine(
    { branches: keepRecentBranches(branches, limits), quarantine: history.quarantine },
    history.legacyQuarantine,
  );
}

/** The history with v1 quarantine entries attached while some branch still has legacy outcomes. */
function withLegacyQuarantine(history: History, legacyQuarantine?: Map<string, QuarantineEntry>): History {
  const migrating = legacyQuarantine?.size && [...history.branches.values()].some((b) => b.legacy);
  return migrating ? { ...history, legacyQuarantine } : history;
}

/**
 * Carries a migrated v1 history over to this run's tests: a test with no outcomes on a branch
 * under its current id takes the cells its v1 id has there, and a test with no quarantine entry
 * takes its v1 id's entry. Tests with a project (Playwright) all take their v1 test's history: v1
 * knew them as one. The legacy area is left as it is for tests that run later; only a test new to
 * a branch reads it, so a test's history is taken over once. Pure, like the rest of this module.
 */
export function adoptLegacy(history: History, tests: Iterable<{ id: string; key: string }>): History {
  const legacyBranches = [...history.branches].filter(([, b]) => b.legacy);
  const legacyQuarantine = history.legacyQuarantine;
  if (!legacyBranches.length && !legacyQuarantine) return history;
  const outcomes = legacyBranches.map(([, b]) => new Map(b.outcomes));
  const quarantine = new Map(history.quarantine);
  for (const test of tests) {
    const needsCells = outcomes.some((mine) => !mine.has(test.key));
    if (!needsCells && (!legacyQuarantine || quarantine.has(test.id))) continue;
    const legacyId = legacyIdOf(test.id);
    if (!legacyId) continue;
    const legacyKey = historyKey(legacyId);
    legacyBranches.forEach(([, branch], i) => {
      const cells = branch.legacy!.get(legacyKey);
      if (cells !== undefined && !outcomes[i]!.has(test.key)) outcomes[i]!.set(test.key, cells);
    });
    const entry = legacyQuarantine?.get(legacyId);
    if (entry && !quarantine.has(test.id)) quarantine.set(test.id, entry);
  }
  const branches = new Map(history.branches);
  legacyBranches.forEach(([name, branch], i) => branches.set(name, { ...branch, outcomes: outcomes[i]! }));
  return { ...history, branches, quarantine };
}

function mergeBranch(a: BranchHistory, b: BranchHistory, limit: number): BranchHistory {
  const byKey = new Map<string, number>();
  const runs: RunInfo[] = a.runs.map((run, i) => (byKey.set(run.key, i), { ...run }));
  for (const run of b.runs) {
    const at = byKey.get(run.key);
    if (at === undefined) {
      byKey.set(run.key, runs.length);
      runs.push({ ...run });
    } else if (run.at < runs[at]!.at) runs[at]!.at = run.at;
  }
  const cut = Math.max(0, runs.length - limit);
  const total = runs.length - cut;
  // Each side's cells land where its runs went in the merged list; cut runs are dropped.
  const mergeCells = (pick: (side: BranchHistory) => Map<string, string> | undefined) => {
    const cellsById = new Map<string, Uint8Array>();
    for (const side of [a, b]) {
      const positions = side.runs.map((run) => byKey.get(run.key)! - cut);
      for (const [id, s] of pick(side) ?? []) {
        let cells = cellsById.get(id);
        if (!cells) cellsById.set(id, (cells = new Uint8Array(total)));
        const decoded = decode(s);
        const first = side.runs.length - decoded.length;
        decoded.forEach((cell, j) => {
          const at = positions[first + j]!;
          if (at >= 0) cells[at]! |= cell;
        });
      }
    }
    const merged = new Map<string, string>();
    for (const [id, cells] of cellsById) {
      const rle = encode(cells);
      if (rle) merged.set(id, rle);
    }
    return merged;
  };
  const outcomes = mergeCells((side) => side.outcomes);
  const legacy = mergeCells((side) => side.legacy);
  return { runs: runs.slice(cut), outcomes, ...(legacy.size ? { legacy } : {}) };
}

const eventTime = (e: QuarantineEntry) => (e.releasedAt && e.releasedAt > e.since ? e.releasedAt : e.since);

/** The later of two quarantine events wins; a tie is broken by content so the merge is deterministic. */
function laterEntry(a: QuarantineEntry, b: QuarantineEntry): QuarantineEntry {
  const ta = eventTime(a);
  const tb = eventTime(b);
  if (ta !== tb) return ta > tb ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

export function mergeHistory(a: History, b: History, limits: HistoryLimits): History {
  const branches = new Map<string, BranchHistory>();
  const none: BranchHistory = { runs: [], outcomes: new Map() };
  for (const [name, branch] of a.branches)
    branches.set(name, mergeBranch(branch, b.branches.get(name) ?? none, limits.runsPerBranch));
  for (const [name, branch] of b.branches)
    if (!a.branches.has(name)) branches.set(name, mergeBranch(none, branch, limits.runsPerBranch));
  const unite = (x?: Map<string, QuarantineEntry>, y?: Map<string, QuarantineEntry>) => {
    const united = new Map(x);
    for (const [id, entry] of y ?? []) {
      const mine = united.get(id);
      united.set(id, mine ? laterEntry(mine, entry) : entry);
    }
    return united;
  };
  const legacyQuarantine = unite(a.legacyQuarantine, b.legacyQuarantine);
  return withLegacyQuarantine(
    { branches: keepRecentBranches(branches, limits), quarantine: unite(a.quarantine, b.quarantine) },
    legacyQuarantine.size ? legacyQuarantine : undefined,
  );
}

/** Keeps the default branch and the most recently run others, so PR branches cannot grow it forever. */
function keepRecentBranches(
  branches: Map<string, BranchHistory>,
  limits: HistoryLimits,
): Map<string, BranchHistory> {
  if (branches.size <= limits.maxBranches) return branches;
  const last = (b: BranchHistory) => b.runs.reduce((max, run) => (run.at > max ? run.at : max), '');
  const others = [...branches]
    .filter(([name]) => name !== limits.defaultBranch)
    .sort(([na, a], [nb, b]) => last(b).localeCompare(last(a)) || na.localeCompare(nb))
    .slice(0, Math.max(0, limits.maxBranches - (branches.has(limits.defaultBranch) ? 1 : 0)));
  const kept = new Map(others);
  const main = branches.get(limits.defaultBranch);
  if (main) kept.set(limits.defaultBranch, main);
  return kept;
}

/** The cells of one test in one branch, as (run index, cell) pairs with evidence, newest last. */
export function cellsOf(branch: BranchHistory, id: string): { index: number; cell: number }[] {
  const s = branch.outcomes.get(id);
  if (!s) return [];
  const cells = decode(s);
  const first = branch.runs.length - cells.length;
  const out: { index: number; cell: number }[] = [];
  cells.forEach((cell, j) => cell && out.push({ index: first + j, cell }));
  return out;
}

/** The cell of a test in run `index` of a branch (0 when absent). */
export function cellAt(branch: BranchHistory, key: string, index: number): number {
  const s = branch.outcomes.get(key);
  return s ? cellFromEnd(s, branch.runs.length - 1 - index) : 0;
}

// ---- JSON form: arrays of pairs, so hostile test names never become object keys.

interface HistoryJson {
  version: number;
  /** The id recipe of every id and key in the document (identity.ts); version 2 on. */
  ids: string;
  branches: [string, { runs: RunInfo[]; tests: [string, string][]; legacy?: [string, string][] }][];
  quarantine: [string, QuarantineEntry][];
  legacyQuarantine?: [string, QuarantineEntry][];
}

/**
 * `JSON.stringify` of the document as HistoryJson, written piece by piece and joined once: a branch's
 * 330,000 tests never exist as one array of pairs (about 20 MB at the step's peak), and the text is
 * not copied again.
 */
export function serialiseHistory(history: History): string {
  const out = [`{"version":${HISTORY_VERSION},"ids":"${ID_VERSION}","branches":[`];
  const branches = [...history.branches].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  branches.forEach(([name, branch], i) => {
    out.push(`${i ? ',' : ''}[${JSON.stringify(name)},{"runs":${JSON.stringify(branch.runs)},"tests":[`);
    pushPairs(out, branch.outcomes);
    if (branch.legacy) {
      out.push('],"legacy":[');
      pushPairs(out, branch.legacy);
    }
    out.push(']}]');
  });
  out.push(`],"quarantine":${JSON.stringify([...history.quarantine])}`);
  if (history.legacyQuarantine)
    out.push(`,"legacyQuarantine":${JSON.stringify([...history.legacyQuarantine])}`);
  out.push('}');
  return out.join('');
}

/** Pushes the entries of a map as comma-separated JSON pairs, stringified a few thousand at a time. */
function pushPairs(out: string[], map: ReadonlyMap<string, string>): void {
  let batch: [string, string][] = [];
  let separator = '';
  const flush = () => {
    out.push(separator + JSON.stringify(batch).slice(1, -1));
    separator = ',';
    batch = [];
  };
  for (const pair of map) if (batch.push(pair) === 4096) flush();
  if (batch.length) flush();
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Reads a stored document; throws with what is wrong, so a corrupt state is never read as empty.
 * A version 1 document (ids of the v1 recipe) is migrated: see the module comment.
 */
export function parseHistory(text: string): History {
  const json = JSON.parse(text) as Partial<HistoryJson>;
  if (!json || typeof json !== 'object' || (json.version !== 1 && json.version !== HISTORY_VERSION))
    throw new Error(`expected a history document of version 1 or ${HISTORY_VERSION}`);
  const legacy = json.version === 1;
  if (!legacy && json.ids !== ID_VERSION)
    throw new Error(`expected test ids of recipe ${ID_VERSION}, found ${JSON.stringify(json.ids)}`);
  if (!Array.isArray(json.branches) || !Array.isArray(json.quarantine))
    throw new Error('branches or quarantine is missing');
  const history = emptyHistory();
  for (const entry of json.branches) {
    const [name, branch] = entry ?? [];
    if (!isString(name) || !branch || !Array.isArray(branch.runs) || !Array.isArray(branch.tests))
      throw new Error('a branch entry is malformed');
    for (const run of branch.runs)
      if (!run || !isString(run.key) || !isString(run.commit) || !isString(run.at))
        throw new Error(`a run of branch ${name} is malformed`);
    const readCells = (pairs: unknown) => {
      if (!Array.isArray(pairs)) throw new Error(`the outcomes of branch ${name} are malformed`);
      const cellsByKey = new Map<string, string>();
      for (const pair of pairs as [unknown, unknown][]) {
        const [id, cells] = pair ?? [];
        if (
          !isString(id) ||
          !isString(cells) ||
          !RLE_PATTERN.test(cells) ||
          rleLength(cells) > branch.runs.length
        )
          throw new Error(`the outcomes of a test on branch ${name} are malformed`);
        cellsByKey.set(id, cells);
      }
      return cellsByKey;
    };
    const tests = readCells(branch.tests);
    // Migrating: v1 keys go to the legacy area, to be taken over by their tests (adoptLegacy).
    const kept = legacy ? tests : branch.legacy === undefined ? undefined : readCells(branch.legacy);
    history.branches.set(name, {
      runs: branch.runs.map((r) => ({ key: r.key, commit: r.commit, at: r.at })),
      outcomes: legacy ? new Map() : tests,
      ...(kept?.size ? { legacy: kept } : {}),
    });
  }
  history.quarantine = readQuarantine(json.quarantine);
  if (json.legacyQuarantine !== undefined || legacy) {
    const entries = legacy ? history.quarantine : readQuarantine(json.legacyQuarantine);
    if (legacy) history.quarantine = new Map();
    for (const id of entries.keys())
      if (!id.startsWith(`${LEGACY_ID_VERSION}:`))
        throw new Error('a legacy quarantine entry is not a v1 id');
    return withLegacyQuarantine(history, entries.size ? entries : undefined);
  }
  return history;
}

function readQuarantine(pairs: unknown): Map<string, QuarantineEntry> {
  if (!Array.isArray(pairs)) throw new Error('a quarantine list is malformed');
  const quarantine = new Map<string, QuarantineEntry>();
  for (const pair of pairs as [unknown, Partial<QuarantineEntry> | undefined][]) {
    const [id, e] = pair ?? [];
    if (
      !isString(id) ||
      !e ||
      !isString(e.since) ||
      !isString(e.commit) ||
      !isString(e.branch) ||
      (e.releasedAt !== undefined && !isString(e.releasedAt)) ||
      (e.by !== undefined && !isString(e.by)) ||
      (e.releasedBy !== undefined && !isString(e.releasedBy))
    )
      throw new Error('a quarantine entry is malformed');
    quarantine.set(id, {
      since: e.since,
      commit: e.commit,
      branch: e.branch,
      ...(e.by ? { by: e.by } : {}),
      ...(e.releasedAt ? { releasedAt: e.releasedAt } : {}),
      ...(e.releasedBy ? { releasedBy: e.releasedBy } : {}),
    });
  }
  return quarantine;
}
