export const id = 403;
export const ids = [403];
export const modules = {

/***/ 7166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ flakinessScore),
/* harmony export */   L8: () => (/* binding */ failureStreak),
/* harmony export */   Qr: () => (/* binding */ isBroken),
/* harmony export */   Xr: () => (/* binding */ evidenceOn),
/* harmony export */   mg: () => (/* binding */ consecutivePasses),
/* harmony export */   s8: () => (/* binding */ isFlaky),
/* harmony export */   vk: () => (/* binding */ runsOfCommit),
/* harmony export */   zt: () => (/* binding */ isInfraFailure)
/* harmony export */ });
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3050);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3091);


/** Every run of `commit` in the history, on any branch: attempts, re-runs and matrix jobs. */
function runsOfCommit(history, commit) {
    const refs = [];
    for (const branch of history.branches.values())
        branch.runs.forEach((run, index) => run.commit === commit && refs.push({ branch, index }));
    return refs;
}
function add(evidence, cell) {
    evidence.bits |= cell & (_history_js__WEBPACK_IMPORTED_MODULE_1__/* .PASS */ .CQ | _history_js__WEBPACK_IMPORTED_MODULE_1__/* .FAIL */ .vR);
    if (cell & _history_js__WEBPACK_IMPORTED_MODULE_1__/* .FAIL */ .vR)
        evidence.failedAttempts += cell & _history_js__WEBPACK_IMPORTED_MODULE_1__/* .REPEAT */ .yr ? 2 : 1;
}
/** What a test (by history key) did on the runs of one commit. */
function evidenceOn(refs, key) {
    const evidence = { bits: 0, failedAttempts: 0 };
    for (const { branch, index } of refs)
        add(evidence, (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .cellAt */ .G0)(branch, key, index));
    return evidence;
}
/** Flaky: both failed and passed on the same code. */
const isFlaky = (e) => (e.bits & _history_js__WEBPACK_IMPORTED_MODULE_1__/* .PASS */ .CQ) !== 0 && (e.bits & _history_js__WEBPACK_IMPORTED_MODULE_1__/* .FAIL */ .vR) !== 0;
/** Broken: failed on every attempt, and there were at least two. Never quarantined. */
const isBroken = (e) => (e.bits & _history_js__WEBPACK_IMPORTED_MODULE_1__/* .FAIL */ .vR) !== 0 && (e.bits & _history_js__WEBPACK_IMPORTED_MODULE_1__/* .PASS */ .CQ) === 0 && e.failedAttempts >= 2;
/** The flakiness score of one test, for ranking (costs its history length). */
function flakinessScore(history, id) {
    const key = (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .historyKey */ .Ox)(id);
    const byCommit = new Map();
    for (const branch of history.branches.values()) {
        for (const { index, cell } of (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .cellsOf */ .nc)(branch, key)) {
            const commit = branch.runs[index].commit;
            const evidence = byCommit.get(commit) ?? { bits: 0, failedAttempts: 0 };
            add(evidence, cell);
            byCommit.set(commit, evidence);
        }
    }
    let flakyCommits = 0;
    for (const evidence of byCommit.values())
        if (isFlaky(evidence))
            flakyCommits++;
    return { score: byCommit.size ? flakyCommits / byCommit.size : 0, flakyCommits, commits: byCommit.size };
}
/**
 * Passes in a row on the default branch, newest first, counting only runs recorded at or after
 * `since`. Skips and absences do not count and do not break the row; any failure ends it.
 */
function consecutivePasses(history, defaultBranch, id, since) {
    const branch = history.branches.get(defaultBranch);
    if (!branch)
        return 0;
    let count = 0;
    const cells = (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .cellsOf */ .nc)(branch, (0,_identity_js__WEBPACK_IMPORTED_MODULE_0__/* .historyKey */ .Ox)(id));
    for (let i = cells.length - 1; i >= 0; i--) {
        const { index, cell } = cells[i];
        if (branch.runs[index].at < since)
            break;
        if (cell & _history_js__WEBPACK_IMPORTED_MODULE_1__/* .FAIL */ .vR)
            break;
        count++;
    }
    return count;
}
/**
 * Failed runs in a row without a pass, newest first, on one branch (skips and absences are passed
 * over). A quarantined test that keeps failing with one attempt per commit is broken, not flaky.
 */
function failureStreak(branch, key) {
    if (!branch)
        return 0;
    const cells = (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .cellsOf */ .nc)(branch, key);
    let streak = 0;
    for (let i = cells.length - 1; i >= 0 && cells[i].cell & _history_js__WEBPACK_IMPORTED_MODULE_1__/* .FAIL */ .vR && !(cells[i].cell & _history_js__WEBPACK_IMPORTED_MODULE_1__/* .PASS */ .CQ); i--)
        streak++;
    return streak;
}
/**
 * An infrastructure failure: so many executed tests failed that the cause is the environment, not
 * the tests. Such a run is not flaky evidence. Small runs (under `minTests`) are never called that.
 */
function isInfraFailure(executed, failed, ratio, minTests = 10) {
    return executed >= minTests && failed / executed >= ratio;
}


/***/ }),

/***/ 3091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vR: () => (/* binding */ FAIL),
  CQ: () => (/* binding */ PASS),
  yr: () => (/* binding */ REPEAT),
  Z: () => (/* binding */ addRun),
  OL: () => (/* binding */ adoptLegacy),
  G0: () => (/* binding */ cellAt),
  nc: () => (/* binding */ cellsOf),
  s4: () => (/* binding */ emptyHistory),
  i6: () => (/* binding */ parseHistory),
  MP: () => (/* binding */ serialiseHistory)
});

// UNUSED EXPORTS: HISTORY_VERSION, cellOf, mergeHistory, singleRun

;// CONCATENATED MODULE: ./actions/flaky-quarantine/src/cells.ts
/**
 * Run-length encoded outcome strings. A cell (what a test did in one run) is one letter:
 * `.` no evidence (absent or skipped), `p` passed, `f` failed, `m` mixed (passed and failed),
 * `F` failed at least twice, `M` passed and failed at least twice (`r`/`s` complete the bit set).
 * A letter may be followed by a count (2 or more): `p198mp` is 198 passes, a mixed run, a pass.
 * The string is right-aligned with the branch's runs (its end is the newest run), and never starts
 * with `.`, so a test that always passes costs a few bytes however long the history is.
 */
const cells_LETTERS = '.pfmrsFM';
const CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < cells_LETTERS.length; i++)
    CODE[cells_LETTERS.charCodeAt(i)] = i;
const isDigit = (c) => c >= 48 && c <= 57;
/** A valid encoded string: letters with counts of 2 or more, not starting with `.`. */
const RLE_PATTERN = /^(?:[pfmrsFM](?:[2-9]|[1-9]\d+)?)(?:[.pfmrsFM](?:[2-9]|[1-9]\d+)?)*$/;
/** Calls `visit(cell, count)` for each segment, oldest first. */
function segments(rle, visit) {
    let i = 0;
    while (i < rle.length) {
        const cell = CODE[rle.charCodeAt(i++)];
        let count = 0;
        while (i < rle.length && isDigit(rle.charCodeAt(i)))
            count = count * 10 + rle.charCodeAt(i++) - 48;
        visit(cell, count || 1);
    }
}
/** Number of runs the string covers. */
function rleLength(rle) {
    let total = 0;
    let i = 0;
    while (i < rle.length) {
        i++;
        let count = 0;
        while (i < rle.length && isDigit(rle.charCodeAt(i)))
            count = count * 10 + rle.charCodeAt(i++) - 48;
        total += count || 1;
    }
    return total;
}
function cells_decode(rle) {
    const out = new Uint8Array(rleLength(rle));
    let at = 0;
    segments(rle, (cell, count) => {
        out.fill(cell, at, at + count);
        at += count;
    });
    return out;
}
/** Encodes cells; leading `.` (no evidence) is dropped. */
function cells_encode(cells) {
    let i = 0;
    while (i < cells.length && cells[i] === 0)
        i++;
    let out = '';
    while (i < cells.length) {
        const cell = cells[i];
        let j = i + 1;
        while (j < cells.length && cells[j] === cell)
            j++;
        out += cells_LETTERS[cell] + (j - i > 1 ? String(j - i) : '');
        i = j;
    }
    return out;
}
/** Appends one run's cell (cheap: only the last segment is read). */
function append(rle, cell) {
    if (!rle)
        return cell ? cells_LETTERS[cell] : '';
    let i = rle.length;
    while (isDigit(rle.charCodeAt(i - 1)))
        i--;
    const lastCell = CODE[rle.charCodeAt(i - 1)];
    if (lastCell !== cell)
        return rle + cells_LETTERS[cell];
    let count = i < rle.length ? 0 : 1;
    for (let j = i; j < rle.length; j++)
        count = count * 10 + rle.charCodeAt(j) - 48;
    return `${rle.slice(0, i)}${count + 1}`;
}
/** Keeps only the newest `keep` runs (the string may cover fewer), then drops leading `.`. */
function keepLast(rle, keep) {
    let drop = rleLength(rle) - keep;
    if (drop <= 0)
        return rle;
    // Drop whole segments from the oldest end; the segment that straddles the cut keeps its rest.
    let i = 0;
    let rest = '';
    while (i < rle.length) {
        const cell = CODE[rle.charCodeAt(i)];
        let j = i + 1;
        let count = 0;
        while (j < rle.length && isDigit(rle.charCodeAt(j)))
            count = count * 10 + rle.charCodeAt(j++) - 48;
        count ||= 1;
        if (drop <= 0 && cell !== 0) {
            rest = rle.slice(i);
            break;
        }
        if (count > drop && cell !== 0) {
            rest = cells_LETTERS[cell] + (count - drop > 1 ? String(count - drop) : '') + rle.slice(j);
            break;
        }
        drop -= count; // a leading `.` segment is dropped whole, whatever remains of the cut
        i = j;
    }
    return rest;
}
/** `keepLast(append(rle, cell), keep)`: adding a run to a full history, done for every stored test. */
function appendKeep(rle, cell, keep) {
    const next = append(rle, cell);
    return rleLength(next) > keep ? keepLast(next, keep) : next;
}
/** The cell `back` runs before the newest (0 = the newest run) of a right-aligned string. */
function cellFromEnd(rle, back) {
    let i = rle.length;
    while (i > 0) {
        let digits = i;
        while (digits > 0 && isDigit(rle.charCodeAt(digits - 1)))
            digits--;
        let count = 1;
        if (digits < i) {
            count = 0;
            for (let j = digits; j < i; j++)
                count = count * 10 + rle.charCodeAt(j) - 48;
        }
        if (back < count)
            return CODE[rle.charCodeAt(digits - 1)];
        back -= count;
        i = digits - 1;
    }
    return 0;
}

// EXTERNAL MODULE: ./actions/flaky-quarantine/src/identity.ts
var identity = __webpack_require__(3050);
;// CONCATENATED MODULE: ./actions/flaky-quarantine/src/history.ts


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
const PASS = 1;
const FAIL = 2;
const REPEAT = 4;
const HISTORY_VERSION = 2;
function emptyHistory() {
    return { branches: new Map(), quarantine: new Map() };
}
function cellOf(outcome) {
    return ((outcome.passes > 0 ? PASS : 0) | (outcome.failures > 0 ? FAIL : 0) | (outcome.failures > 1 ? REPEAT : 0));
}
/** A document holding one run: what this step contributes. Tests with no evidence are left out. */
function singleRun(branch, run, cells) {
    const outcomes = new Map();
    for (const [id, cell] of cells)
        if (cell)
            outcomes.set(id, LETTERS[cell]);
    return { branches: new Map([[branch, { runs: [run], outcomes }]]), quarantine: new Map() };
}
/**
 * Adds one run's results to a branch: the same result as `mergeHistory(history, singleRun(...))`
 * (a property test holds them equal), but it reads only the end of each stored test's string,
 * which keeps a 100,000-test history fast. A run key already present (another matrix job, or a
 * re-run of the same attempt) has its cells OR-ed in place. The input history is not changed.
 */
