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
 */
const PASS = 1;
const FAIL = 2;
const REPEAT = 4;
const HISTORY_VERSION = 1;
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
    branches.set(branchName, { runs, outcomes });
    return { branches: keepRecentBranches(branches, limits), quarantine: history.quarantine };
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
    const outcomes = new Map();
    const cellsById = new Map();
    // Each side's cells land where its runs went in the merged list; cut runs are dropped.
    const place = (side) => {
        const positions = side.runs.map((run) => byKey.get(run.key) - cut);
        for (const [id, s] of side.outcomes) {
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
    };
    place(a);
    place(b);
    for (const [id, cells] of cellsById) {
        const rle = encode(cells);
        if (rle)
            outcomes.set(id, rle);
    }
    return { runs: runs.slice(cut), outcomes };
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
    const quarantine = new Map(a.quarantine);
    for (const [id, entry] of b.quarantine) {
        const mine = quarantine.get(id);
        quarantine.set(id, mine ? laterEntry(mine, entry) : entry);
    }
    return { branches: keepRecentBranches(branches, limits), quarantine };
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
    const out = [`{"version":${HISTORY_VERSION},"branches":[`];
    const branches = [...history.branches].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    branches.forEach(([name, branch], i) => {
        out.push(`${i ? ',' : ''}[${JSON.stringify(name)},{"runs":${JSON.stringify(branch.runs)},"tests":[`);
        pushPairs(out, branch.outcomes);
        out.push(']}]');
    });
    out.push(`],"quarantine":${JSON.stringify([...history.quarantine])}}`);
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
/** Reads a stored document; throws with what is wrong, so a corrupt state is never read as empty. */
function parseHistory(text) {
    const json = JSON.parse(text);
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
        const outcomes = new Map();
        for (const pair of branch.tests) {
            const [id, cells] = pair ?? [];
            if (!isString(id) ||
                !isString(cells) ||
                !RLE_PATTERN.test(cells) ||
                rleLength(cells) > branch.runs.length)
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
        if (!isString(id) ||
            !e ||
            !isString(e.since) ||
            !isString(e.commit) ||
            !isString(e.branch) ||
            (e.releasedAt !== undefined && !isString(e.releasedAt)) ||
            (e.by !== undefined && !isString(e.by)) ||
            (e.releasedBy !== undefined && !isString(e.releasedBy)))
            throw new Error('a quarantine entry is malformed');
        history.quarantine.set(id, {
            since: e.since,
            commit: e.commit,
            branch: e.branch,
            ...(e.by ? { by: e.by } : {}),
            ...(e.releasedAt ? { releasedAt: e.releasedAt } : {}),
            ...(e.releasedBy ? { releasedBy: e.releasedBy } : {}),
        });
    }
    return history;
}


/***/ }),

/***/ 3050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ idHash),
/* harmony export */   Ox: () => (/* binding */ historyKey),
/* harmony export */   QC: () => (/* binding */ displayName),
/* harmony export */   Yo: () => (/* binding */ detach),
/* harmony export */   qe: () => (/* binding */ idMaker),
/* harmony export */   v3: () => (/* binding */ MadeId)
/* harmony export */ });
/* unused harmony exports ID_VERSION, normaliseFile, testId, parseTestId */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Stable test identity, version 1: `v1:<file>|<scope>|<name>`.
 *
 * - `file`: the report's `file` attribute (testcase first, else the enclosing testsuite), with `\`
 *   turned into `/`, a leading `./` and the workspace prefix removed; empty when the reporter gives none.
 * - `scope`: the `classname`; when that is empty, the names of the enclosing testsuites joined by ` / `.
 * - `name`: the testcase name.
 *
 * Every part is Unicode NFC, control characters become spaces, runs of whitespace one space, trimmed.
 * A part over 1024 characters keeps its first 1000 and a hash of the whole, so a 100 KB name stays a
 * distinct but bounded id. `\` and `|` inside a part are escaped with `\`, so the id is unambiguous.
 * The version prefix changes whenever this recipe does; history under another version is not mixed.
 */
const ID_VERSION = 'v1';
const MAX_PART = 1024;
const KEEP_PART = 1000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
function clean(text) {
    // Plain ASCII without control characters or double spaces is already normal: skip the work.
    if (/^[\x20-\x7e]*$/.test(text) && !/^ | $| {2}/.test(text))
        return text;
    return text.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}
function bound(text) {
    if (text.length <= MAX_PART)
        return text;
    return `${text.slice(0, KEEP_PART)}…#${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 16)}`;
}
function escapePart(text) {
    return text.includes('|') || text.includes('\\') ? text.replace(/[\\|]/g, (c) => `\\${c}`) : text;
}
/**
 * A copy of `text` that shares no memory with where it came from. V8 keeps a substring as a view
 * into its source, so a test name cut out of the parser's 64 KB chunk would keep the whole chunk
 * (and, over 330,000 tests, the whole report) alive; slicing a fresh concatenation copies it.
 */
