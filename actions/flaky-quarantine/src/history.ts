/**
 * The history document: for each branch, its last runs and, per test, one character per run.
 *
 * A cell is a digit whose bits say what the test did in that run: PASS (passed at least once),
 * FAIL (failed at least once), REPEAT (failed at least twice: retries inside the run). `0` is no
 * evidence (absent or skipped). A test's string is right-aligned with its branch's runs (the last
 * character is the newest run) and has no leading `0`, so a test seen only lately costs a few bytes.
 * 100,000 tests x 200 runs is about 30 MB of JSON, parsed in a fraction of a second.
 *
 * Merging two documents is lossless, idempotent and associative: runs are united by key (cells of
 * the same run OR-ed, so matrix jobs of one run add up), quarantine entries keep the later event.
 * Runs keep the order of the first document and new runs are appended, so a merge of a small
 * contribution into a large document only touches the newest characters.
 */

export const PASS = 1;
export const FAIL = 2;
export const REPEAT = 4;
export const HISTORY_VERSION = 1;

export interface RunInfo {
  /** `<run-id>:<attempt>`: one workflow run attempt; matrix jobs of it share the key. */
  key: string;
  commit: string;
  /** When the first contribution to this run was recorded (ISO 8601). */
  at: string;
}

export interface BranchHistory {
  runs: RunInfo[];
  outcomes: Map<string, string>;
}

export interface QuarantineEntry {
  since: string;
  commit: string;
  branch: string;
  releasedAt?: string;
}

export interface History {
  branches: Map<string, BranchHistory>;
  quarantine: Map<string, QuarantineEntry>;
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

const ZERO = 48; // '0'

export function cellOf(outcome: { passes: number; failures: number }): number {
  return (
    (outcome.passes > 0 ? PASS : 0) | (outcome.failures > 0 ? FAIL : 0) | (outcome.failures > 1 ? REPEAT : 0)
  );
}

/** A document holding one run: what this step contributes. Tests with no evidence are left out. */
export function singleRun(branch: string, run: RunInfo, cells: ReadonlyMap<string, number>): History {
  const outcomes = new Map<string, string>();
  for (const [id, cell] of cells) if (cell) outcomes.set(id, String.fromCharCode(ZERO + cell));
  return { branches: new Map([[branch, { runs: [run], outcomes }]]), quarantine: new Map() };
}

/** OR of two right-aligned cell strings; costs the length of the shorter one. */
function orAligned(a: string, b: string): string {
  if (a.length < b.length) [a, b] = [b, a];
  const head = a.length - b.length;
  let tail = '';
  for (let i = 0; i < b.length; i++) {
    tail += String.fromCharCode(ZERO + ((a.charCodeAt(head + i) - ZERO) | (b.charCodeAt(i) - ZERO)));
  }
  return a.slice(0, head) + tail;
}

function stripLeadingZeros(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === ZERO) i++;
  return i ? s.slice(i) : s;
}

/**
 * Re-places a side's string into the merged run list. `positions[i]` is where the side's run i went
 * (-1 when cut). The usual case is contiguous (the side's runs are one block), which is a slice.
 */