function addRun(history, branchName, run, tests, limits) {
    const old = history.branches.get(branchName) ?? { runs: [], outcomes: new Map() };
    const outcomes = new Map(old.outcomes);
    const index = old.runs.findIndex((r) => r.key === run.key);
    let runs;
    let legacy = old.legacy;
    if (index < 0) {
        const all = [...old.runs, { ...run }];
        const keep = Math.min(all.length, limits.runsPerBranch);
        runs = all.slice(all.length - keep);
        const trim = keep < all.length;
        const add = (id, s, cell) => {
            const next = trim ? appendKeep(s, cell, keep) : append(s, cell);
            if (next)
                outcomes.set(id, next);
            else
                outcomes.delete(id);
        };
        // One lookup per test of this run: a stored test keeps its place, a new one is appended.
        let stored = 0;
        for (const [id, test] of tests) {
            const cell = cellOf(test);
            const s = outcomes.get(id);
            if (s !== undefined) {
                stored++;
                add(id, s, cell);
            }
            else if (cell)
                outcomes.set(id, cells_LETTERS[cell]);
        }
        // Stored tests this run did not report get an empty cell.
        if (stored < old.outcomes.size)
            for (const [id, s] of old.outcomes)
                if (!tests.has(id))
                    add(id, s, 0);
        if (old.legacy) {
            legacy = new Map();
            for (const [key, s] of old.legacy) {
                const next = trim ? appendKeep(s, 0, keep) : append(s, 0);
                if (next)
                    legacy.set(key, next);
            }
        }
    }
    else {
        runs = old.runs.map((r, i) => (i === index && run.at < r.at ? { ...r, at: run.at } : r));
        for (const [id, test] of tests) {
            const cell = cellOf(test);
            if (!cell)
                continue;
            const cells = new Uint8Array(runs.length);
            const s = outcomes.get(id);
            if (s)
                cells.set(cells_decode(s), runs.length - rleLength(s));
            if ((cells[index] | cell) === cells[index])
                continue;
            cells[index] |= cell;
            outcomes.set(id, cells_encode(cells));
        }
    }
    const branches = new Map(history.branches);
    branches.set(branchName, { runs, outcomes, ...(legacy?.size ? { legacy } : {}) });
    return withLegacyQuarantine({ branches: keepRecentBranches(branches, limits), quarantine: history.quarantine }, history.legacyQuarantine);
}
/** The history with v1 quarantine entries attached while some branch still has legacy outcomes. */
function withLegacyQuarantine(history, legacyQuarantine) {
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
function adoptLegacy(history, tests) {
    const legacyBranches = [...history.branches].filter(([, b]) => b.legacy);
    const legacyQuarantine = history.legacyQuarantine;
    if (!legacyBranches.length && !legacyQuarantine)
        return history;
    const outcomes = legacyBranches.map(([, b]) => new Map(b.outcomes));
    const quarantine = new Map(history.quarantine);
    for (const test of tests) {
        const needsCells = outcomes.some((mine) => !mine.has(test.key));
        if (!needsCells && (!legacyQuarantine || quarantine.has(test.id)))
            continue;
        const legacyId = (0,identity/* legacyIdOf */.ix)(test.id);
        if (!legacyId)
            continue;
        const legacyKey = (0,identity/* historyKey */.Ox)(legacyId);
        legacyBranches.forEach(([, branch], i) => {
            const cells = branch.legacy.get(legacyKey);
            if (cells !== undefined && !outcomes[i].has(test.key))
                outcomes[i].set(test.key, cells);
        });
        const entry = legacyQuarantine?.get(legacyId);
        if (entry && !quarantine.has(test.id))
            quarantine.set(test.id, entry);
    }
    const branches = new Map(history.branches);
    legacyBranches.forEach(([name, branch], i) => branches.set(name, { ...branch, outcomes: outcomes[i] }));
    return { ...history, branches, quarantine };
}
function mergeBranch(a, b, limit) {
    const byKey = new Map();
    const runs = a.runs.map((run, i) => (byKey.set(run.key, i), { ...run }));
    for (const run of b.runs) {
        const at = byKey.get(run.key);
        if (at === undefined) {
            byKey.set(run.key, runs.length);
            runs.push({ ...run });
        }
        else if (run.at < runs[at].at)
            runs[at].at = run.at;
    }
    const cut = Math.max(0, runs.length - limit);
    const total = runs.length - cut;
    // Each side's cells land where its runs went in the merged list; cut runs are dropped.
    const mergeCells = (pick) => {
        const cellsById = new Map();
        for (const side of [a, b]) {
            const positions = side.runs.map((run) => byKey.get(run.key) - cut);
            for (const [id, s] of pick(side) ?? []) {
                let cells = cellsById.get(id);
                if (!cells)
                    cellsById.set(id, (cells = new Uint8Array(total)));
                const decoded = decode(s);
                const first = side.runs.length - decoded.length;
                decoded.forEach((cell, j) => {
                    const at = positions[first + j];
                    if (at >= 0)
                        cells[at] |= cell;
                });
            }
        }
        const merged = new Map();
        for (const [id, cells] of cellsById) {
            const rle = encode(cells);
            if (rle)
                merged.set(id, rle);
        }
        return merged;
    };
    const outcomes = mergeCells((side) => side.outcomes);
    const legacy = mergeCells((side) => side.legacy);
    return { runs: runs.slice(cut), outcomes, ...(legacy.size ? { legacy } : {}) };
}
const eventTime = (e) => (e.releasedAt && e.releasedAt > e.since ? e.releasedAt : e.since);
/** The later of two quarantine events wins; a tie is broken by content so the merge is deterministic. */
function laterEntry(a, b) {
    const ta = eventTime(a);
    const tb = eventTime(b);
    if (ta !== tb)
        return ta > tb ? a : b;
    return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}
function mergeHistory(a, b, limits) {
    const branches = new Map();
    const none = { runs: [], outcomes: new Map() };
    for (const [name, branch] of a.branches)
        branches.set(name, mergeBranch(branch, b.branches.get(name) ?? none, limits.runsPerBranch));
    for (const [name, branch] of b.branches)
        if (!a.branches.has(name))
            branches.set(name, mergeBranch(none, branch, limits.runsPerBranch));
    const unite = (x, y) => {
        const united = new Map(x);
        for (const [id, entry] of y ?? []) {
            const mine = united.get(id);
            united.set(id, mine ? laterEntry(mine, entry) : entry);
        }
        return united;
    };
    const legacyQuarantine = unite(a.legacyQuarantine, b.legacyQuarantine);
    return withLegacyQuarantine({ branches: keepRecentBranches(branches, limits), quarantine: unite(a.quarantine, b.quarantine) }, legacyQuarantine.size ? legacyQuarantine : undefined);
}
/** Keeps the default branch and the most recently run others, so PR branches cannot grow it forever. */
function keepRecentBranches(branches, limits) {
    if (branches.size <= limits.maxBranches)
        return branches;
    const last = (b) => b.runs.reduce((max, run) => (run.at > max ? run.at : max), '');
    const others = [...branches]
        .filter(([name]) => name !== limits.defaultBranch)
        .sort(([na, a], [nb, b]) => last(b).localeCompare(last(a)) || na.localeCompare(nb))
        .slice(0, Math.max(0, limits.maxBranches - (branches.has(limits.defaultBranch) ? 1 : 0)));
    const kept = new Map(others);
    const main = branches.get(limits.defaultBranch);
    if (main)
        kept.set(limits.defaultBranch, main);
    return kept;
}
/** The cells of one test in one branch, as (run index, cell) pairs with evidence, newest last. */
function cellsOf(branch, id) {
    const s = branch.outcomes.get(id);
    if (!s)
        return [];
    const cells = cells_decode(s);
    const first = branch.runs.length - cells.length;
    const out = [];
    cells.forEach((cell, j) => cell && out.push({ index: first + j, cell }));
    return out;
}
/** The cell of a test in run `index` of a branch (0 when absent). */
function cellAt(branch, key, index) {
    const s = branch.outcomes.get(key);
    return s ? cellFromEnd(s, branch.runs.length - 1 - index) : 0;
}
/**
 * `JSON.stringify` of the document as HistoryJson, written piece by piece and joined once: a branch's
 * 330,000 tests never exist as one array of pairs (about 20 MB at the step's peak), and the text is
 * not copied again.
 */
function serialiseHistory(history) {
    const out = [`{"version":${HISTORY_VERSION},"ids":"${identity/* ID_VERSION */.Jh}","branches":[`];
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
function pushPairs(out, map) {
    let batch = [];
    let separator = '';
    const flush = () => {
        out.push(separator + JSON.stringify(batch).slice(1, -1));
        separator = ',';
        batch = [];
    };
    for (const pair of map)
        if (batch.push(pair) === 4096)
            flush();
    if (batch.length)
        flush();
}
const isString = (v) => typeof v === 'string';
/**
 * Reads a stored document; throws with what is wrong, so a corrupt state is never read as empty.
 * A version 1 document (ids of the v1 recipe) is migrated: see the module comment.
 */
function parseHistory(text) {
    const json = JSON.parse(text);
    if (!json || typeof json !== 'object' || (json.version !== 1 && json.version !== HISTORY_VERSION))
        throw new Error(`expected a history document of version 1 or ${HISTORY_VERSION}`);
    const legacy = json.version === 1;
    if (!legacy && json.ids !== identity/* ID_VERSION */.Jh)
        throw new Error(`expected test ids of recipe ${identity/* ID_VERSION */.Jh}, found ${JSON.stringify(json.ids)}`);
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
        const readCells = (pairs) => {
            if (!Array.isArray(pairs))
                throw new Error(`the outcomes of branch ${name} are malformed`);
            const cellsByKey = new Map();
            for (const pair of pairs) {
                const [id, cells] = pair ?? [];
                if (!isString(id) ||
                    !isString(cells) ||
                    !RLE_PATTERN.test(cells) ||
                    rleLength(cells) > branch.runs.length)
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
        if (legacy)
            history.quarantine = new Map();
        for (const id of entries.keys())
            if (!id.startsWith(`${identity/* LEGACY_ID_VERSION */.NW}:`))
                throw new Error('a legacy quarantine entry is not a v1 id');
        return withLegacyQuarantine(history, entries.size ? entries : undefined);
    }
    return history;
}
function readQuarantine(pairs) {
    if (!Array.isArray(pairs))
        throw new Error('a quarantine list is malformed');
    const quarantine = new Map();
    for (const pair of pairs) {
        const [id, e] = pair ?? [];
        if (!isString(id) ||
            !e ||
            !isString(e.since) ||
            !isString(e.commit) ||
            !isString(e.branch) ||
            (e.releasedAt !== undefined && !isString(e.releasedAt)) ||
            (e.by !== undefined && !isString(e.by)) ||
            (e.releasedBy !== undefined && !isString(e.releasedBy)))
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


/***/ }),

/***/ 3050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ normaliseFile),
/* harmony export */   C2: () => (/* binding */ idHash),
/* harmony export */   FG: () => (/* binding */ parseTestId),
/* harmony export */   Jh: () => (/* binding */ ID_VERSION),
/* harmony export */   NW: () => (/* binding */ LEGACY_ID_VERSION),
/* harmony export */   Ox: () => (/* binding */ historyKey),
/* harmony export */   QC: () => (/* binding */ displayName),
/* harmony export */   Yo: () => (/* binding */ detach),
/* harmony export */   Zz: () => (/* binding */ fromLegacyId),
/* harmony export */   ix: () => (/* binding */ legacyIdOf),
/* harmony export */   qe: () => (/* binding */ idMaker),
/* harmony export */   v3: () => (/* binding */ MadeId)
/* harmony export */ });
/* unused harmony export testId */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Test identity, version 2: `v2:<file>|<scope>|<name>`, and `v2:<file>|<scope>|<name>|<project>`
 * for a test run under a project (Playwright's chromium, firefox, "Mobile Safari"...).
 *
 * - `file`: the report's `file` (or `filepath`) attribute, testcase first, else the enclosing
 *   testsuite's, made relative to the repository root (see `normaliseFile`); empty when none.
 * - `scope`: the `classname`; when that is empty, the enclosing testsuites' names joined by ` / `.
 *   A scope or suite name that is an absolute path is made relative like a file.
 * - `name`: the testcase name, exactly as reported: names differing only in case or whitespace are
 *   two tests. Only Unicode NFC is applied (macOS and Linux spell the same accented name apart).
 * - `project`: the Playwright project (the testsuite's `hostname` in Playwright's report), so a
 *   test flaky on one browser is that browser's test only.
 *
 * A part over 1024 characters keeps its first 1000 and a hash of the whole, so a 100 KB name stays
 * a distinct but bounded id. In a part, `\` and `|` are escaped with `\`, and control characters
 * are written `\xHH`, so the id is one line and unambiguous. The version prefix changes whenever
 * this recipe does; `legacyIdOf` gives a test's id under the previous recipe, for migration.
 */
const ID_VERSION = 'v2';
/** The previous recipe (v1: whitespace collapsed and trimmed, no project, workspace-only paths). */
const LEGACY_ID_VERSION = 'v1';
const MAX_PART = 1024;
const KEEP_PART = 1000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** NFC, the only change made to a name: skipped for ASCII, which NFC leaves as it is. */
const nfc = (text) => (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFC'));
function bound(text) {
    if (text.length <= MAX_PART)
        return text;
    return `${text.slice(0, KEEP_PART)}…#${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 16)}`;
}
function escapePart(text) {
    if (!/[\\|\u0000-\u001f\u007f-\u009f]/.test(text))
        return text;
    return text
        .replace(/[\\|]/g, (c) => `\\${c}`)
        .replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
/** One part of an id: exact text, NFC, bounded, escaped. */
const part = (text) => escapePart(bound(nfc(text)));
/**
 * A copy of `text` that shares no memory with where it came from. V8 keeps a substring as a view
 * into its source, so a test name cut out of the parser's 64 KB chunk would keep the whole chunk
 * (and, over 330,000 tests, the whole report) alive; slicing a fresh concatenation copies it.
 */
const detach = (text) => ` ${text}`.slice(1);
/** An absolute path: POSIX, or a Windows drive path with either slash. */
const isAbsolute = (path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
/**
 * Where a runner checks a repository out, `<work root>/<repo>/<repo>/`: GitHub-hosted Linux
 * (`/home/runner/work/r/r`), macOS (`/Users/runner/work/r/r`), containers (`/__w/r/r`), self-hosted
 * runners (`<runner>/_work/r/r`, or any work folder: the doubled repository name is the sign) and
 * Windows (`D:/a/r/r`). Returns where the first such doubled folder of an absolute path ends, or
 * -1. A scan, not a regular expression: a backreference regex took 100 ms on a hostile 100 KB path.
 */
function checkoutEnd(path) {
    const segments = path.split('/');
    let start = segments[0].length + 1; // after the leading `/` or `D:/`
    for (let i = 1; i + 2 < segments.length; i++) {
        if (segments[i] && segments[i] === segments[i + 1])
            return start + 2 * segments[i].length + 2;
        start += segments[i].length + 1;
    }
    return -1;
}
/**
 * A file path as reporters write it, made relative to the repository root so runners, containers
 * and operating systems agree: `\` becomes `/`, repeated `/` one; the workspace (the repository
 * root, passed in) is removed, else a runner checkout prefix (see checkoutEnd); then a leading `./`.
 * An absolute path outside both stays as it is (there is no root to make it relative to).
 */
function normaliseFile(file, workspace = '') {
    let path = nfc(file)
        .replace(/\\/g, '/')
        .replace(/\/{2,}/g, '/');
    if (isAbsolute(path)) {
        const root = workspace.replace(/\\/g, '/').replace(/\/+$/, '');
        // Windows paths compare without case (drive letters are written both ways).
        const windows = /^[A-Za-z]:\//.test(root);
        if (root && (windows ? path.toLowerCase() : path).startsWith(`${windows ? root.toLowerCase() : root}/`))
            path = path.slice(root.length + 1);
        else {
            const end = checkoutEnd(path);
            if (end > 0)
                path = path.slice(end);
        }
    }
    return path.replace(/^(\.\/)+/, '');
}
/** A scope or suite name: exact, unless it is an absolute path, which is made relative like a file. */
const scopeText = (text, workspace) => isAbsolute(text.replace(/\\/g, '/')) ? normaliseFile(text, workspace) : text;
/**
 * A test's id and its history key, made together (the key hashes the id as it is built). The id is
 * joined from its shared `v2:file|scope` head and its own `|name[|project]` tail only when read: of
 * a run's 330,000 tests, the few that failed or are quarantined are asked for it.
 */
class MadeId {
    head;
    tail;
    key;
    constructor(head, tail, key) {
        this.head = head;
        this.tail = tail;
        this.key = key;
    }
    get id() {
        return this.head + this.tail;
    }
}
/** A name that bound, nfc and escapePart leave as it is: short printable ASCII without `|` or `\`. */
function isPlain(text) {
    if (text.length > MAX_PART)
        return false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 0x7c || c === 0x5c)
            return false;
    }
    return true;
}
/**
 * A test id maker for one report. File and scope repeat across thousands of testcases, so their
 * normalised form is remembered (up to a bound), and the hash of the shared `v2:file|scope` prefix
 * is kept for the last prefix seen: a class's tests then hash only their names.
 */