const detach = (text) => ` ${text}`.slice(1);
/** A file path as reporters write it, made comparable across runners and operating systems. */
function normaliseFile(file, workspace = '') {
    let path = clean(file)
        .replace(/\\/g, '/')
        .replace(/\/{2,}/g, '/');
    const root = workspace.replace(/\\/g, '/').replace(/\/+$/, '');
    if (root && path.startsWith(`${root}/`))
        path = path.slice(root.length + 1);
    return path.replace(/^(\.\/)+/, '');
}
/**
 * A test's id and its history key, made together (the key hashes the id as it is built). The id is
 * joined from its shared `v1:file|scope` head and its own `|name` tail only when read: of a run's
 * 330,000 tests, the few that failed or are quarantined are asked for it.
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
/** A name that clean, bound and escapePart leave as it is: short printable ASCII, single inner spaces, no `|` or `\`. */
function isPlain(text) {
    if (text.length > MAX_PART)
        return false;
    let previous = 0x20; // so a leading space is not plain
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 0x7c || c === 0x5c || (c === 0x20 && previous === 0x20))
            return false;
        previous = c;
    }
    return previous !== 0x20;
}
/**
 * A test id maker for one report. File and scope repeat across thousands of testcases, so their
 * normalised form is remembered (up to a bound), and the hash of the shared `v1:file|scope|` prefix
 * is kept for the last prefix seen: a class's tests then hash only their names.
 */