function place(
  s: string,
  sideRuns: number,
  positions: Int32Array,
  contiguousEnd: number,
  total: number,
): string {
  if (contiguousEnd >= 0) {
    // The string ends at contiguousEnd; characters that would land before position 0 were cut.
    return s.slice(Math.max(0, s.length - (contiguousEnd + 1))) + '0'.repeat(total - 1 - contiguousEnd);
  }
  const first = sideRuns - s.length;
  const cells = new Uint8Array(total).fill(ZERO);
  for (let j = 0; j < s.length; j++) {
    const at = positions[first + j]!;
    if (at >= 0) cells[at] = ZERO + ((cells[at]! - ZERO) | (s.charCodeAt(j) - ZERO));
  }
  return Buffer.from(cells).toString('latin1');
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
  const positionsOf = (side: RunInfo[]) => Int32Array.from(side, (run) => byKey.get(run.key)! - cut);
  const posA = positionsOf(a.runs);
  const posB = positionsOf(b.runs);
  // A side is contiguous when its runs landed as one block; then placing a string is a slice.
  const contiguousEnd = (pos: Int32Array) => {
    for (let i = 1; i < pos.length; i++) if (pos[i] !== pos[i - 1]! + 1) return -1;
    return pos.length ? pos[pos.length - 1]! : -1;
  };
  const endA = contiguousEnd(posA);
  const endB = contiguousEnd(posB);
  const outcomes = new Map<string, string>();
  const put = (id: string, s: string) => {
    const clean = stripLeadingZeros(s);
    if (clean) outcomes.set(id, clean);
  };
  for (const [id, s] of a.outcomes) {
    const other = b.outcomes.get(id);
    const placed = place(s, a.runs.length, posA, endA, total);
    put(id, other === undefined ? placed : orAligned(placed, place(other, b.runs.length, posB, endB, total)));
  }
  for (const [id, s] of b.outcomes)
    if (!a.outcomes.has(id)) put(id, place(s, b.runs.length, posB, endB, total));
  return { runs: runs.slice(cut), outcomes };
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
  for (const [name, branch] of a.branches) {
    const other = b.branches.get(name);
    branches.set(name, other ? mergeBranch(branch, other, limits.runsPerBranch) : branch);
  }
  for (const [name, branch] of b.branches) {
    if (!a.branches.has(name))
      branches.set(name, mergeBranch({ runs: [], outcomes: new Map() }, branch, limits.runsPerBranch));
  }
  const quarantine = new Map(a.quarantine);
  for (const [id, entry] of b.quarantine) {
    const mine = quarantine.get(id);
    quarantine.set(id, mine ? laterEntry(mine, entry) : entry);
  }
  return { branches: keepRecentBranches(branches, limits), quarantine };
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

/** The cells of one test in one branch, as (run index, cell) pairs, newest last. */
export function cellsOf(branch: BranchHistory, id: string): { index: number; cell: number }[] {
  const s = branch.outcomes.get(id);
  if (!s) return [];
  const first = branch.runs.length - s.length;
  const out: { index: number; cell: number }[] = [];
  for (let j = 0; j < s.length; j++) {
    const cell = s.charCodeAt(j) - ZERO;
    if (cell) out.push({ index: first + j, cell });
  }
  return out;
}

/** The cell of a test in run `index` of a branch (0 when absent). */
export function cellAt(branch: BranchHistory, id: string, index: number): number {
  const s = branch.outcomes.get(id);
  if (!s) return 0;
  const j = index - (branch.runs.length - s.length);
  return j >= 0 ? s.charCodeAt(j) - ZERO : 0;
}

// ---- JSON form: arrays of pairs, so hostile test names never become object keys.

interface HistoryJson {
  version: number;
  branches: [string, { runs: RunInfo[]; tests: [string, string][] }][];
  quarantine: [string, QuarantineEntry][];
}

export function serialiseHistory(history: History): string {
  const json: HistoryJson = {
    version: HISTORY_VERSION,
    branches: [...history.branches]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, branch]) => [name, { runs: branch.runs, tests: [...branch.outcomes] }]),
    quarantine: [...history.quarantine],
  };
  return JSON.stringify(json);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const CELLS = /^[1-7][0-7]*$/;

/** Reads a stored document; throws with what is wrong, so a corrupt state is never read as empty. */
export function parseHistory(text: string): History {
  const json = JSON.parse(text) as Partial<HistoryJson>;
  if (!json || typeof json !== 'object' || json.version !== HISTORY_VERSION)
    throw new Error(`expected a history document of version ${HISTORY_VERSION}`);
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
    const outcomes = new Map<string, string>();
    for (const pair of branch.tests) {
      const [id, cells] = pair ?? [];
      if (!isString(id) || !isString(cells) || cells.length > branch.runs.length || !CELLS.test(cells))
        throw new Error(`the outcomes of a test on branch ${name} are malformed`);
      outcomes.set(id, cells);
    }
    history.branches.set(name, {
      runs: branch.runs.map((r) => ({ key: r.key, commit: r.commit, at: r.at })),
      outcomes,
    });
  }
  for (const pair of json.quarantine) {
    const [id, e] = pair ?? [];
    if (
      !isString(id) ||
      !e ||
      !isString(e.since) ||
      !isString(e.commit) ||
      !isString(e.branch) ||
      (e.releasedAt !== undefined && !isString(e.releasedAt))
    )
      throw new Error('a quarantine entry is malformed');
    history.quarantine.set(id, {
      since: e.since,
      commit: e.commit,
      branch: e.branch,
      ...(e.releasedAt ? { releasedAt: e.releasedAt } : {}),
    });
  }
  return history;
}