function idMaker(workspace = '') {
    const files = new Map();
    const scopes = new Map();
    const remember = (cache, raw, make) => {
        let made = cache.get(raw);
        if (made === undefined) {
            made = detach(part(make()));
            if (cache.size < 10_000)
                cache.set(detach(raw), made);
        }
        return made;
    };
    let lastFile;
    let lastClass;
    let head = '';
    let headH1 = 0;
    let headH2 = 0;
    return (key) => {
        if (!key.classname || key.file !== lastFile || key.classname !== lastClass) {
            const file = key.file ? remember(files, key.file, () => normaliseFile(key.file, workspace)) : '';
            const scope = key.classname
                ? remember(scopes, key.classname, () => scopeText(key.classname, workspace))
                : detach(part((key.suitePath ?? [])
                    .filter(Boolean)
                    .map((s) => scopeText(s, workspace))
                    .join(' / ')));
            head = `${ID_VERSION}:${file}|${scope}`;
            absorb(SEED1, SEED2, head);
            [headH1, headH2] = lanes;
            lastFile = key.file;
            lastClass = key.classname || undefined;
        }
        const name = isPlain(key.name) ? key.name : part(key.name);
        // Joined, not concatenated: one new flat string, sharing no memory with the parser's chunk.
        const tail = key.project ? ['|', name, '|', part(key.project)].join('') : ['|', name].join('');
        absorb(headH1, headH2, tail);
        return new MadeId(head, tail, finish(lanes[0], lanes[1]));
    };
}
/** The versioned id of a test (see the module comment for the recipe). */
function testId(key, workspace = '') {
    return idMaker(workspace)(key).id;
}
/** Splits the body of an id (after `<version>:`) at unescaped `|`, undoing the escapes. */
function splitBody(body) {
    const parts = [''];
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c === '\\' && body[i + 1] === 'x' && /^[0-9a-f]{2}$/.test(body.slice(i + 2, i + 4))) {
            parts[parts.length - 1] += String.fromCharCode(parseInt(body.slice(i + 2, i + 4), 16));
            i += 3;
        }
        else if (c === '\\' && i + 1 < body.length)
            parts[parts.length - 1] += body[++i];
        else if (c === '|')
            parts.push('');
        else
            parts[parts.length - 1] += c;
    }
    return parts;
}
/** The parts of an id, unescaped; undefined for text that is not a current-version id. */
function parseTestId(id) {
    if (!id.startsWith(`${ID_VERSION}:`))
        return undefined;
    const parts = splitBody(id.slice(ID_VERSION.length + 1));
    if (parts.length !== 3 && (parts.length !== 4 || !parts[3]))
        return undefined;
    return { file: parts[0], scope: parts[1], name: parts[2], project: parts[3] ?? '' };
}
/**
 * A short, readable label for logs, titles and the summary: `[project] scope › name`, the project
 * first as Playwright writes it, so cutting a long label never drops it.
 */
function displayName(id) {
    const parts = parseTestId(id);
    if (!parts)
        return id;
    const label = [parts.scope, parts.name].filter(Boolean).join(' › ');
    return parts.project ? `[${parts.project}] ${label}` : label;
}
// ---- The previous recipe, kept only to carry histories and manual files over (see history.ts).
/** v1's normalisation of a part: NFC, control characters and whitespace runs one space, trimmed. */
const legacyClean = (text) => text.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
const legacyPart = (text) => {
    const bounded = bound(legacyClean(text));
    return bounded.includes('|') || bounded.includes('\\')
        ? bounded.replace(/[\\|]/g, (c) => `\\${c}`)
        : bounded;
};
/** A v2 id of three parts, each printable ASCII without `\\`, edge spaces or double spaces. */
const SAME_IN_V1 = /^v2:(?:(?! )(?:[^\x00-\x1f\x7f-\uffff|\\ ]| (?! |\||$))*\|){2}(?! )(?:[^\x00-\x1f\x7f-\uffff|\\ ]| (?! |$))*$/;
/**
 * The id the same test had under v1, from its current id: the project dropped, each part cleaned
 * as v1 did. Exact for parts under 1024 characters whose file v1 also saw relative (the report was
 * read in the job that wrote it); otherwise the test starts a new history.
 */
function legacyIdOf(id) {
    // Most ids are printable ASCII in three parts with single inner spaces: v1 spelled them alike.
    if (SAME_IN_V1.test(id))
        return `${LEGACY_ID_VERSION}${id.slice(ID_VERSION.length)}`;
    const parts = parseTestId(id);
    if (!parts)
        return undefined;
    return `${LEGACY_ID_VERSION}:${[parts.file, parts.scope, parts.name].map(legacyPart).join('|')}`;
}
/**
 * A v1 id spelled under the current recipe, for ids written by hand (the manual file) and
 * quarantine entries of a migrated history: its file made relative like any file, no project.
 * Undefined for text that is not a v1 id.
 */
function fromLegacyId(id) {
    if (!id.startsWith(`${LEGACY_ID_VERSION}:`))
        return undefined;
    const parts = splitBody(id.slice(LEGACY_ID_VERSION.length + 1));
    if (parts.length !== 3)
        return undefined;
    return `${ID_VERSION}:${part(normaliseFile(parts[0]))}|${part(parts[1])}|${part(parts[2])}`;
}
/** A short hash of an id, safe inside an HTML comment (the issue marker). */
function idHash(id) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(id).digest('hex').slice(0, 24);
}
/**
 * The key of a test in the history document: a 64-bit hash of its id (16 hex digits), so 100,000
 * tests cost 2 MB of keys instead of their full names. Two ids share a key with a chance of about
 * 1 in 10^8 at 330,000 tests; the ids themselves appear in outputs, issues and the quarantine list.
 * Mixing after cyrb53 (public domain): two 32-bit multiply-xor lanes folded into each other.
 */