function idMaker(workspace = '') {
    const files = new Map();
    const scopes = new Map();
    const remember = (cache, raw, make) => {
        let part = cache.get(raw);
        if (part === undefined) {
            part = detach(escapePart(bound(make())));
            if (cache.size < 10_000)
                cache.set(detach(raw), part);
        }
        return part;
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
                ? remember(scopes, key.classname, () => clean(key.classname))
                : detach(escapePart(bound((key.suitePath ?? []).map(clean).filter(Boolean).join(' / '))));
            head = `${ID_VERSION}:${file}|${scope}`;
            absorb(SEED1, SEED2, head);
            [headH1, headH2] = lanes;
            lastFile = key.file;
            lastClass = key.classname || undefined;
        }
        const name = isPlain(key.name) ? key.name : escapePart(bound(clean(key.name)));
        // Joined, not concatenated: one new flat string, sharing no memory with the parser's chunk.
        const tail = ['|', name].join('');
        absorb(headH1, headH2, tail);
        return new MadeId(head, tail, finish(lanes[0], lanes[1]));
    };
}
/** The versioned id of a test (see the module comment for the recipe). */
function testId(key, workspace = '') {
    return idMaker(workspace)(key).id;
}
/** The parts of an id, unescaped; undefined for text that is not a current-version id. */
function parseTestId(id) {
    if (!id.startsWith(`${ID_VERSION}:`))
        return undefined;
    const parts = [''];
    for (let i = ID_VERSION.length + 1; i < id.length; i++) {
        const c = id[i];
        if (c === '\\' && i + 1 < id.length)
            parts[parts.length - 1] += id[++i];
        else if (c === '|')
            parts.push('');
        else
            parts[parts.length - 1] += c;
    }
    if (parts.length !== 3)
        return undefined;
    return { file: parts[0], scope: parts[1], name: parts[2] };
}
/** A short, readable label for logs and titles: `scope › name`. */
function displayName(id) {
    const parts = parseTestId(id);
    if (!parts)
        return id;
    return [parts.scope, parts.name].filter(Boolean).join(' › ');
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
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
/** A local JSON (or any text) file, replaced atomically. */
function fileStore(path) {
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
            const next = transform(await read());
            if (next === undefined)
                return { written: false, attempts: 1 };
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
            const temp = `${path}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
            (0,external_node_fs_.writeFileSync)(temp, next);
            (0,external_node_fs_.renameSync)(temp, path);
            return { written: true, attempts: 1 };
        },
    };
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
        }
        switch (tag.name) {
            case 'system-out':
            case 'system-err':
                outputDepth++;
                return;
            case 'testsuite':
                suites.push({ name: a.name ?? '', file: a.file ?? a.filepath ?? suites.at(-1)?.file });
                return;
            case 'testcase':
                current = {
                    name: a.name ?? '',
                    classname: a.classname ?? a.class ?? '',
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
const report_name = (id) => (0,summary/* escapeMarkdown */.FV)((0,neutralise/* truncate */.x)((0,identity/* displayName */.QC)(id), 200));
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
            return [report_name(id), (0,summary/* escapeMarkdown */.FV)((0,neutralise/* truncate */.x)(failure?.message || failure?.type || 'failed', 300))];
        })));
    }
    if (decisions.broken.length) {
        s.details(`Broken: failed on every attempt, never quarantined (${decisions.broken.length})`, (d) => d.list(decisions.broken.slice(0, MAX_ROWS).map(report_name)));
    }
    if (results.suiteErrors.length) {
        s.details(`Suite errors (${results.suiteErrors.length})`, (d) => d.table(['Suite', 'Error'], results.suiteErrors
            .slice(0, MAX_ROWS)
            .map((e) => [(0,summary/* escapeMarkdown */.FV)((0,neutralise/* truncate */.x)(e.suite, 200)), (0,summary/* escapeMarkdown */.FV)((0,neutralise/* truncate */.x)(e.message, 300))])));
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
    const files = (0,shared_files/* findFiles */.lY)(workspace, opts.reports, { inputName: 'reports' });
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
        io.log.info((0,neutralise/* neutralise */.$)(`Suite error in ${(0,neutralise/* truncate */.x)(error.suite, 200)}: ${(0,neutralise/* truncate */.x)(error.message, 500)}`));
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
        before ??= current;
        outcome = step(current);
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
            parsed.push(await parseReport(fileChunks((0,external_node_path_.join)(workspace, file)), { workspace }));
        }
        catch (error) {
            if (!(error instanceof ReportError) && !error.code)
                throw error;
            reportErrors.push({ file, error: (0,neutralise/* truncate */.x)((0,errors/* describeError */.Uc)(error), 300) });
            io.log.warning((0,neutralise/* neutralise */.$)(`Cannot read report ${file}: ${(0,errors/* describeError */.Uc)(error)}`));
        }
    }
    const results = foldReports(parsed);
    io.log.info(`${results.tests.size} tests: ${results.executed} ran, ${results.failed} failed; ${results.suiteErrors.length} suite error(s).`);
    return { results, reportErrors };
}
/**
 * A file's bytes in 64 KB chunks, read synchronously into one reused buffer: the parser is done with
 * a chunk before it asks for the next, and a 55 MB report's 880 reads would otherwise each wait for
 * the thread pool.
 */
function* fileChunks(path) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const buffer = Buffer.allocUnsafe(1 << 16);
        for (let read; (read = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, null)) > 0;)
            yield buffer.subarray(0, read);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function readManual(workspace, file) {
    if (!file)
        return (0,quarantine/* emptyManual */.MV)();
    const path = (0,paths/* resolveInside */.L)(workspace, file, 'quarantine-file');
    if (!(0,external_node_fs_.existsSync)(path))
        return (0,quarantine/* emptyManual */.MV)();
    try {
        return (0,quarantine/* parseManualFile */.m0)((0,external_node_fs_.readFileSync)(path, 'utf8'));
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
        return fileStore((0,paths/* resolveInside */.L)(repo.workspace, location.path, 'state', [io.env.RUNNER_TEMP ?? '']));
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
    const relative = (file) => {
        if (!file)
            return undefined;
        const path = file.replace(/\\/g, '/').replace(/^\.\//, '');
        const root = workspace.replace(/\\/g, '/').replace(/\/+$/, '');
        return path.startsWith(`${root}/`)
            ? path.slice(root.length + 1)
            : path.startsWith('/')
                ? undefined
                : path;
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
        const message = `${(0,neutralise/* truncate */.x)((0,identity/* displayName */.QC)(item.id), 300)}: ${(0,neutralise/* truncate */.x)(test.failure?.message || test.failure?.type || 'failed', 500)}`;
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
 *   - id: 'v1:src/cart.test.ts|Cart|adds items'
 *     owner: '@shop-team'
 *     reason: 'Depends on the sandbox payment API, see #123'
 * never-quarantine:    # forced out: failures always block
 *   - id: 'v1:|com.acme.PaymentTest|refunds'
 *     owner: '@payments'
 *     reason: 'Must never be waved through'
 * ```
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
    for (const e of result.data.quarantine)
        manual.forceIn.set(e.id, { owner: e.owner, reason: e.reason });
    for (const e of result.data['never-quarantine']) {
        if (manual.forceIn.has(e.id))
            throw new Error(`${e.id} is both in quarantine and never-quarantine`);
        manual.forceOut.set(e.id, { owner: e.owner, reason: e.reason });
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
 * One step of the state machine: add this run's results to the stored history (none for an
 * infrastructure failure), decide, and record the decisions. Every optimistic-concurrency attempt
 * re-applies it to the document it read.
 */
function recordRun(current, run, 
/** This run's results by history key. */
tests, manual, ctx, limits) {
    const merged = run ? (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .addRun */ .Z)(current, run.branch, run.info, tests, limits) : current;
    const fresh = run && !current.branches.get(run.branch)?.runs.some((r) => r.key === run.info.key);
    const decisions = decide(merged, tests.values(), manual, ctx, fresh ? { branch: run.branch, key: run.info.key } : undefined);
    return { history: applyDecisions(merged, decisions, ctx), decisions };
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
/* harmony export */   C1: () => (/* binding */ checkSize),
/* harmony export */   lY: () => (/* binding */ findFiles)
/* harmony export */ });
/* unused harmony export readHead */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2635);
/* harmony import */ var _glob_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5342);