function historyKey(id) {
    absorb(SEED1, SEED2, id);
    return finish(lanes[0], lanes[1]);
}
const SEED1 = 0xdeadbeef;
const SEED2 = 0x41c6ce57;
/** The two hash lanes after `absorb` (a scratch pair, so hashing allocates nothing). */
const lanes = new Int32Array(2);
function absorb(h1, h2, text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
    }
    lanes[0] = h1;
    lanes[1] = h2;
}
const HEX = '0123456789abcdef';
const keyCodes = new Array(16);
/** The final mix, written as one flat 16-character string (a flat key hashes once in a Map). */
function finish(h1, h2) {
    const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
    for (let i = 0; i < 8; i++) {
        keyCodes[i] = HEX.charCodeAt((b >>> (28 - 4 * i)) & 15);
        keyCodes[8 + i] = HEX.charCodeAt((a >>> (28 - 4 * i)) & 15);
    }
    return String.fromCharCode(...keyCodes);
}


/***/ }),

/***/ 3403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  inputs: () => (/* binding */ main_inputs),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./shared/context.ts
var context = __webpack_require__(1849);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/files.ts
var shared_files = __webpack_require__(8365);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(8573);
// EXTERNAL MODULE: ./shared/neutralise.ts
var neutralise = __webpack_require__(2642);
// EXTERNAL MODULE: ./shared/paths.ts
var paths = __webpack_require__(2);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./shared/state-store.ts





/** Parses `branch:<name>` or `file:<path>` (the path is resolved by the caller inside the workspace). */
function parseStateLocation(raw, inputName) {
    const match = /^(branch|file):(.+)$/.exec(raw.trim());
    const value = match?.[2]?.trim() ?? '';
    if (match?.[1] === 'branch' &&
        /^[A-Za-z0-9._/-]+$/.test(value) &&
        !value.includes('..') &&
        !value.startsWith('-'))
        return { kind: 'branch', branch: value };
    if (match?.[1] === 'file' && value)
        return { kind: 'file', path: value };
    throw new errors/* InputError */.dz(`Input "${inputName}" is ${JSON.stringify(raw.slice(0, 200))}, which is not allowed: use branch:<name> (letters, digits, . _ / -) or file:<path>.`);
}
/**
 * A local JSON (or any text) file, replaced atomically. Read, change and rename alone would lose
 * the records of all but the last of several runs at once, so each update holds `<path>.lock`,
 * created with O_EXCL (one holder at a time, on every file system that honours it, NFSv3+ included).
 */
function fileStore(path, options = {}) {
    const read = async () => {
        try {
            return (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return undefined;
            throw new errors/* UserError */.yo(`Cannot read the state file ${path}: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    };
    return {
        description: `file ${path}`,
        read,
        async update(transform) {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
            const release = await acquireLock(`${path}.lock`, options);
            try {
                const next = transform(await read());
                if (next === undefined)
                    return { written: false, attempts: 1 };
                const temp = `${path}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
                (0,external_node_fs_.writeFileSync)(temp, next);
                (0,external_node_fs_.renameSync)(temp, path);
                return { written: true, attempts: 1 };
            }
            finally {
                release();
            }
        },
    };
}
/** Who holds a lock: `pid host token`, as the holder wrote it. */
function lockHolder(lock) {
    try {
        const text = (0,external_node_fs_.readFileSync)(lock, 'utf8');
        const [pid, host] = text.split(' ');
        return { text, pid: Number(pid), host: host ?? '', ageMs: Date.now() - (0,external_node_fs_.statSync)(lock).mtimeMs };
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
function processGone(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return false;
    }
    catch (error) {
        return error.code === 'ESRCH';
    }
}
/**
 * Takes the lock file, waiting (with jitter) while another run holds it. A stale lock is moved
 * aside under a unique name and checked: if what moved is not the stale lock (its holder released
 * it and a new run took it in between), it is put back with link(), which never overwrites.
 */
async function acquireLock(lock, options) {
    const staleMs = options.staleLockMs ?? 60_000;
    const deadline = Date.now() + (options.lockWaitMs ?? 120_000);
    const token = `${process.pid} ${(0,external_node_os_.hostname)()} ${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`;
    for (let attempt = 1;; attempt++) {
        try {
            const fd = (0,external_node_fs_.openSync)(lock, 'wx');
            try {
                (0,external_node_fs_.writeSync)(fd, token);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            return () => {
                if (lockHolder(lock)?.text === token)
                    (0,external_node_fs_.unlinkSync)(lock);
            };
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw new errors/* UserError */.yo(`Cannot lock the state file (${lock}): ${(0,errors/* describeError */.Uc)(error)}`);
        }
        const holder = lockHolder(lock);
        if (!holder)
            continue;
        const stale = holder.ageMs > staleMs || (holder.host === (0,external_node_os_.hostname)() && holder.text !== '' && processGone(holder.pid));
        if (stale) {
            const aside = `${lock}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.stale`;
            try {
                (0,external_node_fs_.renameSync)(lock, aside);
            }
            catch {
                continue; // someone else moved or released it
            }
            if ((0,external_node_fs_.readFileSync)(aside, 'utf8') !== holder.text) {
                try {
                    (0,external_node_fs_.linkSync)(aside, lock);
                }
                catch {
                    // A third run took the lock meanwhile; the one moved aside is held by a live run.
                }
            }
            (0,external_node_fs_.unlinkSync)(aside);
            continue;
        }
        if (Date.now() > deadline) {
            throw new errors/* UserError */.yo(`The state file is locked by another run (${lock}, held for ${Math.round(holder.ageMs / 1000)} s by process ${holder.pid || '?'} on ${holder.host || '?'}); if no run is using it, delete the lock file.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 4 * Math.min(attempt, 25)));
    }
}
const statusOf = (error) => error?.status;
/**
 * A document on a dedicated branch through the contents API (see the module comment). Nothing here
 * loads the GitHub client up front, so a local state file never pays its start-up cost.
 */
async function branchStore(options) {
    const { explainApiError } = await Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(319)]).then(__webpack_require__.bind(__webpack_require__, 4319));
    const { github, owner, repo, branch, path, log } = options;
    const apiError = (what, error) => explainApiError(what, error, 'contents: write');
    const attempts = options.attempts ?? 20;
    const backoffMs = options.backoffMs ?? 150;
    const where = `${path} on branch ${branch} of ${owner}/${repo}`;
    /** The document and its blob sha; undefined when the file (or the branch) does not exist. */
    async function readWithSha() {
        let data;
        try {
            ({ data } = (await github.rest.repos.getContent({
                owner,
                repo,
                path,
                ref: `refs/heads/${branch}`,
            })));
        }
        catch (error) {
            if (statusOf(error) === 404)
                return undefined;
            throw apiError(`Reading ${where}`, error);
        }
        if (data.type !== 'file' || !data.sha)
            throw new errors/* UserError */.yo(`${where} is not a file; remove it or choose another state.`);
        // Files over 1 MB come without content from the contents API: fetch the blob itself.
        let base64 = data.content ?? '';
        if (data.encoding !== 'base64' || !base64) {
            try {
                base64 = (await github.rest.git.getBlob({ owner, repo, file_sha: data.sha })).data.content;
            }
            catch (error) {
                throw apiError(`Reading the blob of ${where}`, error);
            }
        }
        return { text: Buffer.from(base64, 'base64').toString('utf8'), sha: data.sha };
    }
    async function ensureBranch() {
        try {
            await github.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
            return;
        }
        catch (error) {
            if (statusOf(error) !== 404)
                throw apiError(`Looking up branch ${branch}`, error);
        }
        // The state branch starts at the default branch's head: creating a commit needs a parent.
        const { data: repository } = await github.rest.repos.get({ owner, repo });
        const { data: head } = await github.rest.git.getRef({
            owner,
            repo,
            ref: `heads/${repository.default_branch}`,
        });
        try {
            await github.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: head.object.sha });
            log.debug(`Created state branch ${branch}.`);
        }
        catch (error) {
            // Another job created it first: that is the branch we wanted.
            if (statusOf(error) !== 422)
                throw apiError(`Creating branch ${branch}`, error);
        }
    }
    return {
        description: `branch ${branch} (${path})`,
        read: async () => (await readWithSha())?.text,
        async update(transform, message) {
            for (let attempt = 1;; attempt++) {
                const current = await readWithSha();
                const next = transform(current?.text);
                if (next === undefined)
                    return { written: false, attempts: attempt };
                if (!current)
                    await ensureBranch();
                try {
                    await github.rest.repos.createOrUpdateFileContents({
                        owner,
                        repo,
                        path,
                        branch,
                        message,
                        content: Buffer.from(next).toString('base64'),
                        ...(current ? { sha: current.sha } : {}),
                    });
                    return { written: true, attempts: attempt };
                }
                catch (error) {
                    const status = statusOf(error);
                    // 409: the sha moved; 422: a file appeared where we saw none (or the sha is stale).
                    if ((status !== 409 && status !== 422) || attempt >= attempts) {
                        throw status === 409 || status === 422
                            ? new errors/* UserError */.yo(`Writing ${where} conflicted ${attempt} times with other jobs; re-run the job.`)
                            : apiError(`Writing ${where}`, error);
                    }
                    const wait = Math.round(backoffMs * Math.min(attempt, 8) * (0.5 + Math.random()));
                    log.debug(`State write conflicted (HTTP ${status}, attempt ${attempt}); re-reading and merging after ${wait} ms.`);
                    await new Promise((resolve) => setTimeout(resolve, wait));
                }
            }
        },
    };
}

// EXTERNAL MODULE: ./actions/flaky-quarantine/src/classify.ts
var classify = __webpack_require__(7166);
// EXTERNAL MODULE: ./actions/flaky-quarantine/src/history.ts + 1 modules
var src_history = __webpack_require__(3091);
// EXTERNAL MODULE: ./actions/flaky-quarantine/src/identity.ts
var identity = __webpack_require__(3050);
// EXTERNAL MODULE: ./node_modules/saxes/saxes.js
var saxes = __webpack_require__(9800);
;// CONCATENATED MODULE: ./actions/flaky-quarantine/src/junit.ts


/** A parsed testcase; its id is joined when read (see MadeId). */
class Case extends identity/* MadeId */.v3 {
    passes;
    failures;
    skipped;
    constructor(made, passes, failures, skipped) {
        super(made.head, made.tail, made.key);
        this.passes = passes;
        this.failures = failures;
        this.skipped = skipped;
    }
}
const DEFAULT_LIMITS = { maxBytes: 256 * 1024 * 1024, maxDepth: 64 };
const MAX_FAILURE_TEXT = 8 * 1024;
const MAX_MESSAGE = 1024;
/** A report that cannot be read: the reason is one sentence for `report-errors`. */
class ReportError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReportError';
    }
}
const LATIN1_NAMES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii']);
/** Picks the decoding from the first bytes: BOM, then UTF-16 without BOM, then the declaration. */
function sniffEncoding(head) {
    if (head.length === 0)
        throw new ReportError('the file is empty');
    if (head[0] === 0x1f && head[1] === 0x8b)
        throw new ReportError('the file is gzip-compressed; decompress it before reading (gunzip)');
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
        return 'utf-8';
    if (head[0] === 0xff && head[1] === 0xfe)
        return 'utf-16le';
    if (head[0] === 0xfe && head[1] === 0xff)
        return 'utf-16be';
    if (head[0] === 0x3c && head[1] === 0x00)
        return 'utf-16le';
    if (head[0] === 0x00 && head[1] === 0x3c)
        return 'utf-16be';
    const declaration = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(Buffer.from(head.subarray(0, 200)).toString('latin1'));
    const declared = declaration?.[1]?.toLowerCase();
    if (!declared || declared === 'utf-8' || declared === 'utf8')
        return 'utf-8';
    if (LATIN1_NAMES.has(declared))
        return 'latin1';
    if (declared === 'utf-16')
        throw new ReportError('the file declares UTF-16 but has no byte order mark');
    throw new ReportError(`the file declares encoding "${declared.slice(0, 40)}"; UTF-8, UTF-16 and ISO-8859-1 are read`);
}
/** Incremental text decoding; ISO-8859-1 maps each byte to its code point (TextDecoder would use windows-1252). */
function decoder(encoding) {
    if (encoding === 'latin1')
        return (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
    const text = new TextDecoder(encoding);
    return (chunk, last) => text.decode(chunk, { stream: !last });
}
const FAILURES = new Set(['failure', 'error']);
/** Elements that record one failed attempt: the final failure, or a retry (Surefire, Gradle, Playwright). */
const FAILED_ATTEMPTS = new Set([
    'failure',
    'error',
    'flakyFailure',
    'flakyError',
    'rerunFailure',
    'rerunError',
]);
/**
 * Reads one report from its byte chunks. Throws ReportError (with where it went wrong) for anything
 * that is not a complete JUnit document; a report is never read as partly passed.
 */
async function parseReport(chunks, options = {}) {
    const limits = options.limits ?? DEFAULT_LIMITS;
    const makeId = (0,identity/* idMaker */.qe)(options.workspace ?? '');
    const cases = [];
    const suiteErrors = [];
    const suites = [];
    // Positions off: saxes is a third faster without them; errors name the byte range instead.
    const parser = new saxes/* SaxesParser */.wT({ xmlns: false, position: false });
    let depth = 0;
    let root;
    let playwright = false;
    let current;
    let caseDepth = 0;
    // Inside system-out/system-err (also nested in Surefire retry elements): text is never kept.
    let outputDepth = 0;
    // Text is kept only inside a failure-like element, and only up to a bound.
    let capture;
    let bytes = 0;
    let chunkStart = 0;
    const fail = (why) => {
        throw new ReportError(`${why} (in bytes ${chunkStart}-${bytes})`);
    };
    parser.on('doctype', () => fail('DOCTYPE is not allowed in a JUnit report (entities could expand)'));
    parser.on('error', (error) => fail(`not well-formed XML: ${error.message.replace(/^.*?:\d+:\d+: /, '')}`));
    parser.on('opentag', (tag) => {
        if (++depth > limits.maxDepth)
            fail(`elements nest deeper than ${limits.maxDepth}`);
        const a = tag.attributes;
        if (root === undefined) {
            root = tag.name;
            if (root !== 'testsuites' && root !== 'testsuite') {
                fail(`the root element is <${root.slice(0, 40)}>, not <testsuites> or <testsuite>: not a JUnit report`);
            }
            playwright = root === 'testsuites' && a.id !== undefined;
        }
        switch (tag.name) {
            case 'system-out':
            case 'system-err':
                outputDepth++;
                return;
            case 'testsuite':
                suites.push({
                    name: a.name ?? '',
                    file: a.file ?? a.filepath ?? suites.at(-1)?.file,
                    project: playwright && a.hostname ? a.hostname : undefined,
                });
                return;
            case 'testcase': {
                const suite = suites.at(-1);
                // Playwright names the spec file both as the suite and as the classname of its tests.
                const project = suite?.project !== undefined && a.classname === suite.name ? suite.project : undefined;
                // With includeProjectInTestName the name starts `[project] `: the id is the same either way.
                const prefix = project && `[${project}] `;
                current = {
                    name: (prefix && a.name?.startsWith(prefix) ? a.name.slice(prefix.length) : a.name) ?? '',
                    classname: a.classname ?? a.class ?? '',
                    project,
                    file: a.file ?? a.filepath ?? suites.at(-1)?.file,
                    line: a.line && /^\d+$/.test(a.line) ? Number(a.line) : undefined,
                    failureElements: 0,
                    retryFailures: 0,
                    finalFailed: false,
                    skipped: false,
                };
                caseDepth = depth;
                return;
            }
        }
        const inCase = current !== undefined && depth === caseDepth + 1;
        if (inCase && FAILED_ATTEMPTS.has(tag.name)) {
            // Each extra <failure> is a retry that failed; an <error> beside a failure (teardown) is the same attempt.
            if (tag.name === 'failure')
                current.failureElements++;
            else if (!FAILURES.has(tag.name))
                current.retryFailures++;
            if (FAILURES.has(tag.name))
                current.finalFailed = true;
            if (!current.failure)
                capture = { text: '', target: 'case', message: a.message ?? '', type: a.type ?? tag.name };
        }
        else if (inCase && tag.name === 'skipped') {
            current.skipped = true;
        }
        else if (!current && suites.length > 0 && FAILURES.has(tag.name)) {
            capture = { text: '', target: 'suite', message: a.message ?? '', type: a.type ?? tag.name };
        }
    });
    const onText = (text) => {
        if (capture && outputDepth === 0 && capture.text.length < MAX_FAILURE_TEXT)
            capture.text += text;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', (tag) => {
        depth--;
        if (tag.name === 'system-out' || tag.name === 'system-err')
            outputDepth--;
        if (capture && FAILED_ATTEMPTS.has(tag.name)) {
            // Detached: a kept failure must not keep its parser chunk alive (see identity.ts).
            const detail = {
                message: (0,identity/* detach */.Yo)(capture.message.slice(0, MAX_MESSAGE)),
                type: (0,identity/* detach */.Yo)(capture.type.slice(0, 200)),
                text: (0,identity/* detach */.Yo)(capture.text.trim().slice(0, MAX_FAILURE_TEXT)),
            };
            if (capture.target === 'case' && current)
                current.failure = detail;
            else if (capture.target === 'suite') {
                suiteErrors.push({
                    suite: (0,identity/* detach */.Yo)(suites.at(-1)?.name ?? ''),
                    message: detail.message || detail.text.split('\n')[0] || detail.type,
                });
            }
            capture = undefined;
        }
        else if (tag.name === 'testsuite')
            suites.pop();
        else if (tag.name === 'testcase' && current) {
            finishCase(current);
            current = undefined;
        }
    });
    const suitePath = () => suites.map((s) => s.name);
    function finishCase(c) {
        if (!c.name) {
            // A testcase without a name is how several reporters write a suite that could not run.
            if (c.finalFailed)
                suiteErrors.push({
                    suite: (0,identity/* detach */.Yo)(c.classname) || suitePath().join(' / '),
                    message: c.failure?.message || 'failed',
                });
            return;
        }
        const passes = !c.finalFailed && !c.skipped ? 1 : 0;
        const failures = c.retryFailures + (c.failureElements || (c.finalFailed ? 1 : 0));
        // The open case is its own key unless the suites stand in for a missing classname.
        const made = makeId(c.classname ? c : { ...c, suitePath: suitePath() });
        const parsed = new Case(made, passes, failures, failures ? false : c.skipped);
        // Where a test lives is kept only for failures (annotations, issues): 330,000 passing cases stay small.
        if (failures) {
            parsed.file = c.file && (0,identity/* detach */.Yo)(c.file);
            parsed.line = c.line;
            parsed.failure = c.failure;
        }
        cases.push(parsed);
    }
    let decode;
    let sawContent = false;
    for await (const chunk of chunks) {
        if (chunk.length === 0)
            continue;
        chunkStart = bytes;
        bytes += chunk.length;
        if (bytes > limits.maxBytes)
            throw new ReportError(`the file is larger than ${limits.maxBytes} bytes`);
        decode ??= decoder(sniffEncoding(chunk));
        let text = decode(chunk, false);
        if (!sawContent) {
            text = text.replace(/^\uFEFF/, '');
            const start = text.trimStart();
            if (start) {
                sawContent = true;
                if (/^<(!doctype\s+html|html[\s>])/i.test(start))
                    throw new ReportError('the file is an HTML page, not a JUnit report (an error page saved in its place?)');
                if (!start.startsWith('<'))
                    throw new ReportError('the file does not start with XML: not a JUnit report');
            }
        }
        parser.write(text);
    }
    if (decode)
        parser.write(decode(new Uint8Array(0), true));
    if (!sawContent)
        throw new ReportError('the file is empty');
    parser.close();
    if (root === undefined)
        throw new ReportError('the file has no root element: not a JUnit report');
    return { cases, suiteErrors };
}

// EXTERNAL MODULE: ./actions/flaky-quarantine/src/quarantine.ts
var quarantine = __webpack_require__(7120);
;// CONCATENATED MODULE: ./actions/flaky-quarantine/src/results.ts

/** A test that failed and did not pass on a retry in this step. */
const finallyFailed = (t) => t.failures > 0 && t.passes === 0;
/**
 * Folds parsed reports into one result per test id: duplicate entries are reruns of one test.
 * The first case of each id is reused as its result (and updated), so the reports are consumed.
 */
function foldReports(reports) {
    const tests = new Map();
    const suiteErrors = [];
    for (const report of reports) {
        suiteErrors.push(...report.suiteErrors);
        for (const c of report.cases) {
            const seen = tests.get(c.key);
            // The first entry of a test becomes its result (no copy: 330,000 cases must stay cheap).
            if (!seen)
                tests.set(c.key, c);
            else {
                seen.passes += c.passes;
                seen.failures += c.failures;
                seen.failure ??= c.failure;
                seen.file ??= c.file;
                seen.line ??= c.line;
            }
        }
    }
    let executed = 0;
    let failed = 0;
    for (const t of tests.values()) {
        if (t.passes + t.failures > 0)
            executed++;
        if (finallyFailed(t))
            failed++;
    }
    return { tests, suiteErrors, executed, failed };
}
/** The result of a test in this step, by id. */
const resultOf = (results, id) => results.tests.get((0,identity/* historyKey */.Ox)(id));

// EXTERNAL MODULE: ./shared/summary.ts
var summary = __webpack_require__(6566);
;// CONCATENATED MODULE: ./actions/flaky-quarantine/src/report.ts





const MAX_OUTPUT_CHARS = 256 * 1024;
const MAX_ROWS = 100;
/** A JSON array of ids that stays under a size GitHub accepts as an output; the rest is cut. */
function boundedIds(ids) {
    const kept = [];
    let size = 2;
    for (const id of ids) {
        size += JSON.stringify(id).length + 1;
        if (size > MAX_OUTPUT_CHARS)
            break;
        kept.push(id);
    }
    return kept;
}
const report_name = (id) => (0,summary/* escapeMarkdown */.FV)((0,neutralise/* truncate */.xv)((0,identity/* displayName */.QC)(id), 200));
const pct = (score) => `${Math.round(score * 100)}%`;
/** The job summary: the decision first, counts, the flaky table with issue links, then detail. */
function buildSummary(input) {
    const { results, verdict, decisions } = input;
    const s = new summary/* Summary */.BD();
    const waived = verdict.quarantinedFailures.length;
    s.heading(verdict.verdict === 'pass'
        ? `✅ Tests pass${waived ? `: ${waived} quarantined failure(s) did not block` : ''}`
        : `❌ Blocked: ${verdict.reasons.join(', ')}`);
    s.table([
        'Tests',
        'Failed (blocking)',
        'Failed (quarantined)',
        'Newly flaky',
        'Broken',
        'Released',
        'Quarantined',
        'Unreadable reports',
    ], [
        [
            results.tests.size,
            verdict.blockingFailures.length,
            waived,
            decisions.newlyFlaky.length,
            decisions.broken.length,
            decisions.released.length,
            input.quarantinedNow.length,
            input.reportErrors.length,
        ],
    ]);
    if (input.infra)
        s.text(`**Infrastructure failure:** ${results.failed} of ${results.executed} tests failed, so this run is not used as flaky evidence.`);
    const flakyRows = [
        ...new Set([...decisions.newlyFlaky, ...verdict.quarantinedFailures, ...decisions.released]),
    ];
    if (flakyRows.length) {
        s.heading('Flaky tests in this run', 3);
        s.table(['Test', 'Status', 'Mixed commits', 'Issue'], flakyRows.slice(0, MAX_ROWS).map((id) => {
            const score = (0,classify/* flakinessScore */.DR)(input.history, id);
            const issue = input.issues.get(id);
            const manual = input.manual.forceIn.get(id);
            const status = decisions.released.includes(id)
                ? `released after ${input.releaseAfter} passes on ${(0,summary/* inlineCode */.ti)(input.defaultBranch)}`
                : manual
                    ? `quarantined by ${(0,summary/* escapeMarkdown */.FV)(manual.owner)}: ${(0,summary/* escapeMarkdown */.FV)(manual.reason)}`
                    : decisions.quarantined.includes(id)
                        ? 'newly quarantined'
                        : input.quarantinedNow.includes(id)
                            ? 'quarantined, failed again'
                            : 'flaky, not quarantined';
            return [
                report_name(id),
                status,
                `${pct(score.score)} (${score.flakyCommits}/${score.commits})`,
                issue ? `[#${issue.number}](${issue.url})` : '',
            ];
        }));
    }
    if (verdict.blockingFailures.length) {
        s.details(`Blocking failures (${verdict.blockingFailures.length})`, (d) => d.table(['Test', 'Failure'], verdict.blockingFailures.slice(0, MAX_ROWS).map((id) => {
            const failure = resultOf(results, id)?.failure;
            return [report_name(id), (0,summary/* escapeMarkdown */.FV)((0,neutralise/* truncate */.xv)(failure?.message || failure?.type || 'failed', 300))];
        })));
    }
    if (decisions.broken.length) {
        s.details(`Broken: failed on every attempt, never quarantined (${decisions.broken.length})`, (d) => d.list(decisions.broken.slice(0, MAX_ROWS).map(report_name)));
    }
    if (results.suiteErrors.length) {
        s.details(`Suite errors (${results.suiteErrors.length})`, (d) => d.table(['Suite', 'Error'], results.suiteErrors
            .slice(0, MAX_ROWS)
            .map((e) => [(0,summary/* escapeMarkdown */.FV)((0,neutralise/* truncate */.xv)(e.suite, 200)), (0,summary/* escapeMarkdown */.FV)((0,neutralise/* truncate */.xv)(e.message, 300))])));
    }
    if (input.reportErrors.length) {
        s.details(`Unreadable reports (${input.reportErrors.length})`, (d) => d.table(['File', 'Why'], input.reportErrors.slice(0, MAX_ROWS).map((e) => [(0,summary/* escapeMarkdown */.FV)(e.file), (0,summary/* escapeMarkdown */.FV)(e.error)])));
    }
    if (input.quarantinedNow.length) {
        s.details(`Quarantined tests (${input.quarantinedNow.length})`, (d) => d.list(input.quarantinedNow.slice(0, MAX_ROWS).map((id) => (0,summary/* inlineCode */.ti)(id))));
    }
    return s;
}

;// CONCATENATED MODULE: ./actions/flaky-quarantine/src/verdict.ts

/** Failures of quarantined tests are reported but do not block; everything else that failed does. */
function decideVerdict(input) {
    const blockingFailures = [];
    const quarantinedFailures = [];
    for (const test of input.results.tests.values()) {
        if (!finallyFailed(test))
            continue;
        const waived = input.forcedIn.has(test.id) || (input.quarantinedBefore.has(test.id) && !input.broken.has(test.id));
        (waived ? quarantinedFailures : blockingFailures).push(test.id);
    }
    const reasons = [];
    if (blockingFailures.length)
        reasons.push(`${blockingFailures.length} test(s) failed`);
    if (input.results.suiteErrors.length)
        reasons.push(`${input.results.suiteErrors.length} suite error(s)`);
    if (input.reportErrors && input.failOnBadReport)
        reasons.push(`${input.reportErrors} report(s) could not be read`);
    return { verdict: reasons.length ? 'fail' : 'pass', blockingFailures, quarantinedFailures, reasons };
}

;// CONCATENATED MODULE: ./actions/flaky-quarantine/src/main.ts

















const main_inputs = {
    reports: inputs/* input */.hF.list(),
    token: inputs/* input */.hF.optional(),
    state: inputs/* input */.hF.required(),
    'history-runs': inputs/* input */.hF.integer(2, 1000),
    'quarantine-file': inputs/* input */.hF.text(),
    'auto-quarantine': inputs/* input */.hF.boolean(),
    'release-after': inputs/* input */.hF.integer(1, 1000),
    'infra-failure-ratio': inputs/* input */.hF.number(0.01, 1),
    'create-issues': inputs/* input */.hF.oneOf(['auto', 'true', 'false']),
    'issue-label': inputs/* input */.hF.required(),
    'on-bad-report': inputs/* input */.hF.oneOf(['fail', 'warn']),
    commit: inputs/* input */.hF.optional(),
    branch: inputs/* input */.hF.optional(),
    'run-id': inputs/* input */.hF.optional(),
    'run-attempt': inputs/* input */.hF.optional(),
    'default-branch': inputs/* input */.hF.optional(),
};
/** The file on the state branch; other actions keep theirs beside it. */
const STATE_PATH = 'flaky-quarantine/history.json';
const MAX_BRANCHES = 100;
const MAX_ANNOTATIONS = 50;
async function run(io) {
    const opts = await (0,inputs/* parseInputs */.TL)(main_inputs, io, { secret: ['token'] });
    if (opts.token)
        io.setSecret(opts.token);
    const ctx = (0,context/* eventContext */.W)(io.env, (0,context/* readEventPayload */.N)(io.env));
    const workspace = ctx.workspace || process.cwd();
    const where = runIdentity(opts, ctx);
    const createIssues = opts['create-issues'] === 'auto' ? !!opts.token : opts['create-issues'] === 'true';
    if (createIssues && !opts.token)
        throw new errors/* UserError */.yo('Input "create-issues" is true but there is no token.');
    // 1. Reports: every matched file is read or listed as an error; none matched is a failure.
    const files = (0,shared_files/* findFiles */.lY)(workspace, opts.reports, { inputName: 'reports', log: io.log });
    if (!files.length) {
        throw new errors/* UserError */.yo(`No report matches input "reports" (${opts.reports.join(', ')}) in ${workspace}: the tests did not run or wrote their reports elsewhere. Failing rather than passing on nothing.`);
    }
    const { results, reportErrors } = await io.log.group(`Reading ${files.length} report(s)`, () => readReports(files, workspace, io));
    if (reportErrors.length === files.length) {
        io.setOutput('report-errors', reportErrors);
        throw new errors/* StepFailed */.an(`None of the ${files.length} matched report(s) could be read; see output report-errors.`);
    }
    if (results.tests.size === 0 && results.suiteErrors.length === 0) {
        io.setOutput('report-errors', reportErrors);
        throw new errors/* StepFailed */.an(`The ${files.length - reportErrors.length} readable report(s) hold no test cases: the tests did not run. Failing rather than passing on nothing.`);
    }
    const infra = (0,classify/* isInfraFailure */.zt)(results.executed, results.failed, opts['infra-failure-ratio']);
    if (infra) {
        io.log.warning(`${results.failed} of ${results.executed} tests failed: treated as an infrastructure failure, not flaky evidence. The failures still block.`);
    }
    // 2. Manual quarantine, the state store, and this run recorded in it.
    const manual = readManual(workspace, opts['quarantine-file']);
    // One GitHub client, loaded only when the state branch or issues need it.
    let client;
    const connect = (why) => (client ??= Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(319)]).then(__webpack_require__.bind(__webpack_require__, 4319)).then((m) => m.connectGitHub(io, opts.token, why)));
    const store = await openStore(parseStateLocation(opts.state, 'state'), io, { ...ctx, workspace }, connect);
    const decideContext = {
        ...where,
        releaseAfter: opts['release-after'],
        autoQuarantine: opts['auto-quarantine'],
        now: new Date().toISOString(),
        writer: `${where.runKey}/${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`,
    };
    const limits = {
        runsPerBranch: opts['history-runs'],
        maxBranches: MAX_BRANCHES,
        defaultBranch: where.defaultBranch,
    };
    // An infrastructure failure adds no run: it is no evidence either way.
    const thisRun = infra
        ? undefined
        : { branch: where.branch, info: { key: where.runKey, commit: where.commit, at: decideContext.now } };
    const recorded = await record(store, io, (current) => (0,quarantine/* recordRun */.vj)(current, thisRun, results.tests, manual, decideContext, limits), `flaky-quarantine: record run ${where.runKey} of ${where.commit.slice(0, 12)} on ${where.branch}`);
    const { before, history } = recorded;
    const decisions = (0,quarantine/* ownTransitions */.VQ)(history, recorded.decisions, decideContext.writer);
    // 3. Verdict from the quarantine as it stood before this run.
    const verdict = decideVerdict({
        results,
        quarantinedBefore: (0,quarantine/* effectiveQuarantine */.wo)(before, manual),
        broken: new Set(decisions.broken),
        forcedIn: new Set(manual.forceIn.keys()),
        reportErrors: reportErrors.length,
        failOnBadReport: opts['on-bad-report'] === 'fail',
    });
    const quarantinedNow = [...(0,quarantine/* effectiveQuarantine */.wo)(history, manual)].sort();
    // 4. Issues: opened on quarantine, refreshed on failures, closed on release.
    let issues = new Map();
    if (createIssues) {
        const { planIssues, syncIssues } = await Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(960)]).then(__webpack_require__.bind(__webpack_require__, 1960));
        const work = planIssues({
            history,
            decisions,
            quarantinedFailures: verdict.quarantinedFailures,
            forcedIn: manual.forceIn,
            failureOf: (id) => resultOf(results, id),
            runUrl: ctx.runUrl || undefined,
            releaseAfter: opts['release-after'],
            defaultBranch: where.defaultBranch,
            runKey: where.runKey,
        });
        if (work) {
            try {
                const repo = { owner: ctx.owner, repo: ctx.repo, label: opts['issue-label'] };
                issues = await syncIssues(await connect('issues (create-issues)'), repo, work, io.log);
            }
            catch (error) {
                // The history is recorded and the verdict stands; the test's next failure retries the issue.
                const { explainApiError } = await Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(319)]).then(__webpack_require__.bind(__webpack_require__, 4319));
                io.log.warning(explainApiError('Updating the flaky-test issues', error, 'issues: write').message);
            }
        }
    }
    // 5. Outputs, annotations, summary; then fail the step if anything blocks.
    io.setOutput('verdict', verdict.verdict);
    io.setOutput('blocking-failures', boundedIds(verdict.blockingFailures));
    io.setOutput('quarantined-failures', boundedIds(verdict.quarantinedFailures));
    io.setOutput('newly-flaky', boundedIds(decisions.newlyFlaky));
    io.setOutput('released', boundedIds(decisions.released));
    io.setOutput('broken', boundedIds(decisions.broken));
    io.setOutput('quarantined', boundedIds(quarantinedNow));
    io.setOutput('report-errors', reportErrors);
    annotate(io, results, verdict.blockingFailures, verdict.quarantinedFailures, workspace);
    for (const error of results.suiteErrors)
        io.log.info((0,neutralise/* neutralise */.$0)(`Suite error in ${(0,neutralise/* truncate */.xv)(error.suite, 200)}: ${(0,neutralise/* truncate */.xv)(error.message, 500)}`));
    await io.writeSummary(buildSummary({
        results,
        verdict,
        decisions,
        quarantinedNow,
        reportErrors,
        issues,
        history,
        infra,
        manual,
        defaultBranch: where.defaultBranch,
        releaseAfter: opts['release-after'],
    }));
    if (verdict.verdict === 'fail')
        throw new errors/* StepFailed */.an(`Blocking: ${verdict.reasons.join(', ')}.`);
    if (reportErrors.length)
        io.log.warning(`${reportErrors.length} report(s) could not be read; see output report-errors.`);
}
/** Which commit, branch and run this step records, from the inputs or else the event. */
function runIdentity(opts, ctx) {
    const commit = opts.commit ?? ctx.sha;
    if (!commit)
        throw new errors/* UserError */.yo('No commit: set input "commit" (GITHUB_SHA is empty outside a runner).');
    const branch = opts.branch ?? ctx.pullRequest?.headRef ?? ctx.refName;
    if (!branch)
        throw new errors/* UserError */.yo('No branch: set input "branch" (GITHUB_REF_NAME is empty outside a runner).');
    const attempt = opts['run-attempt'] ?? String(ctx.runAttempt);
    return {
        commit,
        branch,
        defaultBranch: opts['default-branch'] ?? ctx.defaultBranch ?? 'main',
        runKey: `${opts['run-id'] ?? (ctx.runId || `local-${commit}`)}:${attempt}`,
    };
}
/**
 * Applies `step` to the stored history through the store's optimistic concurrency: on a conflict
 * it runs again on the document read again. Returns the history as first read (for the verdict),
 * and the history and decisions of the attempt that was written.
 */