/** Folders never searched for inputs: VCS data and installed dependencies. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/**
 * Files below `root` matching the patterns (see glob.ts), as sorted root-relative paths with `/`.
 * Symbolic links are not followed, so a link cannot lead the search out of the workspace.
 */
function findFiles(root, patterns, options = {}) {
    const matches = (0,_glob_js__WEBPACK_IMPORTED_MODULE_3__/* .globList */ .X)(patterns, options.inputName);
    const maxFiles = options.maxFiles ?? 100_000;
    const found = [];
    // `prefix` is the folder relative to root, `/`-separated: no path arithmetic per file.
    const walk = (dir, prefix) => {
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
            if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name))
                walk((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name), `${prefix}${entry.name}/`);
            else if (entry.isFile()) {
                const rel = prefix + entry.name;
                if (matches(rel)) {
                    if (found.length >= maxFiles) {
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`More than ${maxFiles} files match input "${options.inputName ?? 'patterns'}"; narrow the patterns.`);
                    }
                    found.push(rel);
                }
            }
        }
    };
    walk(root, '');
    return found.sort();
}
/** The first bytes of a file, for sniffing its format (gzip, HTML, BOM) before parsing. */
function readHead(path, bytes = 512) {
    const fd = openSync(path, 'r');
    try {
        const buffer = Buffer.alloc(bytes);
        return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
    }
    finally {
        closeSync(fd);
    }
}
/** A file's size, failing with a user error that names it when it is larger than `maxBytes`. */
function checkSize(path, maxBytes, what = 'file') {
    const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).size;
    if (size > maxBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`The ${what} ${path} is ${size} bytes; at most ${maxBytes} are read.`);
    }
    return size;
}


/***/ })

};

//# sourceMappingURL=403.index.js.map