async function record(store, io, step, message) {
    let before;
    let outcome;
    const update = await store.update((text) => {
        const current = text === undefined ? (0,src_history/* emptyHistory */.s4)() : readHistory(text, store);
        const stepped = step(current);
        // The first document read, as the step saw it (a migrated history carried over to this run).
        before ??= stepped.before;
        outcome = stepped;
        const next = (0,src_history/* serialiseHistory */.MP)(outcome.history);
        return next === text ? undefined : next;
    }, message);
    io.log.info(`History in ${store.description}: ${update.written ? `updated (${update.attempts} attempt(s))` : 'unchanged (this run was already recorded)'}.`);
    return { before: before, ...outcome };
}
async function readReports(files, workspace, io) {
    const parsed = [];
    const reportErrors = [];
    for (const file of files) {
        try {
            const chunks = (0,shared_files/* readChunksInside */.H4)(workspace, file, { input: 'reports', maxBytes: MAX_REPORT_BYTES });
            parsed.push(await parseReport(chunks, { workspace }));
        }
        catch (error) {
            if (!(error instanceof ReportError || error instanceof errors/* UserError */.yo) &&
                !error.code)
                throw error;
            reportErrors.push({ file, error: (0,neutralise/* truncate */.xv)((0,errors/* describeError */.Uc)(error), 300) });
            io.log.warning((0,neutralise/* neutralise */.$0)(`Cannot read report ${file}: ${(0,errors/* describeError */.Uc)(error)}`));
        }
    }
    const results = foldReports(parsed);
    io.log.info(`${results.tests.size} tests: ${results.executed} ran, ${results.failed} failed; ${results.suiteErrors.length} suite error(s).`);
    return { results, reportErrors };
}
/** Larger reports are listed as report errors: 50 MB is a large real one. */
const MAX_REPORT_BYTES = 1024 * 1024 * 1024;
function readManual(workspace, file) {
    if (!file)
        return (0,quarantine/* emptyManual */.MV)();
    if (!(0,external_node_fs_.existsSync)((0,paths/* resolveInside */.LI)(workspace, file, 'quarantine-file')))
        return (0,quarantine/* emptyManual */.MV)();
    const text = (0,shared_files/* readTextInside */.YA)(workspace, file, { input: 'quarantine-file', maxBytes: 4 * 1024 * 1024 });
    try {
        return (0,quarantine/* parseManualFile */.m0)(text);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`The quarantine file ${file} is not valid: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}
function readHistory(text, store) {
    try {
        return (0,src_history/* parseHistory */.i6)(text);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`The history in ${store.description} is not a valid flaky-quarantine document (${(0,errors/* describeError */.Uc)(error)}); fix it or delete it to start over.`);
    }
}
async function openStore(location, io, repo, connect) {
    if (location.kind === 'file')
        return fileStore((0,paths/* resolveInside */.LI)(repo.workspace, location.path, 'state', [io.env.RUNNER_TEMP ?? '']));
    if (!repo.owner || !repo.repo)
        throw new errors/* UserError */.yo('Input "state" is a branch but GITHUB_REPOSITORY is not set.');
    return branchStore({
        github: await connect(`state: branch:${location.branch}`),
        owner: repo.owner,
        repo: repo.repo,
        branch: location.branch,
        path: STATE_PATH,
        log: io.log,
    });
}
function annotate(io, results, blocking, quarantined, workspace) {
    // Relative to the repository as ids are (a container's or another runner's checkout included);
    // a path still absolute is outside the repository and gets no file annotation.
    const relative = (file) => {
        const path = file && (0,identity/* normaliseFile */.$e)(file, workspace);
        return path && !/^(\/|[A-Za-z]:\/)/.test(path) ? path : undefined;
    };
    const items = [
        ...blocking.map((id) => ({ id, level: 'error', title: 'Test failed' })),
        ...quarantined.map((id) => ({
            id,
            level: 'warning',
            title: 'Quarantined test failed (not blocking)',
        })),
    ];
    for (const item of items.slice(0, MAX_ANNOTATIONS)) {
        const test = resultOf(results, item.id);
        const message = `${(0,neutralise/* truncate */.xv)((0,identity/* displayName */.QC)(item.id), 300)}: ${(0,neutralise/* truncate */.xv)(test.failure?.message || test.failure?.type || 'failed', 500)}`;
        io.annotate({
            level: item.level,
            title: item.title,
            message,
            file: relative(test.file),
            line: test.line,
        });
    }
}


/***/ }),

/***/ 7120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GT: () => (/* binding */ autoQuarantined),
/* harmony export */   MV: () => (/* binding */ emptyManual),
/* harmony export */   VQ: () => (/* binding */ ownTransitions),
/* harmony export */   m0: () => (/* binding */ parseManualFile),
/* harmony export */   vj: () => (/* binding */ recordRun),
/* harmony export */   wo: () => (/* binding */ effectiveQuarantine)
/* harmony export */ });
/* unused harmony exports BROKEN_STREAK, decide, applyDecisions */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _shared_zod_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6419);
/* harmony import */ var _classify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7166);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3091);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3050);





const entry = _shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ik({
    id: _shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* .string */ .Yj().check(_shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* .minLength */ .Bp(1)),
    owner: _shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* .string */ .Yj().check(_shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* .minLength */ .Bp(1, 'owner is required')),
    reason: _shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* .string */ .Yj().check(_shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* .minLength */ .Bp(1, 'reason is required')),
});
const manualSchema = _shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .re({
    quarantine: _shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rv(_shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YO(entry), []),
    'never-quarantine': _shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* ._default */ .Rv(_shared_zod_js__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YO(entry), []),
});
function emptyManual() {
    return { forceIn: new Map(), forceOut: new Map() };
}
/**
 * Parses the manual file:
 * ```yaml
 * quarantine:          # forced in: failures never block, never released automatically
 *   - id: 'v2:src/cart.test.ts|Cart|adds items'
 *     owner: '@shop-team'
 *     reason: 'Depends on the sandbox payment API, see #123'
 * never-quarantine:    # forced out: failures always block
 *   - id: 'v2:|com.acme.PaymentTest|refunds'
 *     owner: '@payments'
 *     reason: 'Must never be waved through'
 * ```
 * A v1 id (written before the current recipe) is read as its v2 spelling without a project.
 * Throws an Error whose message says which entry is wrong.
 */
function parseManualFile(text) {
    const raw = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parse)(text, { maxAliasCount: 100 }) ?? {};
    const result = manualSchema.safeParse(raw);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new Error(`${issue.path.join('.') || 'the file'}: ${issue.message}`);
    }
    const manual = emptyManual();
    const current = (id) => (0,_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .fromLegacyId */ .Zz)(id) ?? id;
    for (const e of result.data.quarantine)
        manual.forceIn.set(current(e.id), { owner: e.owner, reason: e.reason });
    for (const e of result.data['never-quarantine']) {
        if (manual.forceIn.has(current(e.id)))
            throw new Error(`${e.id} is both in quarantine and never-quarantine`);
        manual.forceOut.set(current(e.id), { owner: e.owner, reason: e.reason });
    }
    return manual;
}
/** Automatic quarantine entries that are in force (not released since). */
function autoQuarantined(history) {
    const ids = new Set();
    for (const [id, e] of history.quarantine)
        if (!e.releasedAt || e.releasedAt < e.since)
            ids.add(id);
    return ids;
}
/** Tests whose failures do not block: automatic and forced in, minus forced out. */
function effectiveQuarantine(history, manual) {
    const ids = autoQuarantined(history);
    for (const id of manual.forceIn.keys())
        ids.add(id);
    for (const id of manual.forceOut.keys())
        ids.delete(id);
    return ids;
}
/** A quarantined test failing this many runs in a row on a branch (no pass) is treated as broken. */
const BROKEN_STREAK = 5;
/**
 * Decides what changes, from a history that already holds this run. Only the tests of this run can
 * become flaky or broken here (their evidence is on this commit); every automatic entry is checked
 * for release. Pure: the same history gives the same decisions, so a retried write recomputes them.
 */
function decide(history, runTests, manual, ctx, 
/** This step's run, when it was new to its branch: its cells are the tests' own results. */
freshRun) {
    const refs = (0,_classify_js__WEBPACK_IMPORTED_MODULE_2__/* .runsOfCommit */ .vk)(history, ctx.commit);
    // The commit's only run is this step's new one, so a test's evidence is its own result: one that
    // did not fail is neither flaky nor broken, and its history need not be read.
    const onlyFreshRun = freshRun !== undefined &&
        refs.length === 1 &&
        refs[0].branch === history.branches.get(freshRun.branch) &&
        refs[0].branch.runs[refs[0].index].key === freshRun.key;
    const active = effectiveQuarantine(history, manual);
    // Keys of the active tests: a run's 330,000 ids are never hashed, only their ready keys looked up.
    const activeKeys = new Set([...active].map(_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .historyKey */ .Ox));
    const decisions = { newlyFlaky: [], quarantined: [], released: [], broken: [] };
    const branch = history.branches.get(ctx.branch);
    for (const { id, key, failures } of runTests) {
        const quarantined = activeKeys.has(key) && active.has(id);
        if (onlyFreshRun && !failures && !quarantined)
            continue;
        const evidence = (0,_classify_js__WEBPACK_IMPORTED_MODULE_2__/* .evidenceOn */ .Xr)(refs, key);
        // Without a failure on this commit a test is neither flaky nor broken (most tests stop here).
        if (!(evidence.bits & _history_js__WEBPACK_IMPORTED_MODULE_3__/* .FAIL */ .vR) && !quarantined)
            continue;
        const keepsFailing = quarantined && (0,_classify_js__WEBPACK_IMPORTED_MODULE_2__/* .failureStreak */ .L8)(branch, key) >= BROKEN_STREAK;
        if ((0,_classify_js__WEBPACK_IMPORTED_MODULE_2__/* .isBroken */ .Qr)(evidence) || keepsFailing)
            decisions.broken.push(id);
        else if ((0,_classify_js__WEBPACK_IMPORTED_MODULE_2__/* .isFlaky */ .s8)(evidence) && !quarantined) {
            decisions.newlyFlaky.push(id);
            // Not active yet flaky: either new, or forced out by the manual file (then it stays out).
            if (ctx.autoQuarantine && !manual.forceOut.has(id))
                decisions.quarantined.push(id);
        }
    }
    for (const id of autoQuarantined(history)) {
        const since = history.quarantine.get(id).since;
        if ((0,_classify_js__WEBPACK_IMPORTED_MODULE_2__/* .consecutivePasses */ .mg)(history, ctx.defaultBranch, id, since) >= ctx.releaseAfter)
            decisions.released.push(id);
    }
    return decisions;
}
/** The history with the decisions recorded as quarantine events. */
function applyDecisions(history, decisions, ctx) {
    if (!decisions.quarantined.length && !decisions.released.length)
        return history;
    const quarantine = new Map(history.quarantine);
    for (const id of decisions.quarantined)
        quarantine.set(id, { since: ctx.now, commit: ctx.commit, branch: ctx.branch, by: ctx.writer });
    for (const id of decisions.released)
        quarantine.set(id, { ...quarantine.get(id), releasedAt: ctx.now, releasedBy: ctx.writer });
    return { ...history, quarantine };
}
/**
 * One step of the state machine: carry a migrated history over to this run's tests (`before`: the
 * history the verdict reads), add this run's results (none for an infrastructure failure), decide,
 * and record the decisions. Every optimistic-concurrency attempt re-applies it to the document it read.
 */
function recordRun(current, run, 
/** This run's results by history key. */
tests, manual, ctx, limits) {
    const before = (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .adoptLegacy */ .OL)(current, tests.values());
    const merged = run ? (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .addRun */ .Z)(before, run.branch, run.info, tests, limits) : before;
    const fresh = run && !before.branches.get(run.branch)?.runs.some((r) => r.key === run.info.key);
    const decisions = decide(merged, tests.values(), manual, ctx, fresh ? { branch: run.branch, key: run.info.key } : undefined);
    return { before, history: applyDecisions(merged, decisions, ctx), decisions };
}
/**
 * The transitions this step's write carried, read from the history as written. When a write landed
 * but its answer was lost (a 502), the retry finds its own transitions already there and decides
 * nothing new; they are still this step's to act on (open or close the issues).
 */
function ownTransitions(history, decisions, writer) {
    const quarantined = new Set(decisions.quarantined);
    const released = new Set(decisions.released);
    for (const [id, e] of history.quarantine) {
        if (e.by === writer && !e.releasedAt)
            quarantined.add(id);
        if (e.releasedBy === writer)
            released.add(id);
    }
    return {
        ...decisions,
        newlyFlaky: [...new Set([...decisions.newlyFlaky, ...quarantined])],
        quarantined: [...quarantined],
        released: [...released],
    };
}


/***/ }),

/***/ 8365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H4: () => (/* binding */ readChunksInside),
/* harmony export */   Mt: () => (/* binding */ writeInside),
/* harmony export */   YA: () => (/* binding */ readTextInside),
/* harmony export */   lY: () => (/* binding */ findFiles),
/* harmony export */   xO: () => (/* binding */ readInside)
/* harmony export */ });
/* unused harmony export decodeText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2635);
/* harmony import */ var _glob_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5342);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2);





/**
 * The one way actions touch files a user names. A path is resolved with every link followed
 * (dangling ones too) and must lead into the workspace or an extra root (RUNNER_TEMP); the file is
 * then opened without following links (O_NOFOLLOW), so a link swapped in afterwards is refused, and
 * without blocking (O_NONBLOCK), so a FIFO cannot hang the step. Reads take regular files only and
 * stop at a byte cap that the error names.
 */
/** Folders never searched for inputs: VCS data and installed dependencies. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
const mib = (bytes) => bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`;
/** One sentence for an error from opening a file the user named. */
function openError(error, path, input) {
    const code = error.code;
    const what = code === 'ENOENT'
        ? 'which does not exist'
        : code === 'EISDIR'
            ? 'which is a directory; name a file'
            : code === 'ELOOP'
                ? 'which is a symbolic link (it changed while being opened)'
                : code === 'ENOTDIR'
                    ? 'but a folder on its way is a file'
                    : code === 'EACCES' || code === 'EPERM'
                        ? 'which this step may not open'
                        : code === 'ENXIO'
                            ? 'which is not a regular file'
                            : `which cannot be opened (${code ?? error.message})`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${input}" names ${path}, ${what}.`);
}
function openConfined(workspace, path, place, flags) {
    const { real } = (0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .confine */ .Do)(workspace, path, place.input, place.extraRoots);
    const shown = path.slice(0, 200);
    try {
        if (flags & node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(real), { recursive: true });
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(real, flags | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK, 0o644);
        return { fd, shown };
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo)
            throw error;
        throw openError(error, shown, place.input);
    }
}
/** A file the user named, as bytes: inside the workspace, a regular file, at most `maxBytes`. */
function readInside(workspace, path, place) {
    const { fd, shown } = openConfined(workspace, path, place, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY);
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (stats.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is a directory; name a file.`);
        if (!stats.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is not a regular file.`);
        const tooLarge = () => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is larger than ${mib(place.maxBytes)}; at most ${place.maxBytes} bytes are read.`);
        if (stats.size > place.maxBytes)
            throw tooLarge();
        // read to the cap plus one byte whatever the size said: a file may grow while it is read
        const buffer = Buffer.allocUnsafe(Math.min(place.maxBytes + 1, Math.max(stats.size, 64 * 1024) + 1));
        let length = 0;
        for (;;) {
            if (length === buffer.length)
                break;
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null);
            if (n === 0)
                break;
            length += n;
        }
        if (length > place.maxBytes)
            throw tooLarge();
        return buffer.subarray(0, length);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
const decoder = new TextDecoder('utf-8', { fatal: true });
/**
 * A text file the user named: `readInside`, then UTF-8 without NUL bytes (a BOM is dropped).
 * Anything else is a user error naming the input and the file, never a parser crash later.
 */
function readTextInside(workspace, path, place) {
    return decodeText(readInside(workspace, path, place), path, place.input);
}
/** Bytes as UTF-8 text, or a user error naming the input and file when they are not text. */
function decodeText(bytes, path, input) {
    let text;
    try {
        text = decoder.decode(bytes);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${input}" names ${path.slice(0, 200)}, which is not UTF-8 text.`);
    }
    if (text.includes('\0'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${input}" names ${path.slice(0, 200)}, which is not text (it holds NUL bytes).`);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/**
 * Writes (replaces) a file the user named, inside the workspace or an extra root, creating its
 * folders. A link whose target stays inside is written through; one leading out is refused.
 * Returns the absolute path as given.
 */
function writeInside(workspace, path, data, place) {
    const { fd, shown } = openConfined(workspace, path, place, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_TRUNC);
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is not a regular file.`);
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        for (let at = 0; at < bytes.length;)
            at += (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, bytes, at, bytes.length - at);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, path);
}
/**
 * A search pattern relative to the workspace. One written as an absolute path inside the workspace
 * is made relative; `/x` stays anchored at the root when `x` exists there; any other absolute
 * pattern, or one with a `..` segment, leads outside and is an error naming the input.
 */
function workspacePattern(root, pattern, inputName) {
    const negated = pattern.startsWith('!');
    let body = negated ? pattern.slice(1) : pattern;
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(body)) {
        const first = body.split('/').find(Boolean) ?? '';
        if ((0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .within */ .ux)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root), body))
            body = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root), body) || '**';
        else if (!first || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, first)))
            body = '/..';
    }
    if (body.split(/[\\/]/).includes('..'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${inputName}" has the pattern ${JSON.stringify(pattern.slice(0, 200))}, which leads outside the workspace; patterns are relative to the workspace.`);
    return negated ? `!${body}` : body;
}
/**
 * Files below `root` matching the patterns (see glob.ts), as sorted root-relative paths with `/`.
 * Folders reached through links are not searched; a linked file is listed only when its target is
 * a file inside the root. Patterns leading outside are refused; ones matching nothing are warned of.
 */
function findFiles(root, patterns, options = {}) {
    const inputName = options.inputName ?? 'patterns';
    const relativePatterns = patterns.map((p) => workspacePattern(root, p, inputName));
    const matches = (0,_glob_js__WEBPACK_IMPORTED_MODULE_3__/* .globList */ .X)(relativePatterns, inputName);
    const maxFiles = options.maxFiles ?? 100_000;
    const roots = (0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .realRoots */ .CB)(root);
    const found = [];
    const linkedFileInside = (path) => {
        const real = (0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .realTarget */ .aO)(path);
        if (real === undefined || !roots.some((r) => (0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .within */ .ux)(r, real)))
            return false;
        try {
            const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(real, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
            try {
                return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).isFile();
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            }
        }
        catch {
            return false;
        }
    };
    // `prefix` is the folder relative to root, `/`-separated: no path arithmetic per file.
    const walk = (dir, prefix) => {
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
            if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name))
                walk((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name), `${prefix}${entry.name}/`);
            else if (entry.isFile() || entry.isSymbolicLink()) {
                const rel = prefix + entry.name;
                if (!matches(rel))
                    continue;
                if (entry.isSymbolicLink() && !linkedFileInside((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name))) {
                    options.log?.warning(`Input "${inputName}": ${rel} is a symbolic link that does not lead to a file inside the workspace; skipped.`);
                    continue;
                }
                {
                    if (found.length >= maxFiles) {
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`More than ${maxFiles} files match input "${inputName}"; narrow the patterns.`);
                    }
                    found.push(rel);
                }
            }
        }
    };
    walk(root, '');
    if (options.log) {
        // one warning for the input, so a default list of alternatives costs one line, not one per pattern
        const unmatched = patterns.filter((_, i) => {
            const relative = relativePatterns[i];
            if (relative.startsWith('!'))
                return false;
            const glob = (0,_glob_js__WEBPACK_IMPORTED_MODULE_3__/* .compileGlob */ .S)(relative, inputName);
            return !found.some((path) => glob.matches(path));
        });
        if (unmatched.length)
            options.log.warning(`Input "${inputName}": ${unmatched.length === 1 ? 'the pattern' : 'the patterns'} ${unmatched.map((p) => JSON.stringify(p)).join(', ')} ${unmatched.length === 1 ? 'matches' : 'match'} no file.`);
    }
    return found.sort();
}
/**
 * A file the user named, in chunks read into one reused buffer (each chunk is valid until the next
 * is asked for), with the same checks as `readInside`; more than `maxBytes` is an error naming the cap.
 */
function* readChunksInside(workspace, path, place) {
    const { fd, shown } = openConfined(workspace, path, place, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY);
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stats.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is ${stats.isDirectory() ? 'a directory; name a file' : 'not a regular file'}.`);
        const buffer = Buffer.allocUnsafe(1 << 16);
        let total = 0;
        for (let read; (read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, 0, buffer.length, null)) > 0;) {
            total += read;
            if (total > place.maxBytes)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is larger than ${mib(place.maxBytes)}; at most ${place.maxBytes} bytes are read.`);
            yield buffer.subarray(0, read);
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ })

};

//# sourceMappingURL=403.index.js.map