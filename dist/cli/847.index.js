export const id = 847;
export const ids = [847];
export const modules = {

/***/ 4847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  inputs: () => (/* binding */ main_inputs),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/context.ts
var context = __webpack_require__(1849);
// EXTERNAL MODULE: ./shared/errors.ts
var shared_errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(8365);
// EXTERNAL MODULE: ./shared/git.ts + 1 modules
var shared_git = __webpack_require__(9801);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(8573);
// EXTERNAL MODULE: ./shared/paths.ts
var paths = __webpack_require__(2);
// EXTERNAL MODULE: ./shared/range.ts
var shared_range = __webpack_require__(4823);
// EXTERNAL MODULE: ./shared/redact.ts
var redact = __webpack_require__(4781);
;// CONCATENATED MODULE: ./actions/migration-lint/src/catalog.ts
const AE = 'ACCESS EXCLUSIVE';
const RULES = [
    {
        id: 'drop-column',
        severity: 'error',
        lock: AE,
        why: 'The running app version still selects and inserts this column; its queries fail the moment the column is gone.',
        fix: 'Contract in two releases: stop reading and writing the column in the app (ignore it in the ORM), deploy, then drop it in a later migration.',
    },
    {
        id: 'rename-column',
        severity: 'error',
        lock: AE,
        why: 'The running app version uses the old column name; every query naming it fails after the rename.',
        fix: 'Expand/contract: add the new column, write both (trigger or app), backfill in batches, switch reads, then drop the old column in a later release.',
    },
    {
        id: 'rename-table',
        severity: 'error',
        lock: AE,
        why: 'The running app version queries the old table name and fails after the rename.',
        fix: 'Create the new name as a view over the old table (or the reverse), move the app to the new name, then rename/drop in a later release.',
    },
    {
        id: 'drop-table',
        severity: 'error',
        lock: AE,
        why: 'The running app version may still read or write the table; the data is gone for good.',
        fix: 'Remove every use of the table from the app and deploy first; drop it in a later migration (keep a backup).',
    },
    {
        id: 'add-not-null-column-no-default',
        severity: 'error',
        lock: AE,
        why: 'Fails on a table with rows, and inserts from the running app version (which does not know the column) would fail the NOT NULL check.',
        fix: 'Add the column nullable or with a constant DEFAULT; backfill in batches; add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL.',
    },
    {
        id: 'volatile-default',
        severity: 'error',
        lock: AE,
        why: 'A volatile default (gen_random_uuid(), random(), clock_timestamp(), serial, identity) rewrites the whole table under ACCESS EXCLUSIVE, blocking all reads and writes.',
        fix: 'Add the column without a default (or with a constant one), set the default in a separate statement (applies to new rows only), and backfill existing rows in batches.',
    },
    {
        id: 'add-stored-generated-column',
        severity: 'error',
        lock: AE,
        why: 'Adding a stored generated column computes it for every row: a full table rewrite under ACCESS EXCLUSIVE.',
        fix: 'Add a plain nullable column, keep it filled with a trigger, backfill in batches; or compute the value in a view or the app.',
    },
    {
        id: 'change-column-type',
        severity: 'error',
        lock: AE,
        why: 'Changing the type rewrites the table and its indexes under ACCESS EXCLUSIVE, and the running app may send values of the old type.',
        fix: 'Add a new column of the new type, write both, backfill in batches, switch reads, drop the old column later. Widening varchar or varchar to text needs no rewrite.',
    },
    {
        id: 'set-not-null',
        severity: 'error',
        lock: AE,
        why: 'SET NOT NULL scans the whole table under ACCESS EXCLUSIVE to check every row.',
        fix: 'ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (in a separate transaction); then SET NOT NULL skips the scan (PostgreSQL 12+); drop the CHECK after.',
    },
    {
        id: 'add-fk-validating',
        severity: 'error',
        lock: 'SHARE ROW EXCLUSIVE',
        why: 'Adding a foreign key checks every existing row while blocking writes on both tables.',
        fix: 'ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in a separate transaction (takes only SHARE UPDATE EXCLUSIVE).',
    },
    {
        id: 'add-check-validating',
        severity: 'error',
        lock: AE,
        why: 'Adding a CHECK constraint scans every row under ACCESS EXCLUSIVE.',
        fix: 'ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in a separate transaction (takes only SHARE UPDATE EXCLUSIVE).',
    },
    {
        id: 'validate-in-same-transaction',
        severity: 'warning',
        lock: AE,
        why: 'VALIDATE CONSTRAINT in the transaction that added the constraint scans the table while the ACCESS EXCLUSIVE lock from ADD CONSTRAINT is still held.',
        fix: 'Commit after ADD CONSTRAINT ... NOT VALID and run VALIDATE CONSTRAINT in its own transaction or migration.',
    },
    {
        id: 'add-unique-constraint-validating',
        severity: 'error',
        lock: AE,
        why: 'ADD UNIQUE builds its index while holding ACCESS EXCLUSIVE: no reads or writes until it is done.',
        fix: 'CREATE UNIQUE INDEX CONCURRENTLY i ON t (cols); then ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i.',
    },
    {
        id: 'add-primary-key-validating',
        severity: 'error',
        lock: AE,
        why: 'ADD PRIMARY KEY builds its index (and checks NOT NULL) while holding ACCESS EXCLUSIVE.',
        fix: 'CREATE UNIQUE INDEX CONCURRENTLY i ON t (id); make the column NOT NULL the safe way; then ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY USING INDEX i.',
    },
    {
        id: 'add-exclusion-constraint',
        severity: 'error',
        lock: AE,
        why: 'An EXCLUDE constraint builds its index under ACCESS EXCLUSIVE and cannot be added NOT VALID or built concurrently.',
        fix: 'Add it on a new table and move the data, or enforce the rule in the app (or with a trigger) until a maintenance window.',
    },
    {
        id: 'create-index-non-concurrent',
        severity: 'error',
        lock: 'SHARE',
        why: 'CREATE INDEX without CONCURRENTLY blocks every write to the table until the index is built.',
        fix: 'CREATE INDEX CONCURRENTLY, in a migration that does not run inside a transaction.',
    },
    {
        id: 'drop-index-non-concurrent',
        severity: 'warning',
        lock: AE,
        why: 'DROP INDEX takes ACCESS EXCLUSIVE on the table: queued behind long queries, it blocks every read and write.',
        fix: 'DROP INDEX CONCURRENTLY, in a migration that does not run inside a transaction.',
    },
    {
        id: 'reindex-non-concurrent',
        severity: 'error',
        lock: 'SHARE (ACCESS EXCLUSIVE on the index)',
        why: 'REINDEX without CONCURRENTLY blocks writes to the table and reads that use the index.',
        fix: 'REINDEX ... CONCURRENTLY (PostgreSQL 12+), outside a transaction; before 12, build a new index concurrently and drop the old one.',
    },
    {
        id: 'concurrent-index-in-transaction',
        severity: 'error',
        lock: '',
        why: 'CONCURRENTLY cannot run inside a transaction block: the migration fails (and how the runner wraps files decides when that happens).',
        fix: 'Put the concurrent statement alone in its own migration file, or turn off the runner transaction for that file (golang-migrate and Prisma: one statement per file; Rails: disable_ddl_transaction!; Knex: config.transaction = false).',
    },
    {
        id: 'vacuum-full-or-cluster',
        severity: 'error',
        lock: AE,
        why: 'VACUUM FULL and CLUSTER rewrite the whole table under ACCESS EXCLUSIVE.',
        fix: 'Use pg_repack or pg_squeeze online, or a plain VACUUM; never in a migration.',
    },
    {
        id: 'detach-partition-non-concurrent',
        severity: 'warning',
        lock: AE,
        why: 'DETACH PARTITION takes ACCESS EXCLUSIVE on the parent table, blocking every query on it.',
        fix: 'ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+), outside a transaction.',
    },
    {
        id: 'truncate',
        severity: 'error',
        lock: AE,
        why: 'TRUNCATE deletes every row at once under ACCESS EXCLUSIVE; the running app loses its data.',
        fix: 'Delete in batches if the data really must go, after the app stopped using it; never as part of a schema migration.',
    },
    {
        id: 'drop-not-null',
        severity: 'warning',
        lock: AE,
        why: 'Once NULLs are written, the running app version, which assumes a value, may crash reading them.',
        fix: 'Ship an app version that handles NULL first, then drop the NOT NULL.',
    },
    {
        id: 'drop-default',
        severity: 'warning',
        lock: AE,
        why: 'The running app version may omit the column in inserts, relying on the default; those inserts now write NULL or fail.',
        fix: 'Make the app always write the column and deploy it, then drop the default.',
    },
    {
        id: 'rename-enum-value',
        severity: 'error',
        lock: '',
        why: 'The running app version still sends the old label; its writes fail with "invalid input value for enum".',
        fix: 'Add the new value (ALTER TYPE ... ADD VALUE), move the app and the data to it, stop using the old value; remove it later by recreating the type.',
    },
    {
        id: 'uncommitted-transaction',
        severity: 'error',
        lock: '',
        why: 'The file opens a transaction that it never commits: the runner may roll it back, or hold its locks until the connection closes.',
        fix: 'End every BEGIN with COMMIT in the same file.',
    },
    {
        id: 'lock-timeout-missing',
        severity: 'warning',
        lock: '',
        why: 'Without lock_timeout, a statement waiting for its lock behind a long query blocks every query queued after it: an outage even for a quick change.',
        fix: "Start the migration with SET lock_timeout = '2s' (and retry on timeout).",
    },
    {
        id: 'syntax-error',
        severity: 'error',
        lock: '',
        why: 'PostgreSQL cannot parse this statement, so the migration fails (MySQL syntax is not PostgreSQL).',
        fix: 'Fix the statement; check it with psql against a scratch database.',
    },
    {
        id: 'not-utf8',
        severity: 'warning',
        lock: '',
        why: 'The file is not UTF-8 and declares no encoding, so it was read as Latin-1; psql and most runners read UTF-8 and fail on it or garble its text.',
        fix: "Re-save the file as UTF-8, or declare its encoding (SET client_encoding = 'LATIN1'; at the top).",
    },
    {
        id: 'undecodable',
        severity: 'error',
        lock: '',
        why: 'The file holds bytes that are not text in its encoding (its byte order mark, its declared encoding, or a NUL byte), so no runner can read it as written.',
        fix: 'Re-save the file as UTF-8 text, or correct its declared encoding.',
    },
    {
        id: 'dynamic-sql-not-analysed',
        severity: 'warning',
        lock: '',
        why: 'EXECUTE in a DO block runs text computed at run time (from variables or queries), so what it does and which locks it takes cannot be known before it runs.',
        fix: "Write the statement as plain SQL, or as constant text (EXECUTE 'ALTER TABLE ...' or format() with constant arguments); or review it by hand and ignore the finding with a reason.",
    },
    {
        id: 'empty-file',
        severity: 'warning',
        lock: '',
        why: 'An empty migration does nothing; it is usually a mistake or a lost change.',
        fix: 'Add the intended statements or delete the file.',
    },
    {
        id: 'ignore-without-reason',
        severity: 'warning',
        lock: '',
        why: 'An ignore comment without a reason hides a risk without telling reviewers why it is safe; it suppresses nothing.',
        fix: 'Write it as: -- migration-lint: ignore <rule> -- <why it is safe here>.',
    },
    {
        id: 'unused-ignore',
        severity: 'warning',
        lock: '',
        why: 'The ignore comment matches no finding (or names an unknown rule); it would silently hide a future one.',
        fix: 'Remove the comment, or correct the rule id.',
    },
    {
        id: 'observed-rewrite',
        severity: 'warning',
        lock: AE,
        why: 'Run against a real PostgreSQL, the statement rewrote an existing table (its relfilenode changed): the table is locked for the whole rewrite.',
        fix: 'See the static finding on the same line for the safe recipe.',
    },
    {
        id: 'observed-failure',
        severity: 'error',
        lock: '',
        why: 'Run against a real PostgreSQL (after the base migrations), the statement failed.',
        fix: 'Fix the statement; the database message says why.',
    },
];
const rules = new Map(RULES.map((rule) => [rule.id, rule]));
function rule(id) {
    const found = rules.get(id);
    if (!found)
        throw new Error(`bug: unknown rule ${id}`);
    return found;
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/clauses.ts
/**
 * Where each clause of an ALTER TABLE begins. The parse tree gives no location for a clause such as
 * `DROP COLUMN x` or `ALTER COLUMN y SET NOT NULL`, so the statement's text is scanned: clauses are
 * separated by commas outside parentheses, brackets, quotes and comments.
 */
const isSpace = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const isWordChar = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 128;
/** The offset after a quoted token, comment or dollar quote starting at `i`, or `i` when none starts there. */
function skipQuoted(text, i) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 45 && next === 45) {
        const end = text.indexOf('\n', i);
        return end < 0 ? text.length : end + 1;
    }
    if (c === 47 && next === 42) {
        let level = 1;
        let j = i + 2;
        while (j < text.length && level > 0) {
            if (text.startsWith('/*', j))
                (level++, (j += 2));
            else if (text.startsWith('*/', j))
                (level--, (j += 2));
            else
                j++;
        }
        return j;
    }
    if (c === 39 || c === 34) {
        // 'string' or "identifier"; doubled quotes escape; E'' strings also skip backslash escapes
        const escapes = c === 39 && /[eE]/.test(text[i - 1] ?? '') && !isWordChar(text.charCodeAt(i - 2));
        let j = i + 1;
        while (j < text.length) {
            const d = text.charCodeAt(j);
            if (escapes && d === 92)
                j += 2;
            else if (d === c && text.charCodeAt(j + 1) === c)
                j += 2;
            else if (d === c)
                return j + 1;
            else
                j++;
        }
        return j;
    }
    if (c === 36 && !isWordChar(text.charCodeAt(i - 1))) {
        const tag = /^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$/.exec(text.slice(i, i + 64))?.[0];
        if (tag) {
            const close = text.indexOf(tag, i + tag.length);
            return close < 0 ? text.length : close + tag.length;
        }
    }
    return i;
}
/** The offset of the next character that is not a space or inside a comment. */
function nextSignificant(text, i) {
    while (i < text.length) {
        if (isSpace(text.charCodeAt(i)))
            i++;
        else if (text.startsWith('--', i) || text.startsWith('/*', i))
            i = skipQuoted(text, i);
        else
            break;
    }
    return i;
}
/**
 * Offsets in `text` (one ALTER TABLE statement) where its clauses begin, given the offset of the
 * table's name; the first clause starts after the name. Stops at a `;` outside quotes.
 */
function alterClauseStarts(text, nameAt) {
    // the (possibly qualified, possibly quoted) name, then an optional `*`
    let i = nameAt;
    for (;;) {
        const quoted = skipQuoted(text, i);
        if (quoted > i && text.charCodeAt(i) === 34)
            i = quoted;
        else
            while (i < text.length && isWordChar(text.charCodeAt(i)))
                i++;
        const dot = nextSignificant(text, i);
        if (text.charCodeAt(dot) !== 46)
            break;
        i = nextSignificant(text, dot + 1);
    }
    i = nextSignificant(text, i);
    if (text.charCodeAt(i) === 42)
        i = nextSignificant(text, i + 1);
    const starts = [i];
    let depth = 0;
    while (i < text.length) {
        const skipped = skipQuoted(text, i);
        if (skipped > i) {
            i = skipped;
            continue;
        }
        const c = text.charCodeAt(i);
        if (c === 40 || c === 91)
            depth++;
        else if (c === 41 || c === 93)
            depth = Math.max(0, depth - 1);
        else if (c === 59 && depth === 0)
            break;
        else if (c === 44 && depth === 0) {
            starts.push(nextSignificant(text, i + 1));
        }
        i++;
    }
    return starts;
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/split.ts
/**
 * Splits a migration file into statements without parsing it, so a 20 MB file never reaches the
 * parser in one piece and one syntax error costs one statement, not the file. Quotes, E'' strings,
 * dollar quotes, nested block comments, CREATE RULE parentheses and BEGIN ATOMIC bodies are respected.
 */
const isIdentStart = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128; // A-Z a-z _ non-ASCII
const isIdentChar = (c) => isIdentStart(c) || (c >= 48 && c <= 57) || c === 36; // digits, $
const split_isSpace = (c) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
/** Lower-case word starting at `i` (identifier characters), or '' when none starts there. */
function wordAt(text, i) {
    let j = i;
    while (j < text.length && isIdentChar(text.charCodeAt(j)) && text.charCodeAt(j) !== 36)
        j++;
    return text.slice(i, j).toLowerCase();
}
/** Splits `text` into statements and psql meta-command lines, collecting comments on the way. */
function splitStatements(text) {
    const pieces = [];
    const comments = [];
    const n = text.length;
    let leadStart = 0;
    let start = -1; // first significant character of the current statement
    let depth = 0; // parentheses, counted in CREATE RULE only
    let parensGroup = false;
    let atomic = 0; // BEGIN ATOMIC ... END nesting (CASE ... END inside counts too)
    let previousWord = '';
    let i = 0;
    const finish = (end) => {
        if (start >= 0)
            pieces.push({ kind: 'sql', start, end, leadStart });
        leadStart = end;
        start = -1;
        depth = 0;
        atomic = 0;
        previousWord = '';
    };
    while (i < n) {
        const c = text.charCodeAt(i);
        if (split_isSpace(c)) {
            i++;
            continue;
        }
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c === 45 && next === 45) {
            // -- comment to end of line
            let j = text.indexOf('\n', i);
            if (j < 0)
                j = n;
            const end = j > i && text.charCodeAt(j - 1) === 13 ? j - 1 : j;
            comments.push({ start: i, end, text: text.slice(i, end) });
            i = j;
            continue;
        }
        if (c === 47 && next === 42) {
            // /* block comment */, nested as in PostgreSQL
            let level = 1;
            let j = i + 2;
            while (j < n && level > 0) {
                if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 42)
                    (level++, (j += 2));
                else if (text.charCodeAt(j) === 42 && text.charCodeAt(j + 1) === 47)
                    (level--, (j += 2));
                else
                    j++;
            }
            comments.push({ start: i, end: j, text: text.slice(i, j) });
            i = j;
            continue;
        }
        if (c === 92 && start < 0) {
            // a psql meta-command (\set, \i, \connect ...) runs to the end of its line
            let j = text.indexOf('\n', i);
            if (j < 0)
                j = n;
            pieces.push({ kind: 'meta', start: i, end: j, leadStart });
            leadStart = j;
            i = j;
            continue;
        }
        if (start < 0) {
            start = i;
            // only CREATE RULE holds semicolons inside parentheses; elsewhere an unbalanced ( must not swallow the file
            parensGroup =
                (c === 67 || c === 99) && /^create\s+(or\s+replace\s+)?rule\b/i.test(text.slice(i, i + 40));
        }
        if (c === 59 && depth === 0 && atomic === 0) {
            const copyFromStdin = isCopyFromStdin(text, start, i);
            finish(i + 1);
            i++;
            if (copyFromStdin)
                i = skipCopyData(text, i, pieces);
            leadStart = i;
            continue;
        }
        if (c === 39) {
            // 'string', E'string' with backslash escapes; '' is an escaped quote in both
            const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
            const escapes = (prev === 69 || prev === 101) && !(i > 1 && isIdentChar(text.charCodeAt(i - 2)));
            let j = i + 1;
            while (j < n) {
                const d = text.charCodeAt(j);
                if (escapes && d === 92)
                    j += 2;
                else if (d === 39) {
                    if (text.charCodeAt(j + 1) === 39)
                        j += 2;
                    else
                        break;
                }
                else
                    j++;
            }
            i = j + 1;
            previousWord = '';
            continue;
        }
        if (c === 34) {
            // "quoted identifier"
            let j = i + 1;
            while (j < n) {
                if (text.charCodeAt(j) !== 34)
                    j++;
                else if (text.charCodeAt(j + 1) === 34)
                    j += 2;
                else
                    break;
            }
            i = j + 1;
            previousWord = '';
            continue;
        }
        if (c === 36) {
            if (next === 123) {
                // Flyway ${placeholder}
                const j = text.indexOf('}', i);
                i = j < 0 ? n : j + 1;
                continue;
            }
            // $tag$ dollar quote ... $tag$ (not $1 parameters, not inside identifiers)
            const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
            if (!isIdentChar(prev)) {
                let j = i + 1;
                if (j < n && isIdentStart(text.charCodeAt(j))) {
                    while (j < n && isIdentChar(text.charCodeAt(j)) && text.charCodeAt(j) !== 36)
                        j++;
                }
                if (text.charCodeAt(j) === 36) {
                    const tag = text.slice(i, j + 1);
                    const close = text.indexOf(tag, j + 1);
                    i = close < 0 ? n : close + tag.length;
                    previousWord = '';
                    continue;
                }
            }
            i++;
            continue;
        }
        if (c === 40 && parensGroup)
            depth++;
        else if (c === 41 && parensGroup)
            depth = Math.max(0, depth - 1);
        else if (isIdentStart(c) && !(i > 0 && isIdentChar(text.charCodeAt(i - 1)))) {
            const word = wordAt(text, i);
            if (word === 'atomic' && previousWord === 'begin')
                atomic++;
            else if (atomic > 0 && word === 'case')
                atomic++;
            else if (atomic > 0 && word === 'end')
                atomic--;
            previousWord = word;
            i += word.length;
            continue;
        }
        i++;
    }
    finish(n);
    return { pieces, comments };
}
function isCopyFromStdin(text, start, end) {
    return /^copy\b/i.test(text.slice(start, start + 5)) && /\bfrom\s+stdin\b/i.test(text.slice(start, end));
}
/** psql's inline COPY data runs to a line holding only `\.`; it is data, not SQL. */
function skipCopyData(text, from, pieces) {
    const lineEnd = text.indexOf('\n', from);
    if (lineEnd < 0)
        return text.length;
    const terminator = /^\\\.\r?$/m;
    const rest = text.slice(lineEnd + 1);
    const found = terminator.exec(rest);
    const end = found ? lineEnd + 1 + found.index + found[0].length : text.length;
    pieces.push({ kind: 'meta', start: lineEnd + 1, end, leadStart: lineEnd + 1 });
    return end;
}
/**
 * The text the parser sees for a span: Flyway `${placeholders}` become underscores of the same UTF-8
 * length, so the parser's byte offsets still point into the original text.
 */
function parserText(text) {
    if (!text.includes('${'))
        return text;
    return text.replace(/\$\{[^}\n]*\}/g, (m) => '_'.repeat(Buffer.byteLength(m)));
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/statements.ts

/** Statements whose tree no rule or schema step reads: only checked for syntax, never turned into JSON. */
const DATA_KEYWORDS = new Set([
    'insert',
    'update',
    'delete',
    'select',
    'with',
    'values',
    'comment',
    'grant',
    'revoke',
    'copy',
]);
/** Pieces parsed in one call: each call into WebAssembly has a fixed cost, so batches are much faster. */
const BATCH_PIECES = 256;
const BATCH_CHARS = 256 * 1024;
const NO_TREE = Object.freeze({});
/**
 * Splits a file and parses it in batches of consecutive statements. In each batch the statements
 * rules read are parsed into trees in one call and the data statements are only syntax-checked in
 * another (their trees would be a good part of the parser's output, read by nothing). A call that
 * meets a syntax error is repeated statement by statement, so the error is pinned to its statement
 * and the rest survive. `withData: false` leaves the data statements out (not even checked).
 */
function parseStatements(parser, text, withData = true) {
    const split = splitStatements(text);
    const result = { split, statements: [], errors: [] };
    const pieces = split.pieces;
    const batch = {
        text,
        pieces,
        data: pieces.map((p) => p.kind === 'sql' && isData(text, p)),
        out: result,
    };
    let i = 0;
    while (i < pieces.length) {
        if (pieces[i].kind === 'meta') {
            i++;
            continue;
        }
        let j = i + 1;
        while (j < pieces.length &&
            j - i < BATCH_PIECES &&
            pieces[j].kind === 'sql' &&
            pieces[j].end - pieces[i].start < BATCH_CHARS)
            j++;
        parseBatch(parser, batch, i, j, false);
        if (withData)
            parseBatch(parser, batch, i, j, true);
        i = j;
    }
    // each batch gave its two kinds one after the other: back to file order (the sort is stable)
    result.statements.sort((a, b) => a.piece - b.piece);
    result.errors.sort((a, b) => a.piece - b.piece);
    return result;
}
function isData(text, piece) {
    let end = piece.start;
    while (end < piece.end && end - piece.start < 8 && /[A-Za-z]/.test(text[end]))
        end++;
    return DATA_KEYWORDS.has(text.slice(piece.start, end).toLowerCase());
}
/**
 * Parses the statements of one kind (data or not) among the SQL pieces `from`..`to`, as one text in
 * which the statements of the other kind are blanked out.
 */
function parseBatch(parser, batch, from, to, data) {
    const { text, pieces, out } = batch;
    const ofKind = (k) => batch.data[k] === data;
    while (from < to && !ofKind(from))
        from++;
    while (to > from && !ofKind(to - 1))
        to--;
    if (from === to)
        return;
    const start = pieces[from].start;
    const raw = text.slice(start, pieces[to - 1].end);
    const sql = parserText(blankOthers(raw, start, pieces, from, to, ofKind));
    const addChecked = () => {
        for (let k = from; k < to; k++) {
            if (!ofKind(k))
                continue;
            const p = pieces[k];
            // without its `;`, as the parser gives a statement's text
            const end = text.charCodeAt(p.end - 1) === 59 ? p.end - 1 : p.end;
            out.statements.push({
                stmt: NO_TREE,
                piece: k,
                offset: p.start,
                text: text.slice(p.start, end),
                byteBase: 0,
            });
        }
    };
    if (data && parser.isValid(sql))
        return addChecked();
    if (!data || to - from === 1) {
        // a data statement that failed alone is parsed again for the error message
        const outcome = parser.parse(sql);
        if (outcome.ok)
            return data ? addChecked() : addStatements(outcome.stmts, raw, start, pieces, from, to, ofKind, out);
        if (to - from === 1) {
            out.errors.push({
                piece: from,
                message: outcome.message,
                offset: start + new ByteCursor(raw).toChar(outcome.byteOffset),
            });
            return;
        }
    }
    // the batch holds a syntax error: parse each statement alone to find it
    for (let k = from; k < to; k++)
        if (ofKind(k))
            parseBatch(parser, batch, k, k + 1, data);
}
/**
 * `raw` (the file from offset `start`) with the statements `keep` rejects replaced by as many spaces
 * as they have UTF-8 bytes, so the parser's byte offsets still point into `raw`.
 */
function blankOthers(raw, start, pieces, from, to, keep) {
    let blanked = '';
    let done = 0;
    for (let k = from; k < to; k++) {
        if (keep(k))
            continue;
        const a = pieces[k].start - start;
        const b = pieces[k].end - start;
        blanked += raw.slice(done, a) + ' '.repeat(Buffer.byteLength(raw.slice(a, b)));
        done = b;
    }
    return done === 0 ? raw : blanked + raw.slice(done);
}
/**
 * Maps the parser's statements (byte offsets into `raw`, which starts at file offset `start`) to the
 * pieces `isParsed` accepts (the others were blanked out).
 */
function addStatements(stmts, raw, start, pieces, from, to, isParsed, out) {
    const cursor = new ByteCursor(raw);
    let k = from;
    for (const s of stmts) {
        const location = s.stmt_location ?? 0;
        const endByte = s.stmt_len ? location + s.stmt_len : Infinity;
        let first = start + cursor.toChar(location);
        const last = endByte === Infinity ? start + raw.length : start + cursor.toChar(endByte);
        while (k < to - 1 && (!isParsed(k) || pieces[k].end <= first))
            k++;
        // the parser's statement may begin at comments, spaces or blanked statements before its first token
        let byteBase = location;
        if (pieces[k].start > first && pieces[k].start < last) {
            byteBase += Buffer.byteLength(raw.slice(first - start, pieces[k].start - start));
            first = pieces[k].start;
        }
        out.statements.push({
            stmt: s.stmt,
            piece: k,
            offset: first,
            text: raw.slice(first - start, last - start),
            byteBase,
        });
    }
}
/** Converts increasing UTF-8 byte offsets of one string to UTF-16 offsets in a single forward pass. */
class ByteCursor {
    text;
    char = 0;
    byte = 0;
    ascii;
    constructor(text) {
        this.text = text;
        this.ascii = !/[^\x00-\x7f]/.test(text);
    }
    toChar(byteOffset) {
        if (this.ascii)
            return Math.min(byteOffset, this.text.length);
        if (byteOffset < this.byte) {
            this.char = 0;
            this.byte = 0;
        }
        while (this.byte < byteOffset && this.char < this.text.length) {
            const c = this.text.charCodeAt(this.char);
            if (c < 0x80)
                this.byte += 1;
            else if (c < 0x800)
                this.byte += 2;
            else if (c >= 0xd800 && c <= 0xdbff) {
                this.byte += 4;
                this.char++;
            }
            else
                this.byte += 3;
            this.char++;
        }
        return this.char;
    }
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/do-blocks.ts

/**
 * Offset in a DO statement's text where its body begins, and whether the body is written verbatim
 * there (dollar-quoted); a single-quoted body doubles its quotes, so its offsets are only by line.
 */
function doBody(statement) {
    const match = /\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$|'/.exec(statement);
    if (!match)
        return { start: 0, verbatim: false };
    return { start: match.index + match[0].length, verbatim: match[0] !== "'" };
}
/** Offset of the start of 1-based line `line`, counting lines from `from` in `text`. */
function lineStart(text, from, line) {
    let at = from;
    for (let n = 1; n < line; n++) {
        const next = text.indexOf('\n', at);
        if (next < 0)
            return at;
        at = next + 1;
    }
    return at;
}
/**
 * The value of a PL/pgSQL expression when it is a constant string, traced to offsets in `expr`;
 * undefined when it depends on variables, queries or functions other than format() and concat().
 */
function constantText(parser, expr) {
    const prefix = 'SELECT ';
    const outcome = parser.parse(prefix + expr);
    if (!outcome.ok || outcome.stmts.length !== 1)
        return undefined;
    const select = outcome.stmts[0].stmt.SelectStmt;
    const targets = (select?.targetList ?? []);
    if (targets.length !== 1 || select.fromClause || select.whereClause)
        return undefined;
    const cursor = new ByteCursor(prefix + expr);
    const offset = (location) => cursor.toChar(location) - prefix.length;
    const value = evaluate(targets[0].ResTarget?.val, expr, offset);
    return value ?? undefined;
}
function evaluate(node, expr, offset) {
    if (!node)
        return undefined;
    if (node.A_Const) {
        if (node.A_Const.isnull)
            return null;
        const sval = node.A_Const.sval?.sval;
        return sval === undefined ? undefined : literal(expr, offset(node.A_Const.location), sval);
    }
    if (node.TypeCast) {
        const type = (node.TypeCast.typeName?.names ?? []).at(-1)?.String?.sval;
        return ['text', 'varchar', 'name'].includes(type) ? evaluate(node.TypeCast.arg, expr, offset) : undefined;
    }
    const op = node.A_Expr;
    if (op?.kind === 'AEXPR_OP' && op.name[0]?.String?.sval === '||') {
        const left = evaluate(op.lexpr, expr, offset);
        const right = evaluate(op.rexpr, expr, offset);
        if (left === undefined || right === undefined)
            return undefined;
        return left === null || right === null ? null : join([left, right]);
    }
    const call = node.FuncCall;
    if (call && !call.agg_star && !call.over) {
        const name = (call.funcname ?? [])
            .map((n) => n.String?.sval)
            .filter((n) => n !== 'pg_catalog')
            .join('.');
        const args = (call.args ?? []).map((a) => evaluate(a, expr, offset));
        if (args.some((a) => a === undefined))
            return undefined;
        const values = args;
        if (name === 'concat')
            return join(values.filter((v) => v !== null));
        if (name === 'format' && values.length > 0 && values[0] !== null)
            return format(values[0], values.slice(1), offset(call.location));
    }
    return undefined;
}
function join(parts) {
    return { text: parts.map((p) => p.text).join(''), at: parts.flatMap((p) => p.at) };
}
/**
 * A string literal's value traced to the source: `$tag$...$tag$` and `'...'` (doubled quotes)
 * character by character; E'' and U&'' strings map every character to the literal's start.
 */
function literal(expr, start, value) {
    const tag = /^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$/.exec(expr.slice(start))?.[0];
    if (tag)
        return { text: value, at: value.split('').map((_, i) => start + tag.length + i) };
    if (expr[start] === "'") {
        const at = [];
        let j = start + 1;
        for (let i = 0; i < value.length; i++) {
            at.push(j);
            j += value[i] === "'" && expr[j] === "'" && expr[j + 1] === "'" ? 2 : 1;
        }
        return { text: value, at };
    }
    return { text: value, at: value.split('').map(() => start) };
}
/** Words PostgreSQL's quote_ident() quotes although they look like plain identifiers (the common ones). */
const RESERVED = new Set(`all analyse analyze and any array as asc both case cast check collate column constraint create default
  desc distinct do else end except false fetch for foreign from grant group having in initially intersect into
  leading limit not null offset on only or order placing primary references returning select some table then
  to trailing true union unique user using variadic when where window with`.split(/\s+/));
function quoteIdent(value) {
    if (/^[a-z_][a-z0-9_$]*$/.test(value) && !RESERVED.has(value))
        return value;
    return `"${value.replace(/"/g, '""')}"`;
}
function quoteLiteral(value) {
    const quoted = `'${value.replace(/'/g, "''")}'`;
    return value.includes('\\') ? `E${quoted.replace(/\\/g, '\\\\')}` : quoted;
}
/**
 * PostgreSQL's format() for `%s`, `%I`, `%L` and `%%`, with optional `n$` positions. Literal text
 * keeps its trace; a substituted value maps to its placeholder. Width and flags: undefined.
 */
function format(template, args, callAt) {
    const out = { text: '', at: [] };
    const { text, at } = template;
    let next = 0;
    for (let i = 0; i < text.length; i++) {
        if (text[i] !== '%') {
            out.text += text[i];
            out.at.push(at[i] ?? callAt);
            continue;
        }
        const spec = /^%(?:(\d+)\$)?([sIL%])/.exec(text.slice(i));
        if (!spec)
            return undefined;
        const placeholder = at[i] ?? callAt;
        i += spec[0].length - 1;
        if (spec[2] === '%') {
            out.text += '%';
            out.at.push(placeholder);
            continue;
        }
        const index = spec[1] ? Number(spec[1]) - 1 : next;
        next = index + 1;
        if (index >= args.length)
            return undefined; // PostgreSQL: "too few arguments for format()"
        const arg = args[index];
        const value = spec[2] === 's'
            ? (arg?.text ?? '')
            : spec[2] === 'L'
                ? arg === null
                    ? 'NULL'
                    : quoteLiteral(arg.text)
                : arg === null
                    ? undefined
                    : quoteIdent(arg.text);
        if (value === undefined)
            return undefined;
        out.text += value;
        for (let k = 0; k < value.length; k++)
            out.at.push(placeholder);
    }
    return out;
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/encoding.ts
/** PostgreSQL's encoding names (and common spellings) to WHATWG labels, keyed without `-`, `_` or spaces. */
const ENCODINGS = new Map([
    ['utf8', 'utf-8'],
    ['unicode', 'utf-8'],
    ['latin1', 'latin1'],
    ['iso88591', 'latin1'],
    ['l1', 'latin1'],
    ['sqlascii', 'latin1'],
    ['latin2', 'iso-8859-2'],
    ['latin3', 'iso-8859-3'],
    ['latin4', 'iso-8859-4'],
    ['latin5', 'windows-1254'],
    ['latin6', 'iso-8859-10'],
    ['latin7', 'iso-8859-13'],
    ['latin8', 'iso-8859-14'],
    ['latin9', 'iso-8859-15'],
    ['latin10', 'iso-8859-16'],
    ['sjis', 'shift_jis'],
    ['shiftjis', 'shift_jis'],
    ['eucjp', 'euc-jp'],
    ['euckr', 'euc-kr'],
    ['koi8r', 'koi8-r'],
    ['koi8u', 'koi8-u'],
    ['utf16', 'utf-16le'],
    ['utf16le', 'utf-16le'],
    ['utf16be', 'utf-16be'],
]);
const DECLARATION = /^[ \t]*(?:--[^\n]*?\bcoding[:=][ \t]*([-\w.]+)|set[ \t]+(?:session[ \t]+)?client_encoding[ \t]*(?:to|=)[ \t]*'?([-\w]+)|\\encoding[ \t]+([-\w]+))/im;
/** The encoding a file declares in its first 64 KB, as a WHATWG label, or undefined. */
function declaredEncoding(bytes) {
    const head = bytes.subarray(0, 64 * 1024).toString('latin1');
    const match = DECLARATION.exec(head);
    const name = match && (match[1] ?? match[2] ?? match[3]);
    if (!name)
        return undefined;
    const key = name.toLowerCase().replace(/[-_ ]/g, '');
    const win = /^(?:win|windows|cp)(\d{3,4})$/.exec(key);
    const label = ENCODINGS.get(key) ?? (win ? `windows-${win[1]}` : name.toLowerCase());
    try {
        new TextDecoder(label);
        return label;
    }
    catch {
        return undefined; // an encoding this runtime does not know: read as undeclared
    }
}
function decodeMigration(bytes) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        return strict(bytes, 'utf-8', 3);
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return strict(bytes, 'utf-16le', 2);
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return strict(bytes, 'utf-16be', 2);
    const declared = declaredEncoding(bytes);
    if (declared)
        return strict(bytes, declared, 0);
    const nul = bytes.indexOf(0);
    const bad = firstInvalidUtf8(bytes);
    if (nul >= 0 && (bad < 0 || nul < bad))
        return failure(bytes, 'UTF-8', nul, 0, 'utf-8');
    if (bad < 0)
        return { ok: true, text: bytes.toString('utf8'), encoding: 'UTF-8' };
    if (nul >= 0)
        return failure(bytes, 'Latin-1', nul, 0, 'latin1');
    return { ok: true, text: bytes.toString('latin1'), encoding: 'Latin-1', guessedAt: bad };
}
/** Decodes with `label` from `start`; a byte that is not valid in it (or a NUL) makes a failure. */
function strict(bytes, label, start) {
    const name = label === 'latin1' ? 'Latin-1' : label.toUpperCase();
    const body = bytes.subarray(start);
    let bad;
    if (label === 'utf-8')
        bad = firstInvalidUtf8(body);
    else if (label.startsWith('utf-16'))
        bad = firstInvalidUtf16(body, label === 'utf-16be');
    else if (label === 'latin1')
        bad = -1;
    else
        bad = firstUndecodable(body, label);
    const text = label === 'latin1'
        ? body.toString('latin1')
        : bad < 0
            ? new TextDecoder(label, { ignoreBOM: true }).decode(body)
            : '';
    const nul = bad < 0 ? text.indexOf('\0') : -1;
    if (bad >= 0 || nul >= 0) {
        const offset = bad >= 0 ? bad : byteLength(text.slice(0, nul), label);
        return failure(bytes, name, start + offset, start, label);
    }
    return { ok: true, text, encoding: name };
}
function failure(bytes, encoding, byteOffset, start, label) {
    const head = bytes.subarray(start, byteOffset);
    const before = label === 'latin1' ? head.toString('latin1') : new TextDecoder(label).decode(head);
    return { ok: false, encoding, byteOffset, before };
}
function byteLength(text, label) {
    if (label.startsWith('utf-16'))
        return text.length * 2;
    return label === 'utf-8' ? Buffer.byteLength(text) : text.length;
}
/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes) {
    const n = bytes.length;
    let i = 0;
    while (i < n) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let min;
        if (b >= 0xc2 && b <= 0xdf)
            ((need = 1), (min = 0x80));
        else if (b >= 0xe0 && b <= 0xef)
            ((need = 2), (min = 0x800));
        else if (b >= 0xf0 && b <= 0xf4)
            ((need = 3), (min = 0x10000));
        else
            return i;
        let code = b & (0x3f >> need);
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined || (c & 0xc0) !== 0x80)
                return i;
            code = (code << 6) | (c & 0x3f);
        }
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return i;
        i += need + 1;
    }
    return -1;
}
/** Offset of the first unpaired surrogate or trailing odd byte in UTF-16, or -1. */
function firstInvalidUtf16(bytes, bigEndian) {
    const unit = (i) => bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8);
    let i = 0;
    for (; i + 1 < bytes.length; i += 2) {
        const u = unit(i);
        if (u >= 0xd800 && u <= 0xdbff) {
            if (i + 3 >= bytes.length)
                return i;
            const low = unit(i + 2);
            if (low < 0xdc00 || low > 0xdfff)
                return i;
            i += 2;
        }
        else if (u >= 0xdc00 && u <= 0xdfff)
            return i;
    }
    return i < bytes.length ? i : -1;
}
/** For other encodings: the shortest prefix that fails to decode ends at the first bad byte. */
function firstUndecodable(bytes, label) {
    const fails = (length) => {
        try {
            new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, length), {
                stream: length < bytes.length,
            });
            return false;
        }
        catch {
            return true;
        }
    };
    if (!fails(bytes.length))
        return -1;
    let lo = 1;
    let hi = bytes.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (fails(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo - 1;
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/positions.ts
/** Maps offsets in one file's text to lines and columns, with a binary search over line starts. */
class LineIndex {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    /** The position of a UTF-16 offset. */
    at(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        const lineStart = this.starts[lo];
        let column = 1;
        for (let i = lineStart; i < offset; i++) {
            const c = this.text.charCodeAt(i);
            if (c < 0xdc00 || c > 0xdfff)
                column++; // a low surrogate finishes a code point already counted
        }
        return { line: lo + 1, column };
    }
}
/**
 * Converts a UTF-8 byte offset inside `text` (what libpg-query reports) to a UTF-16 offset.
 * Offsets past the end clamp to the end.
 */
function byteToCharOffset(text, byteOffset) {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        if (bytes >= byteOffset)
            return i;
        const c = text.charCodeAt(i);
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (c >= 0xd800 && c <= 0xdbff) {
            bytes += 4;
            i++;
        }
        else
            bytes += 3;
    }
    return text.length;
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/ast.ts
/** Small readers over libpg-query's JSON parse tree. */
/** `schema.table` for a RangeVar; unqualified names are taken to be in `public`. */
function tableKey(rangeVar) {
    if (!rangeVar)
        return '';
    const rv = (rangeVar.RangeVar ?? rangeVar);
    return `${rv.schemaname ?? 'public'}.${rv.relname}`;
}
/** `schema.name` from a list of String nodes (DROP objects, type names). */
function qualifiedName(items) {
    const parts = (items ?? []).map((item) => item.String?.sval);
    return parts.length > 1 ? parts.slice(-2).join('.') : `public.${parts[0] ?? ''}`;
}
function typeInfo(typeName) {
    const names = (typeName?.names ?? []).map((n) => n.String?.sval);
    const name = names.filter((n) => n !== 'pg_catalog').join('.');
    const mods = (typeName?.typmods ?? []).map((m) => Number(m.A_Const?.ival?.ival ?? 0));
    return { name: ALIASES.get(name) ?? name, mods, array: !!typeName?.arrayBounds };
}
const ALIASES = new Map([
    ['character varying', 'varchar'],
    ['int', 'int4'],
    ['integer', 'int4'],
    ['bigint', 'int8'],
    ['smallint', 'int2'],
    ['decimal', 'numeric'],
    ['bool', 'bool'],
    ['timestamp with time zone', 'timestamptz'],
]);
function formatType(t) {
    return `${t.name}${t.mods.length ? `(${t.mods.join(',')})` : ''}${t.array ? '[]' : ''}`;
}
/** Types whose only modifier is a fractional-seconds precision, which PostgreSQL can widen in place. */
const PRECISION_TYPES = new Set(['timestamp', 'timestamptz', 'time', 'timetz']);
/** libpg-query's first interval modifier when no field list (`DAY TO SECOND`...) is given. */
const INTERVAL_FULL_RANGE = 32767;
/**
 * Whether PostgreSQL changes a column from `from` to `to` without rewriting the table or rebuilding
 * its indexes (measured on PostgreSQL 15, see test/migration-lint/postgres-claims.test.ts): the same
 * type; varchar widened, unbounded, or to text; text to unbounded varchar; numeric with more
 * precision at the same scale, or unconstrained; timestamp, time and interval with more (or
 * unspecified) fractional precision; varbit widened; cidr to inet; xml to text. Arrays only when the
 * type stays the same: PostgreSQL coerces arrays element by element, which rewrites the table.
 */
function isBinaryCoercible(from, to) {
    if (formatType(from) === formatType(to))
        return true;
    if (from.array || to.array)
        return false;
    const widens = (f, t) => t.length === 0 || (f.length > 0 && t[0] >= f[0]);
    if (from.name === 'varchar' && (to.name === 'text' || to.name === 'varchar'))
        return widens(from.mods, to.mods);
    if (from.name === 'text' && to.name === 'varchar')
        return to.mods.length === 0;
    if (from.name === 'varbit' && to.name === 'varbit')
        return widens(from.mods, to.mods);
    if (PRECISION_TYPES.has(from.name) && from.name === to.name)
        return widens(from.mods, to.mods);
    if (from.name === 'interval' && to.name === 'interval') {
        // modifiers are [fields, precision]; only the precision may grow, the fields must not change
        const fields = (t) => t.mods[0] ?? INTERVAL_FULL_RANGE;
        if (to.mods.length === 0)
            return true;
        return fields(from) === fields(to) && widens(from.mods.slice(1), to.mods.slice(1));
    }
    if ((from.name === 'cidr' && to.name === 'inet') || (from.name === 'xml' && to.name === 'text'))
        return true;
    if (from.name === 'numeric' && to.name === 'numeric') {
        if (to.mods.length === 0)
            return true;
        return from.mods.length > 0 && (from.mods[1] ?? 0) === (to.mods[1] ?? 0) && to.mods[0] >= from.mods[0];
    }
    return false;
}
/** Functions that are not volatile, so a DEFAULT using them is evaluated once (PostgreSQL 11+). */
const NON_VOLATILE = new Set([
    'now',
    'transaction_timestamp',
    'statement_timestamp',
    'current_timestamp',
    'lower',
    'upper',
    'coalesce',
    'to_jsonb',
    'jsonb_build_object',
    'json_build_object',
    'jsonb_build_array',
    'array',
    'make_interval',
    'to_timestamp',
    'length',
    'concat',
]);
/** Whether an expression may give a different value per row: any function not known to be stable. */
function isVolatileExpression(expr) {
    let volatile = false;
    const visit = (value) => {
        if (volatile || !value || typeof value !== 'object')
            return;
        if (Array.isArray(value))
            return value.forEach(visit);
        const record = value;
        if (record.FuncCall) {
            const parts = record.FuncCall.funcname.map((n) => n.String?.sval);
            const name = parts.filter((p) => p !== 'pg_catalog').join('.');
            if (!NON_VOLATILE.has(name))
                volatile = true;
        }
        if (record.SubLink)
            volatile = true;
        for (const child of Object.values(record))
            visit(child);
    };
    visit(expr);
    return volatile;
}
/** Column constraints of a ColumnDef by kind. */
function columnConstraints(columnDef) {
    return (columnDef.constraints ?? []).map((c) => c.Constraint);
}
/**
 * The columns a CHECK expression proves non-null, as PostgreSQL 12+ reads it to skip the scan of
 * SET NOT NULL: `col IS NOT NULL`, `NOT (col IS NULL)`, and those inside an AND. Comparisons such
 * as `col <> ''` prove nothing: a CHECK passes on NULL.
 */
function notNullCheckColumns(expr) {
    const column = (arg) => arg?.ColumnRef?.fields?.at(-1)?.String?.sval;
    const test = expr?.NullTest;
    if (test?.nulltesttype === 'IS_NOT_NULL')
        return [column(test.arg)].filter((c) => !!c);
    const bool = expr?.BoolExpr;
    if (bool?.boolop === 'AND_EXPR')
        return bool.args.flatMap(notNullCheckColumns);
    const negated = bool?.boolop === 'NOT_EXPR' ? bool.args[0]?.NullTest : undefined;
    if (negated?.nulltesttype === 'IS_NULL')
        return [column(negated.arg)].filter((c) => !!c);
    return [];
}
/** A DefElem option list contains `name` (REINDEX ... CONCURRENTLY, VACUUM (FULL)). */
function hasOption(options, name) {
    return (options ?? []).some((o) => {
        const def = o.DefElem;
        if (def?.defname !== name)
            return false;
        const arg = def.arg;
        // VACUUM (FULL false) turns it off
        return !(arg?.Boolean && arg.Boolean.boolval !== true) && arg?.String?.sval !== 'false';
    });
}
/** Smallest `location` (a byte offset in the statement) found in a node, or undefined. */
function firstLocation(node) {
    let best;
    const visit = (value) => {
        if (!value || typeof value !== 'object')
            return;
        if (Array.isArray(value))
            return value.forEach(visit);
        const record = value;
        if (typeof record.location === 'number' && record.location >= 0)
            best = best === undefined ? record.location : Math.min(best, record.location);
        for (const child of Object.values(record))
            visit(child);
    };
    visit(node);
    return best;
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/schema.ts

/**
 * What the replayed migrations have built so far: tables with their columns and constraints, and
 * which table each index belongs to. Unknown tables are treated as existing ones by the rules.
 */
class Schema {
    tables = new Map();
    indexes = new Map();
    /** Updates the state with one statement; `transaction` identifies the transaction it runs in. */
    apply(stmt, origin, transaction) {
        if (stmt.CreateStmt)
            this.createTable(stmt.CreateStmt, origin);
        else if (stmt.CreateTableAsStmt)
            this.tables.set(tableKey(stmt.CreateTableAsStmt.into?.rel), emptyTable(origin));
        else if (stmt.AlterTableStmt)
            this.alterTable(stmt.AlterTableStmt, origin, transaction);
        else if (stmt.IndexStmt?.idxname) {
            const schema = stmt.IndexStmt.relation?.schemaname ?? 'public';
            this.indexes.set(`${schema}.${stmt.IndexStmt.idxname}`, tableKey(stmt.IndexStmt.relation));
        }
        else if (stmt.DropStmt) {
            for (const object of (stmt.DropStmt.objects ?? [])) {
                const key = qualifiedName(object.List?.items);
                if (stmt.DropStmt.removeType === 'OBJECT_TABLE')
                    this.tables.delete(key);
                if (stmt.DropStmt.removeType === 'OBJECT_INDEX')
                    this.indexes.delete(key);
            }
        }
        else if (stmt.RenameStmt)
            this.rename(stmt.RenameStmt);
    }
    createTable(create, origin) {
        const table = emptyTable(origin);
        const key = tableKey(create.relation);
        for (const element of (create.tableElts ?? [])) {
            if (element.ColumnDef) {
                const def = element.ColumnDef;
                const constraints = columnConstraints(def);
                table.columns.set(def.colname, {
                    type: typeInfo(def.typeName),
                    notNull: constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY'),
                });
                for (const c of constraints)
                    this.addConstraint(table, key, c, def.colname, undefined);
            }
            else if (element.Constraint)
                this.addConstraint(table, key, element.Constraint, undefined, undefined);
        }
        this.tables.set(key, table);
    }
    alterTable(alter, origin, transaction) {
        const key = tableKey(alter.relation);
        const table = this.tables.get(key);
        if (!table)
            return;
        for (const item of (alter.cmds ?? [])) {
            const cmd = item.AlterTableCmd;
            const def = cmd.def;
            switch (cmd.subtype) {
                case 'AT_AddColumn': {
                    const column = def.ColumnDef;
                    const constraints = columnConstraints(column);
                    table.columns.set(column.colname, {
                        type: typeInfo(column.typeName),
                        notNull: constraints.some((c) => c.contype === 'CONSTR_NOTNULL'),
                        origin,
                    });
                    for (const c of constraints)
                        this.addConstraint(table, key, c, column.colname, transaction);
                    break;
                }
                case 'AT_DropColumn':
                    table.columns.delete(cmd.name);
                    break;
                case 'AT_AlterColumnType': {
                    const column = table.columns.get(cmd.name);
                    if (column)
                        column.type = typeInfo(def?.ColumnDef?.typeName);
                    break;
                }
                case 'AT_SetNotNull':
                case 'AT_DropNotNull': {
                    const column = table.columns.get(cmd.name);
                    if (column)
                        column.notNull = cmd.subtype === 'AT_SetNotNull';
                    break;
                }
                case 'AT_AddConstraint':
                    this.addConstraint(table, key, def.Constraint, undefined, transaction);
                    break;
                case 'AT_ValidateConstraint': {
                    const constraint = table.constraints.get(cmd.name);
                    if (constraint)
                        constraint.validated = true;
                    break;
                }
                case 'AT_DropConstraint':
                    table.constraints.delete(cmd.name);
                    break;
            }
        }
    }
    addConstraint(table, key, c, column, transaction) {
        if (!['CONSTR_CHECK', 'CONSTR_FOREIGN', 'CONSTR_UNIQUE', 'CONSTR_PRIMARY'].includes(c.contype))
            return;
        // a primary key makes its columns NOT NULL (a later SET NOT NULL on them is a no-op)
        if (c.contype === 'CONSTR_PRIMARY')
            for (const key of (c.keys ?? [])) {
                const keyColumn = table.columns.get(key.String?.sval);
                if (keyColumn)
                    keyColumn.notNull = true;
            }
        table.constraints.set(constraintName(key, c, column), {
            validated: !c.skip_validation,
            notNullColumns: c.contype === 'CONSTR_CHECK' ? notNullCheckColumns(c.raw_expr) : undefined,
            addedInTransaction: transaction,
        });
    }
    rename(rename) {
        const key = tableKey(rename.relation);
        const table = this.tables.get(key);
        if (rename.renameType === 'OBJECT_TABLE' && table) {
            this.tables.delete(key);
            this.tables.set(`${key.split('.')[0]}.${rename.newname}`, table);
        }
        else if (rename.renameType === 'OBJECT_COLUMN' && table) {
            const column = table.columns.get(rename.subname);
            table.columns.delete(rename.subname);
            if (column)
                table.columns.set(rename.newname, column);
        }
        else if (rename.renameType === 'OBJECT_TABCONSTRAINT' && table) {
            const constraint = table.constraints.get(rename.subname);
            table.constraints.delete(rename.subname);
            if (constraint)
                table.constraints.set(rename.newname, constraint);
        }
    }
}
function emptyTable(origin) {
    return { origin, columns: new Map(), constraints: new Map() };
}
/** The constraint's name, or the one PostgreSQL generates (`table_col_check`, `table_col_fkey`). */
function constraintName(key, c, column) {
    if (c.conname)
        return c.conname;
    const table = key.split('.').pop();
    const firstRef = (node) => {
        if (!node || typeof node !== 'object')
            return undefined;
        const record = node;
        if (record.ColumnRef)
            return record.ColumnRef.fields?.at(-1)?.String?.sval;
        for (const child of Object.values(record)) {
            const found = firstRef(child);
            if (found)
                return found;
        }
        return undefined;
    };
    const cols = (c.fk_attrs ?? c.keys ?? []).map((k) => k.String?.sval);
    const col = column ?? (c.contype === 'CONSTR_CHECK' ? firstRef(c.raw_expr) : cols.join('_'));
    const suffix = {
        CONSTR_CHECK: 'check',
        CONSTR_FOREIGN: 'fkey',
        CONSTR_UNIQUE: 'key',
        CONSTR_PRIMARY: 'pkey',
    }[c.contype];
    return c.contype === 'CONSTR_PRIMARY' ? `${table}_pkey` : `${table}_${col}_${suffix}`;
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/rules.ts


/** Statements that PostgreSQL refuses to run inside a transaction block. */
function isNonTransactional(stmt) {
    return !!(stmt.IndexStmt?.concurrent ||
        stmt.DropStmt?.concurrent ||
        (stmt.ReindexStmt && hasOption(stmt.ReindexStmt.params, 'concurrently')) ||
        stmt.VacuumStmt?.is_vacuumcmd ||
        stmt.AlterTableStmt?.cmds?.some((c) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd.def?.PartitionCmd?.concurrent));
}
/** Runs every rule on one parsed statement, before the schema state is updated with it. */
function checkStatement(stmt, ctx) {
    const hits = [];
    let locks = false;
    const existing = (table) => !ctx.isNew(table);
    const hit = (rule, message, node, clause) => hits.push({ rule, message, location: node === undefined ? undefined : firstLocation(node), clause });
    if (isNonTransactional(stmt) && ctx.inTransaction) {
        hit('concurrent-index-in-transaction', `Runs inside a transaction block: ${ctx.transactionReason}.`);
    }
    if (stmt.AlterTableStmt) {
        const alter = stmt.AlterTableStmt;
        const table = tableKey(alter.relation);
        if (existing(table)) {
            locks = true;
            checkAlterTable(alter, table, ctx, hit);
        }
        else {
            // a foreign key from a new table still takes SHARE ROW EXCLUSIVE on the table it references
            locks = referencedByAlter(alter).some(existing);
        }
    }
    else if (stmt.RenameStmt) {
        const rename = stmt.RenameStmt;
        const table = tableKey(rename.relation);
        if (rename.renameType === 'OBJECT_COLUMN' && existing(table)) {
            locks = true;
            hit('rename-column', `Renames ${table}.${rename.subname} to ${rename.newname}.`, rename.relation);
        }
        else if (rename.renameType === 'OBJECT_TABLE' && existing(table)) {
            locks = true;
            hit('rename-table', `Renames table ${table} to ${rename.newname}.`, rename.relation);
        }
    }
    else if (stmt.DropStmt) {
        const drop = stmt.DropStmt;
        const names = (drop.objects ?? []).map((o) => qualifiedName(o.List?.items));
        if (drop.removeType === 'OBJECT_TABLE') {
            const old = names.filter(existing);
            if (old.length) {
                locks = true;
                hit('drop-table', `Drops ${old.join(', ')}.`);
            }
        }
        else if (drop.removeType === 'OBJECT_INDEX' && !drop.concurrent) {
            const onOld = names.filter((index) => existing(ctx.schema.indexes.get(index) ?? index));
            if (onOld.length) {
                locks = true;
                hit('drop-index-non-concurrent', `Drops index ${onOld.join(', ')} without CONCURRENTLY.`);
            }
        }
    }
    else if (stmt.IndexStmt) {
        const index = stmt.IndexStmt;
        const table = tableKey(index.relation);
        if (!index.concurrent && existing(table)) {
            locks = true;
            hit('create-index-non-concurrent', `Builds an index on ${table} without CONCURRENTLY.`, index.relation);
        }
    }
    else if (stmt.ReindexStmt) {
        const reindex = stmt.ReindexStmt;
        if (!hasOption(reindex.params, 'concurrently')) {
            const target = reindex.relation ? tableKey(reindex.relation) : reindex.name;
            const table = reindex.kind === 'REINDEX_OBJECT_INDEX' ? (ctx.schema.indexes.get(target) ?? target) : target;
            if (existing(table)) {
                locks = true;
                hit('reindex-non-concurrent', `Reindexes ${target} without CONCURRENTLY.`, reindex.relation);
            }
        }
    }
    else if (stmt.VacuumStmt) {
        const vacuum = stmt.VacuumStmt;
        if (hasOption(vacuum.options, 'full')) {
            locks = true;
            hit('vacuum-full-or-cluster', 'VACUUM FULL.');
        }
    }
    else if (stmt.ClusterStmt) {
        locks = true;
        hit('vacuum-full-or-cluster', `Clusters ${tableKey(stmt.ClusterStmt.relation)}.`, stmt.ClusterStmt.relation);
    }
    else if (stmt.TruncateStmt) {
        const tables = (stmt.TruncateStmt.relations ?? []).map((r) => tableKey(r)).filter(existing);
        if (tables.length) {
            locks = true;
            hit('truncate', `Truncates ${tables.join(', ')}.`);
        }
    }
    else if (stmt.AlterEnumStmt?.oldVal) {
        const e = stmt.AlterEnumStmt;
        hit('rename-enum-value', `Renames enum value '${e.oldVal}' to '${e.newVal}'.`);
    }
    else if (stmt.CreateStmt) {
        // a new table referencing an existing one takes SHARE ROW EXCLUSIVE on it
        locks = referencedTables(stmt.CreateStmt).some(existing);
    }
    else if (stmt.CreateTrigStmt) {
        locks = existing(tableKey(stmt.CreateTrigStmt.relation));
    }
    return { hits, locksExistingTable: locks };
}
function referencedTables(create) {
    const tables = [];
    for (const element of (create.tableElts ?? [])) {
        const constraints = element.ColumnDef
            ? columnConstraints(element.ColumnDef)
            : element.Constraint
                ? [element.Constraint]
                : [];
        for (const c of constraints)
            if (c.contype === 'CONSTR_FOREIGN')
                tables.push(tableKey(c.pktable));
    }
    return tables;
}
/** Tables that the foreign keys an ALTER TABLE adds reference (ADD CONSTRAINT, ADD COLUMN ... REFERENCES). */
function referencedByAlter(alter) {
    return (alter.cmds ?? []).flatMap((item) => {
        const def = item.AlterTableCmd?.def;
        const constraints = def?.Constraint
            ? [def.Constraint]
            : def?.ColumnDef
                ? columnConstraints(def.ColumnDef)
                : [];
        return constraints.filter((c) => c.contype === 'CONSTR_FOREIGN').map((c) => tableKey(c.pktable));
    });
}
function checkAlterTable(alter, table, ctx, hit) {
    const state = ctx.schema.tables.get(table);
    /** Constraints added NOT VALID by an earlier clause of this statement (validating them is the same transaction). */
    const addedHere = new Set();
    (alter.cmds ?? []).forEach((item, clause) => {
        const cmd = item.AlterTableCmd;
        const def = cmd.def;
        switch (cmd.subtype) {
            case 'AT_DropColumn':
                hit('drop-column', `Drops column ${table}.${cmd.name}.`, undefined, clause);
                break;
            case 'AT_AddColumn':
                checkAddColumn(def.ColumnDef, table, ctx, hit);
                break;
            case 'AT_AlterColumnType':
                checkTypeChange(cmd, table, state?.columns.get(cmd.name)?.type, hit);
                break;
            case 'AT_SetNotNull': {
                const column = state?.columns.get(cmd.name);
                const proven = column?.notNull ||
                    (ctx.postgresVersion >= 12 &&
                        [...(state?.constraints.values() ?? [])].some((c) => c.validated && c.notNullColumns?.includes(cmd.name)));
                if (!proven)
                    hit('set-not-null', `Sets ${table}.${cmd.name} NOT NULL without a validated CHECK (${cmd.name} IS NOT NULL) to skip the scan.`, undefined, clause);
                break;
            }
            case 'AT_DropNotNull':
                hit('drop-not-null', `Drops NOT NULL from ${table}.${cmd.name}.`, undefined, clause);
                break;
            case 'AT_ColumnDefault':
                // a column the change adds is unknown to the running app, which cannot rely on its default
                if (!def && !ctx.isNewColumn(table, cmd.name))
                    hit('drop-default', `Drops the default of ${table}.${cmd.name}.`, undefined, clause);
                break;
            case 'AT_AddConstraint': {
                const c = def.Constraint;
                if (c.skip_validation)
                    addedHere.add(constraintName(table, c));
                checkConstraint(c, table, hit, undefined);
                break;
            }
            case 'AT_ValidateConstraint': {
                const constraint = state?.constraints.get(cmd.name);
                const sameTransaction = addedHere.has(cmd.name) ||
                    (!!constraint &&
                        !constraint.validated &&
                        constraint.addedInTransaction === ctx.transaction &&
                        ctx.inTransaction);
                if (sameTransaction)
                    hit('validate-in-same-transaction', `Validates ${cmd.name} in the transaction that added it.`, undefined, clause);
                break;
            }
            case 'AT_DetachPartition':
                if (!def?.PartitionCmd?.concurrent) {
                    const recipe = ctx.postgresVersion >= 14 ? '' : ' (PostgreSQL before 14 has no CONCURRENTLY form)';
                    hit('detach-partition-non-concurrent', `Detaches a partition of ${table} without CONCURRENTLY${recipe}.`, def);
                }
                break;
        }
    });
}
/**
 * ALTER COLUMN ... TYPE: a finding unless PostgreSQL keeps the table and its indexes as they are:
 * a binary-coercible change, with USING at most the column itself (or cast to the new type), and
 * no COLLATE (a new collation rebuilds the column's indexes).
 */
function checkTypeChange(cmd, table, from, hit) {
    const column = cmd.def?.ColumnDef;
    const to = typeInfo(column?.typeName);
    const using = column?.raw_default;
    const usingItself = (expr) => {
        if (!expr)
            return true;
        const cast = expr.TypeCast;
        if (cast)
            return formatType(typeInfo(cast.typeName)) === formatType(to) && usingItself(cast.arg);
        const fields = (expr.ColumnRef?.fields ?? []);
        return fields.length > 0 && fields.at(-1)?.String?.sval === cmd.name;
    };
    const name = `${table}.${cmd.name}`;
    let why;
    if (!from)
        why = `to ${formatType(to)} (its old type is unknown)`;
    else if (!isBinaryCoercible(from, to))
        why = `from ${formatType(from)} to ${formatType(to)}`;
    else if (!usingItself(using))
        why = `to ${formatType(to)} with a USING expression, computed for every row`;
    else if (column?.collClause)
        why = `to ${formatType(to)} with a new collation, which rebuilds its indexes`;
    if (why)
        hit('change-column-type', `Changes ${name} ${why}.`, column);
}
function checkAddColumn(column, table, ctx, hit) {
    const constraints = columnConstraints(column);
    const type = typeInfo(column.typeName);
    const defaultExpr = constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
    const generated = constraints.find((c) => c.contype === 'CONSTR_GENERATED');
    const identity = constraints.some((c) => c.contype === 'CONSTR_IDENTITY');
    const serial = ['serial', 'bigserial', 'smallserial', 'serial4', 'serial8', 'serial2'].includes(type.name);
    const name = `${table}.${column.colname}`;
    if (generated) {
        hit('add-stored-generated-column', `Adds stored generated column ${name}.`, column);
    }
    else if (serial || identity) {
        hit('volatile-default', `Adds ${serial ? type.name : 'identity'} column ${name}, which fills every row from a sequence.`, column);
    }
    else if (defaultExpr !== undefined && (ctx.postgresVersion < 11 || isVolatileExpression(defaultExpr))) {
        const why = ctx.postgresVersion < 11 ? 'before PostgreSQL 11 any default' : 'a volatile default';
        hit('volatile-default', `Adds ${name} with ${why}, which rewrites the table.`, defaultExpr);
    }
    else if (constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY') &&
        defaultExpr === undefined) {
        hit('add-not-null-column-no-default', `Adds NOT NULL column ${name} without a default.`, column);
    }
    // a new column's foreign key has only NULLs to check: PostgreSQL skips the scan (measured)
    const nullFilled = defaultExpr === undefined || !!defaultExpr.A_Const?.isnull;
    for (const c of constraints)
        if (!(c.contype === 'CONSTR_FOREIGN' && nullFilled))
            checkConstraint(c, table, hit, column.colname);
}
function checkConstraint(c, table, hit, column) {
    const name = constraintName(table, c, column);
    switch (c.contype) {
        case 'CONSTR_FOREIGN':
            if (!c.skip_validation)
                hit('add-fk-validating', `Adds foreign key ${name} on ${table} without NOT VALID.`, c);
            break;
        case 'CONSTR_CHECK':
            if (!c.skip_validation)
                hit('add-check-validating', `Adds CHECK ${name} on ${table} without NOT VALID.`, c);
            break;
        case 'CONSTR_UNIQUE':
            if (!c.indexname)
                hit('add-unique-constraint-validating', `Adds UNIQUE ${name} on ${table} without USING INDEX.`, c);
            break;
        case 'CONSTR_PRIMARY':
            if (!c.indexname)
                hit('add-primary-key-validating', `Adds a PRIMARY KEY on ${table} without USING INDEX.`, c);
            break;
        case 'CONSTR_EXCLUSION':
            hit('add-exclusion-constraint', `Adds EXCLUDE ${name} on ${table}.`, c);
            break;
    }
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/runners.ts
const RUNNERS = ['auto', 'flyway', 'golang-migrate', 'prisma', 'rails', 'knex', 'plain'];
const BEHAVIOUR = {
    flyway: { mode: 'file', nonTransactionalAlone: true },
    'golang-migrate': { mode: 'multi-statement', nonTransactionalAlone: false },
    prisma: { mode: 'multi-statement', nonTransactionalAlone: false },
    rails: { mode: 'file', nonTransactionalAlone: false },
    knex: { mode: 'file', nonTransactionalAlone: false },
    plain: { mode: 'autocommit', nonTransactionalAlone: false },
};
function runnerBehaviour(runner) {
    return BEHAVIOUR[runner];
}
/** The runner a file's name suggests, for `runner: auto`. */
function detectRunner(path) {
    const name = path.split('/').pop() ?? path;
    if (/^[VR]\d*[^/]*__.*\.sql$/i.test(name) || /^R__/.test(name))
        return 'flyway';
    if (/\.(up|down)\.sql$/i.test(name))
        return 'golang-migrate';
    if (name === 'migration.sql' && /(^|\/)migrations\/[^/]+\/migration\.sql$/.test(path))
        return 'prisma';
    return 'plain';
}
function isDownMigration(path) {
    return /(^|[._/-])down\.sql$/i.test(path) || /^U\d[^/]*__/i.test(path.split('/').pop() ?? '');
}
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });
/**
 * Files in the order a runner applies them: Flyway versioned files by version, repeatable (R__) ones
 * after them; everything else by path with numbers compared as numbers (V2 before V10, 9_x before 10_x).
 */
function inMigrationOrder(files) {
    // keyed once per file, not once per comparison
    const keyed = files.map((file) => ({
        file,
        repeatable: /^R__/.test(file.path.split('/').pop() ?? '') ? 1 : 0,
    }));
    return keyed
        .sort((a, b) => a.repeatable - b.repeatable ||
        collator.compare(a.file.path, b.file.path) ||
        (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0))
        .map((k) => k.file);
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/suppress.ts

const DIRECTIVE = /migration-lint:\s*(ignore-file|ignore)\b(.*)$/s;
/** Reads an ignore directive from a comment, or undefined when the comment holds none. */
function parseIgnore(comment) {
    const body = comment.text.startsWith('/*') ? comment.text.slice(2, -2) : comment.text.slice(2);
    const match = DIRECTIVE.exec(body.trim());
    if (!match)
        return undefined;
    const rest = match[2];
    const cut = rest.indexOf('--');
    const ruleText = cut >= 0 ? rest.slice(0, cut) : rest;
    return {
        scope: match[1] === 'ignore-file' ? 'file' : 'statement',
        rules: ruleText
            .split(/[\s,]+/)
            .map((r) => r.trim())
            .filter(Boolean),
        reason: cut >= 0 ? rest.slice(cut + 2).trim() : '',
        offset: comment.start,
        used: new Set(),
    };
}
/** Applies ignore comments to the hits of each statement and reports ignores that are wrong or unused. */
function applyIgnores(comments, pieces, lineIndex, hitsByPiece, add) {
    const ignores = [];
    let pieceIndex = 0;
    for (const comment of comments) {
        const ignore = parseIgnore(comment);
        if (!ignore)
            continue;
        while (pieceIndex < pieces.length && pieces[pieceIndex].end <= comment.start)
            pieceIndex++;
        const piece = ignore.scope === 'statement' && pieceIndex < pieces.length ? pieceIndex : undefined;
        ignores.push({ ignore, piece, line: lineIndex.at(comment.start).line });
    }
    for (const [piece, hits] of [...hitsByPiece].sort((a, b) => a[0] - b[0])) {
        for (const h of hits) {
            const suppressor = ignores.find((i) => i.ignore.reason &&
                i.ignore.rules.includes(h.id) &&
                (i.ignore.scope === 'file' || i.piece === piece));
            if (suppressor)
                suppressor.ignore.used.add(h.id);
            else
                add(h.id, h.message, h.line, h.column);
        }
    }
    for (const { ignore, line } of ignores) {
        if (!ignore.reason) {
            add('ignore-without-reason', `The ignore of ${ignore.rules.join(', ') || 'nothing'} gives no reason (write "-- <reason>" after the rule), so it suppresses nothing.`, line);
            continue;
        }
        for (const id of ignore.rules) {
            if (!rules.has(id))
                add('unused-ignore', `The ignore names an unknown rule "${id}".`, line);
            else if (!ignore.used.has(id))
                add('unused-ignore', `The ignore of ${id} matches no finding.`, line);
        }
    }
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/lint.ts










/**
 * Lints the changed migration files after replaying the base ones for schema state. Pure: takes
 * file contents, returns findings. Files are taken in the order the runner would apply them.
 */
function lintMigrations(parser, baseFiles, changedFiles, options) {
    const result = { findings: [], files: [], base: [], change: [] };
    let transactionCounter = 0;
    const session = {
        parser,
        schema: new Schema(),
        options,
        nextTransaction: () => ++transactionCounter,
        change: result.change,
    };
    const { schema, nextTransaction } = session;
    const decoded = (files) => inMigrationOrder(files).map((file) => {
        const read = decode(file.content);
        return { path: file.path, read, text: read.ok ? read.text : undefined };
    });
    const change = decoded(changedFiles);
    const base = decoded(baseFiles).filter((file) => !!file.text);
    // the dynamic check runs every base statement; otherwise only the files that can matter are replayed
    const replay = options.collect
        ? base.map((file) => ({ ...file, statements: parseStatements(parser, file.text).statements }))
        : baseThatMatters(parser, base, change);
    for (const { path, text, statements } of replay) {
        const lines = options.collect ? new LineIndex(text) : undefined;
        for (const p of statements) {
            schema.apply(p.stmt, { file: path, inChange: false }, nextTransaction());
            if (lines)
                result.base.push(executable(path, p, lines.at(p.offset).line));
        }
    }
    for (const file of change) {
        const runner = options.runner === 'auto' ? detectRunner(file.path) : options.runner;
        const report = { path: file.path, runner, statements: 0, analysed: false };
        result.files.push(report);
        const findings = [];
        const add = (id, message, line = 1, column = 1) => findings.push(finding(file.path, id, message, line, column));
        const { read } = file;
        if (!read.ok) {
            const at = new LineIndex(read.before).at(read.before.length);
            const byte = changedFiles.find((f) => f.path === file.path).content[read.byteOffset];
            add('undecodable', `${file.path}: byte offset ${read.byteOffset} (0x${(byte ?? 0).toString(16).padStart(2, '0')}) is not valid ${read.encoding}; the file was not linted.`, at.line, at.column);
        }
        else {
            if (read.guessedAt !== undefined) {
                const at = new LineIndex(read.text).at(read.guessedAt); // Latin-1: one character per byte
                add('not-utf8', `Byte offset ${read.guessedAt} is not UTF-8 and the file declares no encoding; it was read as Latin-1.`, at.line, at.column);
            }
            lintFile(session, file.path, read.text, runner, report, add);
        }
        result.findings.push(...findings);
    }
    return result;
}
/** The tables and indexes a statement names (RangeVars, CREATE INDEX, RENAME ... TO, DROP), lower-cased. */
function addNames(node, names) {
    if (Array.isArray(node))
        for (const item of node)
            addNames(item, names);
    else if (node && typeof node === 'object') {
        const record = node;
        // DROP names its objects as lists of strings: schema, then name
        for (const object of (record.DropStmt?.objects ?? [])) {
            const name = object.List?.items?.at(-1)?.String?.sval;
            if (typeof name === 'string')
                names.add(name.toLowerCase());
        }
        for (const [key, value] of Object.entries(record)) {
            if (typeof value !== 'string')
                addNames(value, names);
            else if (key === 'relname' || key === 'idxname' || key === 'newname')
                names.add(value.toLowerCase());
        }
    }
}
/**
 * Adds the names whose history flows into a needed one: the old name of a table or index renamed to
 * a needed name, the table of a needed index. Returns whether it added any.
 */
function followNames(stmt, names) {
    const known = names.size;
    const rename = stmt.RenameStmt;
    if (rename?.newname && rename.relation?.relname && names.has(rename.newname.toLowerCase()))
        names.add(rename.relation.relname.toLowerCase());
    const index = stmt.IndexStmt;
    if (index?.idxname && index.relation?.relname && names.has(index.idxname.toLowerCase()))
        names.add(index.relation.relname.toLowerCase());
    return names.size > known;
}
/** Names the text may hide from a plain search: Flyway placeholders, U&"..." and "a""b" identifiers. */
const OPAQUE_NAMES = /\$\{|u&"|""/i;
const isNameChar = (c) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 128; // a-z 0-9 _ $ non-ASCII
/** Whether lower-cased SQL `text` holds `name` as a whole identifier (not inside a longer one). */
function mentions(text, name) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        if (!isNameChar(text.charCodeAt(at - 1)) && !isNameChar(text.charCodeAt(at + name.length)))
            return true;
    }
    return false;
}
/**
 * The base files whose replay can change what linting the change reads: the schema state of the
 * tables and indexes the change names, and of those whose history flows into them (renamed from,
 * indexed). A file is replayed when its text mentions one of those names; the rest only touch
 * tables the change never reads, so they are not even parsed. Everything is replayed when the change
 * holds a DO block (its SQL names tables only inside a string).
 */
function baseThatMatters(parser, base, change) {
    const names = new Set();
    let everything = false;
    for (const { text } of base.length ? change : []) {
        // rules read no data statement, so their tables are not needed
        for (const p of text === undefined ? [] : parseStatements(parser, text, false).statements) {
            everything ||= !!p.stmt.DoStmt;
            addNames(p.stmt, names);
        }
    }
    const lowered = base.map((file) => file.text.toLowerCase());
    // replayed for schema state only: data statements matter only to the dynamic check
    const statements = base.map((file, i) => everything || OPAQUE_NAMES.test(lowered[i])
        ? parseStatements(parser, file.text, false).statements
        : undefined);
    for (let grown = true; grown;) {
        grown = false;
        base.forEach((file, i) => {
            if (statements[i] || ![...names].some((name) => mentions(lowered[i], name)))
                return;
            statements[i] = parseStatements(parser, file.text, false).statements;
        });
        for (const list of statements)
            for (const p of list ?? [])
                grown = followNames(p.stmt, names) || grown;
    }
    return base.flatMap((file, i) => (statements[i] ? [{ ...file, statements: statements[i] }] : []));
}
function decode(content) {
    if (typeof content === 'string')
        return { ok: true, text: content.replace(/^\uFEFF/, ''), encoding: 'UTF-16' };
    return decodeMigration(content);
}
function executable(file, p, line) {
    const kind = p.stmt.TransactionStmt
        ? 'transaction'
        : isNonTransactional(p.stmt)
            ? 'non-transactional'
            : p.text.includes('${')
                ? 'templated'
                : 'sql';
    return { file, line, sql: p.text, kind };
}
/** The npm postgres-migrations convention (supabase/storage uses it): this file runs outside a transaction. */
const OPTS_OUT = /^[ \t]*--[ \t]*postgres-migrations[ \t]+disable-transaction\b/m;
const MYSQL_HINT = /`|\bENGINE\s*=|\bAUTO_INCREMENT\b|\bUNSIGNED\b|\bMODIFY\s+COLUMN\b/i;
function lintFile(session, path, text, runner, report, add) {
    const { parser, schema, options, nextTransaction, change } = session;
    const { split, statements: parsed, errors } = parseStatements(parser, text);
    const hitsByPiece = new Map();
    const record = (piece, id, message, line, column) => {
        const list = hitsByPiece.get(piece) ?? [];
        list.push({ id, message, line, column });
        hitsByPiece.set(piece, list);
    };
    const lines = new LineIndex(text);
    for (const { piece: index, message, offset } of errors) {
        const piece = split.pieces[index];
        const at = lines.at(offset);
        const sqlText = text.slice(piece.start, piece.end);
        const hint = MYSQL_HINT.test(sqlText)
            ? ' This looks like MySQL syntax; migration-lint reads PostgreSQL.'
            : '';
        record(index, 'syntax-error', `Syntax error: ${message}.${hint}`, at.line, at.column);
    }
    report.statements = parsed.length;
    report.analysed = parsed.length > 0;
    if (!split.pieces.some((p) => p.kind === 'sql'))
        add('empty-file', 'The file holds no SQL statement.');
    // how the runner wraps this file in a transaction
    const behaviour = runnerBehaviour(runner);
    const nonTx = parsed.filter((p) => isNonTransactional(p.stmt));
    const onlySettings = parsed.every((p) => isNonTransactional(p.stmt) || p.stmt.VariableSetStmt);
    const wrapped = behaviour.mode === 'file'
        ? !(behaviour.nonTransactionalAlone && nonTx.length > 0 && onlySettings) && !OPTS_OUT.test(text)
        : behaviour.mode === 'multi-statement' && parsed.length > 1;
    const wrapReason = runner === 'flyway'
        ? 'Flyway runs this file in one transaction because it mixes statements that need one with statements that cannot run in one'
        : behaviour.mode === 'file'
            ? `${runner} runs each migration file in one transaction`
            : `${runner} sends the file as one multi-statement query, an implicit transaction`;
    const fileTransaction = nextTransaction();
    let explicit; // the transaction a BEGIN in the file opened
    let sessionTimeout = false;
    let localTimeoutIn;
    let timeoutReported = false;
    const origin = { file: path, inChange: true };
    const fromHere = (from) => options.scope === 'all' ? from.file === path : from.inChange;
    const isNew = (table) => {
        const state = schema.tables.get(table);
        return !!state && fromHere(state.origin);
    };
    const isNewColumn = (table, column) => {
        const added = schema.tables.get(table)?.columns.get(column)?.origin;
        return !!added && fromHere(added);
    };
    /** The transaction the next statement runs in (a new one for each statement in autocommit). */
    const transactionHere = () => explicit ?? (wrapped ? fileTransaction : nextTransaction());
    const run = (stmt, piece, source, doTransaction) => {
        const inDo = doTransaction !== undefined;
        const at = lines.at(source.toFile(0));
        const locate = (hit) => {
            if (hit.location !== undefined)
                return lines.at(source.toFile(byteToCharOffset(source.text, hit.location - source.byteBase)));
            const relation = stmt.AlterTableStmt?.relation;
            if (hit.clause !== undefined && relation?.location !== undefined) {
                const nameAt = byteToCharOffset(source.text, relation.location - source.byteBase);
                const start = alterClauseStarts(source.text, nameAt)[hit.clause];
                if (start !== undefined)
                    return lines.at(source.toFile(start));
            }
            return at;
        };
        const tx = stmt.TransactionStmt?.kind;
        if ((tx === 'TRANS_STMT_BEGIN' || tx === 'TRANS_STMT_START') && explicit === undefined)
            explicit = wrapped ? fileTransaction : nextTransaction();
        const transaction = doTransaction ?? transactionHere();
        const inTransaction = wrapped || explicit !== undefined || inDo;
        const check = checkStatement(stmt, {
            schema,
            isNew,
            isNewColumn,
            postgresVersion: options.postgresVersion,
            inTransaction,
            transactionReason: inDo
                ? 'a DO block always runs inside a transaction'
                : wrapped
                    ? wrapReason
                    : 'the file opened it with BEGIN',
            transaction,
        });
        for (const hit of check.hits) {
            const where = locate(hit);
            record(piece, hit.rule, hit.message, where.line, where.column);
        }
        const timeoutActive = sessionTimeout || localTimeoutIn === transaction;
        if (check.locksExistingTable && !timeoutActive && !timeoutReported) {
            timeoutReported = true;
            record(piece, 'lock-timeout-missing', 'Waits for a lock on an existing table with no lock_timeout set before it.', at.line, at.column);
        }
        const set = stmt.VariableSetStmt;
        if (set?.name === 'lock_timeout') {
            const on = set.kind === 'VAR_SET_VALUE' && !isZeroSetting(set.args);
            if (set.is_local)
                localTimeoutIn = on ? transaction : undefined;
            else
                sessionTimeout = on;
        }
        if (tx === 'TRANS_STMT_COMMIT' || tx === 'TRANS_STMT_ROLLBACK')
            explicit = undefined;
        schema.apply(stmt, origin, transaction);
    };
    let openedAt;
    for (const p of parsed) {
        const at = lines.at(p.offset);
        if (options.collect)
            change.push(executable(path, p, at.line));
        if (explicit === undefined)
            openedAt = { piece: p.piece, ...at };
        const source = { text: p.text, byteBase: p.byteBase, toFile: (offset) => p.offset + offset };
        if (p.stmt.DoStmt)
            runDoBlock(parser, p, lines, run, record, transactionHere());
        else
            run(p.stmt, p.piece, source);
    }
    // the runner commits a file it wraps itself; otherwise an open BEGIN is left hanging
    if (explicit !== undefined && openedAt && behaviour.mode !== 'file') {
        record(openedAt.piece, 'uncommitted-transaction', 'BEGIN is never followed by COMMIT in this file.', openedAt.line, openedAt.column);
    }
    applyIgnores(split.comments, split.pieces, lines, hitsByPiece, add);
}
function isZeroSetting(args) {
    const value = args?.[0]?.A_Const;
    if (!value)
        return false;
    if (value.ival !== undefined)
        return !value.ival.ival;
    return /^\s*0+\s*(ms|s|min)?\s*$/i.test(String(value.sval?.sval ?? ''));
}
/**
 * Checks the SQL a DO block executes, in the block's one transaction, on the lines where it stands:
 * its static statements, and the text of each EXECUTE when it is a constant (else "not analysed").
 */
function runDoBlock(parser, p, lines, run, record, transaction) {
    const language = (p.stmt.DoStmt.args ?? []).find((a) => a.DefElem?.defname === 'language')
        ?.DefElem?.arg?.String?.sval;
    if (language && language !== 'plpgsql')
        return;
    const fileAt = (offset) => lines.at(p.offset + offset);
    const inner = parser.plpgsqlStatements(p.text);
    if ('error' in inner) {
        const at = fileAt(0);
        record(p.piece, 'syntax-error', `Syntax error in the DO block: ${inner.error}.`, at.line, at.column);
        return;
    }
    const body = doBody(p.text);
    for (const { kind, query, lineno } of inner) {
        // where the expression stands in the statement: found verbatim from its line on, else that line
        const line = lineStart(p.text, body.start, lineno);
        const found = body.verbatim ? p.text.indexOf(query, line) : -1;
        const start = found >= 0 ? found : line;
        const inText = (offset) => (found >= 0 ? start + offset : start);
        if (kind === 'sql') {
            runSql(parser, query, (offset) => p.offset + inText(offset), p.piece, run, transaction);
            continue;
        }
        const value = constantText(parser, query);
        if (!value) {
            const at = fileAt(start);
            record(p.piece, 'dynamic-sql-not-analysed', `EXECUTE runs text built at run time (${query.length > 60 ? `${query.slice(0, 57)}...` : query}); it was not analysed.`, at.line, at.column);
            continue;
        }
        const error = runSql(parser, value.text, (offset) => p.offset + inText(value.at[Math.min(offset, value.at.length - 1)] ?? 0), p.piece, run, transaction);
        if (error) {
            const at = lines.at(p.offset + inText(value.at[Math.min(error.offset, value.at.length - 1)] ?? 0));
            record(p.piece, 'syntax-error', `Syntax error in the text EXECUTE runs: ${error.message}.`, at.line, at.column);
        }
    }
}
/**
 * Parses SQL a DO block runs and checks each statement, with `toFile` mapping offsets in `sql` to
 * the file. Returns the syntax error (offset in `sql`) when it does not parse.
 */
function runSql(parser, sql, toFile, piece, run, transaction) {
    const outcome = parser.parse(sql);
    if (!outcome.ok)
        return { message: outcome.message, offset: byteToCharOffset(sql, outcome.byteOffset) };
    for (const s of outcome.stmts) {
        const location = s.stmt_location ?? 0;
        const to = s.stmt_len ? byteToCharOffset(sql, location + s.stmt_len) : sql.length;
        // the parser's statement starts at the spaces before its first token
        let from = byteToCharOffset(sql, location);
        while (from < to && /\s/.test(sql[from]))
            from++;
        const byteBase = Buffer.byteLength(sql.slice(0, from));
        const source = { text: sql.slice(from, to), byteBase, toFile: (offset) => toFile(from + offset) };
        run(s.stmt, piece, source, transaction);
    }
    return undefined;
}
/** A finding with its rule's severity, lock, reason and recipe. */
function finding(file, id, message, line, column) {
    const r = rule(id);
    return {
        file,
        line,
        column,
        rule: id,
        severity: r.severity,
        message: `${message} ${r.why}`,
        lock: r.lock,
        fix: r.fix,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
// EXTERNAL MODULE: ./node_modules/libpg-query/wasm/libpg-query.js
var libpg_query = __webpack_require__(3995);
var libpg_query_default = /*#__PURE__*/__webpack_require__.n(libpg_query);
;// CONCATENATED MODULE: ./actions/migration-lint/src/parser.ts





let loading;
const { WebAssembly: wasm } = globalThis;
/**
 * Loads the WebAssembly parser; call it early: the compile runs off the main thread. libpg-query's
 * own wrapper sits behind a dynamic import (a chunk the ESM loader fetches after a few event-loop
 * turns) and finds its .wasm by itself; here the Emscripten module gets the compiled .wasm (beside
 * the bundle, or in node_modules from the sources) as soon as this is called.
 */
function loadParser() {
    loading ??= (async () => {
        // V8 tiers hot WebAssembly up with background compile jobs, and node waits for all of them before
        // it exits: 2-4 s of nothing after every run on a busy 2-core runner. The baseline compiler
        // alone parses as fast here (measured on a 20 MB file), so tier-up is turned off.
        // (Process-wide, so not inside jest, whose workers run other WebAssembly too.)
        if (!process.env.JEST_WORKER_ID)
            external_node_v8_default().setFlagsFromString('--liftoff-only');
        const compiled = wasm.compile((0,external_node_fs_.readFileSync)(wasmPath()));
        // The Emscripten loader reads `__dirname`, which an ESM bundle lacks, before its first await.
        const scope = globalThis;
        const borrowed = scope.__dirname === undefined;
        if (borrowed)
            scope.__dirname = here;
        let failed;
        const failure = new Promise((_, reject) => (failed = reject));
        let module;
        try {
            module = libpg_query_default()({
                instantiateWasm(imports, receive) {
                    compiled.then((m) => wasm.instantiate(m, imports)).then(receive, failed);
                    return {};
                },
            });
        }
        finally {
            if (borrowed)
                delete scope.__dirname;
        }
        return makeParser(await Promise.race([module, failure]));
    })();
    return loading;
}
const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
const utf8 = new TextDecoder();
const utf8Encoder = new TextEncoder();
/** The bundle carries libpg-query.wasm beside it (scripts/build.mjs); the sources use node_modules. */
function wasmPath() {
    const beside = (0,external_node_path_.join)(here, 'libpg-query.wasm');
    return (0,external_node_fs_.existsSync)(beside) ? beside : (0,external_node_path_.join)(here, '../../../node_modules/libpg-query/wasm/libpg-query.wasm');
}
function makeParser(pg) {
    // one input buffer in WebAssembly memory, grown as needed: two calls into WebAssembly fewer per parse
    let input = 0;
    let capacity = 0;
    /** Calls `run` with `sql` as a NUL-terminated UTF-8 string in WebAssembly memory. */
    const withText = (sql, run) => {
        const length = Buffer.byteLength(sql);
        if (length + 1 > capacity) {
            pg._free(input);
            capacity = Math.max(length + 1, 2 * capacity, 64 * 1024);
            input = pg._malloc(capacity);
        }
        const heap = pg.HEAPU8; // read after _malloc, which may grow the memory (a new buffer)
        utf8Encoder.encodeInto(sql, heap.subarray(input, input + length));
        heap[input + length] = 0;
        return run(input);
    };
    /** A NUL-terminated UTF-8 string in WebAssembly memory (found natively, not byte by byte in JS). */
    const readText = (pointer) => {
        const heap = pg.HEAPU8;
        return utf8.decode(heap.subarray(pointer, heap.indexOf(0, pointer)));
    };
    const stringResult = (sql, call) => withText(sql, (pointer) => {
        const result = call(pointer);
        try {
            return readText(result);
        }
        finally {
            pg._wasm_free_string(result);
        }
    });
    /** Parses `sql`; `tree` says whether to read the parse tree (as JSON) or only whether it parsed. */
    const parse = (sql, tree) => 
    // libpg-query's own wrapper refuses an empty string
    sql === ''
        ? { ok: false, message: 'Query cannot be empty', byteOffset: 0 }
        : withText(sql, (pointer) => {
            const result = pg._wasm_parse_query_raw(pointer);
            try {
                // PgQueryParseResult { char *parse_tree; char *stderr_buffer; PgQueryError *error }
                const error = pg.getValue(result + 8, 'i32');
                if (error) {
                    // PgQueryError { char *message; char *funcname; char *filename; int lineno; int cursorpos }
                    const message = pg.getValue(error, 'i32');
                    const cursor = pg.getValue(error + 16, 'i32');
                    return {
                        ok: false,
                        message: message ? readText(message) : 'Unknown error',
                        byteOffset: cursor > 0 ? cursor - 1 : 0,
                    };
                }
                if (!tree)
                    return { ok: true, stmts: [] };
                const parsed = JSON.parse(readText(pg.getValue(result, 'i32')));
                return { ok: true, stmts: parsed.stmts ?? [] };
            }
            finally {
                pg._wasm_free_parse_result(result);
            }
        });
    return {
        parse: (sql) => parse(sql, true),
        isValid: (sql) => parse(sql, false).ok,
        plpgsqlStatements(doStatement) {
            const result = stringResult(doStatement, pg._wasm_parse_plpgsql);
            // success is always a JSON object; anything else is an error message
            if (!result.startsWith('{'))
                return { error: result };
            const found = [];
            const visit = (value, lineno) => {
                if (Array.isArray(value))
                    for (const item of value)
                        visit(item, lineno);
                else if (value && typeof value === 'object') {
                    const record = value;
                    const line = typeof record.lineno === 'number' ? record.lineno : lineno;
                    const exec = record.PLpgSQL_stmt_execsql;
                    const dynamic = record.PLpgSQL_stmt_dynexecute;
                    const query = exec?.sqlstmt?.PLpgSQL_expr?.query;
                    if (query)
                        found.push({ kind: 'sql', query, lineno: exec.lineno ?? line });
                    const built = dynamic?.query?.PLpgSQL_expr?.query;
                    if (built)
                        found.push({ kind: 'execute', query: built, lineno: dynamic.lineno ?? line });
                    for (const child of Object.values(record))
                        visit(child, line);
                }
            };
            visit(JSON.parse(result), 1);
            return found;
        },
    };
}

// EXTERNAL MODULE: ./shared/summary.ts
var summary = __webpack_require__(6566);
;// CONCATENATED MODULE: ./actions/migration-lint/src/report.ts


/** At most this many findings are listed in the summary table (all are in the outputs and SARIF). */
const MAX_ROWS = 200;
/** The job summary: the verdict in one line, the findings table, then recipes and details folded away. */
function buildSummary(input) {
    const { findings, files, dynamic } = input;
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    const s = new summary/* Summary */.BD().heading('Migration lint', 2);
    const counted = `${plural(files.length, 'migration file')}${input.range ? ` (${input.range})` : ''}`;
    if (!files.length)
        return s.text(`✅ No migration files to lint${input.range ? ` (${input.range})` : ''}.`);
    s.text(findings.length === 0
        ? `✅ No risky statements in ${counted}.`
        : `${errors ? '❌' : '⚠️'} ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${counted}.`);
    if (findings.length) {
        const observed = observedByLine(dynamic);
        s.table(['Where', 'Rule', 'Severity', 'Lock', 'Finding', ...(dynamic ? ['Observed on PostgreSQL'] : [])], findings
            .slice(0, MAX_ROWS)
            .map((f) => [
            (0,summary/* inlineCode */.ti)(`${f.file}:${f.line}:${f.column}`),
            (0,summary/* inlineCode */.ti)(f.rule),
            f.severity,
            f.lock || '—',
            (0,summary/* escapeMarkdown */.FV)(f.message),
            ...(dynamic ? [(0,summary/* escapeMarkdown */.FV)(observed.get(`${f.file}:${f.line}`) ?? '—')] : []),
        ]));
        if (findings.length > MAX_ROWS)
            s.text(`_${findings.length - MAX_ROWS} more findings are in the \`findings\` output and the SARIF report._`);
        const used = [...new Set(findings.map((f) => f.rule))];
        s.details('Safe recipes', (body) => body.table(['Rule', 'Why it breaks', 'Safe recipe'], used.map((id) => [
            (0,summary/* inlineCode */.ti)(id),
            (0,summary/* escapeMarkdown */.FV)(rules.get(id).why),
            (0,summary/* escapeMarkdown */.FV)(rules.get(id).fix),
        ])));
    }
    if (dynamic)
        addDynamic(s, dynamic);
    const perFile = new Map();
    for (const f of findings)
        perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
    s.details(`Files (${files.length})`, (body) => body.table(['File', 'Runner', 'Statements', 'Findings'], files.map((f) => [(0,summary/* inlineCode */.ti)(f.path), f.runner, f.statements, perFile.get(f.path) ?? 0])));
    s.text(`Fails the step on: ${input.failOn}. Suppress a reviewed finding with \`-- migration-lint: ignore <rule> -- <reason>\`.`);
    return s;
}
function observedByLine(dynamic) {
    const byLine = new Map();
    for (const o of dynamic?.observations ?? [])
        byLine.set(`${o.file}:${o.line}`, describe(o));
    return byLine;
}
function describe(o) {
    if (o.skipped)
        return o.skipped;
    if (o.error)
        return `failed: ${o.error}`;
    const parts = [...o.locks];
    if (o.rewritten.length)
        parts.push(`rewrote ${o.rewritten.join(', ')}`);
    if (o.scanned.length)
        parts.push(`scanned ${o.scanned.join(', ')}`);
    return parts.join('; ') || 'no lock on existing tables';
}
function addDynamic(s, dynamic) {
    const rewrites = dynamic.observations.filter((o) => o.rewritten.length).length;
    s.details(`Dynamic check: ${plural(dynamic.observations.length, 'statement')} run on PostgreSQL and rolled back, ${plural(rewrites, 'table rewrite')}`, (body) => {
        body.table(['Where', 'Locks taken on existing tables', 'Rewrote', 'Scanned', 'Result', 'ms'], dynamic.observations.map((o) => [
            (0,summary/* inlineCode */.ti)(`${o.file}:${o.line}`),
            (0,summary/* escapeMarkdown */.FV)(o.locks.join(', ') || '—'),
            (0,summary/* escapeMarkdown */.FV)(o.rewritten.join(', ') || '—'),
            (0,summary/* escapeMarkdown */.FV)(o.scanned.join(', ') || '—'),
            (0,summary/* escapeMarkdown */.FV)(o.skipped ?? (o.error ? `failed: ${o.error}` : 'ok')),
            o.ms,
        ]));
        if (dynamic.baseFailures.length)
            body.text(`${plural(dynamic.baseFailures.length, 'base statement')} failed to apply, so part of the schema may be missing: ${dynamic.baseFailures
                .slice(0, 5)
                .map((f) => `${(0,summary/* inlineCode */.ti)(`${f.file}:${f.line}`)} ${(0,summary/* escapeMarkdown */.FV)(f.error)}`)
                .join('; ')}`);
    });
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/sarif.ts

/**
 * A SARIF 2.1.0 log of the findings, for GitHub code scanning (`github/codeql-action/upload-sarif`).
 * Paths are relative to the repository root (`%SRCROOT%`); every rule is described once in the driver.
 */
function toSarif(findings, version) {
    const catalog = [...rules.values()];
    const index = new Map(catalog.map((r, i) => [r.id, i]));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'trunk-actions migration-lint',
                        informationUri: 'https://github.com/trunk-actions/trunk-actions/tree/main/actions/migration-lint',
                        version,
                        rules: catalog.map((r) => ({
                            id: r.id,
                            name: r.id,
                            shortDescription: { text: r.why },
                            fullDescription: { text: r.why },
                            help: { text: r.fix, markdown: `**Safe recipe:** ${r.fix}` },
                            defaultConfiguration: { level: r.severity },
                            properties: { lock: r.lock, tags: ['postgresql', 'migration'] },
                        })),
                    },
                },
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
                results: findings.map((f) => ({
                    ruleId: f.rule,
                    ruleIndex: index.get(f.rule),
                    level: f.severity,
                    message: { text: `${f.message} Fix: ${f.fix}` },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                                region: { startLine: f.line, startColumn: f.column },
                            },
                        },
                    ],
                    partialFingerprints: { 'migrationLint/v1': `${f.file}:${f.rule}:${f.line}` },
                })),
            },
        ],
    };
}

// EXTERNAL MODULE: ./shared/glob.ts
var glob = __webpack_require__(5342);
;// CONCATENATED MODULE: ./actions/migration-lint/src/sources.ts





/** Larger files are reported instead of read (the largest real migrations are dumps of tens of MB). */
const MAX_FILE_BYTES = 128 * 1024 * 1024;
function selector(selection) {
    const matches = (0,glob/* globList */.X)(selection.patterns, 'paths');
    return (path) => matches(path) && (selection.includeDown || !isDownMigration(path));
}
/** Reads a workspace file as bytes (confined, capped), so a file that is not UTF-8 can be reported, not garbled. */
const readWorkspaceFile = (workspace, path) => (0,files/* readInside */.xO)(workspace, path, { input: 'paths', maxBytes: MAX_FILE_BYTES });
/** `all: true`: every matching file in the workspace. */
function allFiles(workspace, selection, log) {
    // findFiles has matched the patterns already
    return (0,files/* findFiles */.lY)(workspace, selection.patterns, { inputName: 'paths', log })
        .filter((path) => selection.includeDown || !isDownMigration(path))
        .map((path) => ({ path, content: readWorkspaceFile(workspace, path) }));
}
/**
 * The migrations as they were at `base` (replayed for schema state) and the ones added or modified
 * by `base..head`. Modified files are linted in their new form and left out of the replay. Changed
 * files are read from the work tree when it is at `head` (bytes, to report non-UTF-8), else from git.
 */
async function changedMigrations(git, workspace, base, head, selection) {
    const select = selector(selection);
    const changed = (await git.changedFiles(base, head)).filter((f) => f.status !== 'D' && select(f.path));
    const replaced = new Set(changed.flatMap((f) => [f.path, f.oldPath ?? f.path]));
    const basePaths = (await git.listFiles(base)).filter((p) => select(p) && !replaced.has(p));
    const baseContents = await git.readFiles(base, basePaths);
    const checkedOut = (await git.tryResolve('HEAD')) === head;
    const fromGit = checkedOut
        ? new Map()
        : await git.readFiles(head, changed.map((f) => f.path));
    return {
        base: basePaths.map((path) => ({ path, content: baseContents.get(path) ?? '' })),
        change: changed.map((f) => ({
            path: f.path,
            content: checkedOut && existsOrLink((0,external_node_path_.join)(workspace, f.path))
                ? readWorkspaceFile(workspace, f.path)
                : (fromGit.get(f.path) ?? ''),
        })),
    };
}
/** A link counts as present (a dangling one too), so reading it meets the confinement check. */
function existsOrLink(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path) !== undefined;
    }
    catch {
        return (0,external_node_fs_.existsSync)(path);
    }
}

;// CONCATENATED MODULE: ./actions/migration-lint/src/main.ts















const main_inputs = {
    paths: inputs/* input */.hF.list(),
    all: inputs/* input */.hF.boolean(),
    'include-down': inputs/* input */.hF.boolean(),
    runner: inputs/* input */.hF.oneOf(RUNNERS),
    'postgres-version': inputs/* input */.hF.integer(9, 18),
    'database-url': inputs/* input */.hF.optional(),
    'scratch-database': inputs/* input */.hF.boolean(),
    'fail-on': inputs/* input */.hF.oneOf(['error', 'warning', 'never']),
    'sarif-file': inputs/* input */.hF.optional(),
    base: inputs/* input */.hF.optional(),
    head: inputs/* input */.hF.optional(),
};
/** Annotations beyond this many are left to the summary, outputs and SARIF (GitHub shows few anyway). */
const MAX_ANNOTATIONS = 100;
const VERSION = '1.0.0';
async function run(io) {
    const options = await (0,inputs/* parseInputs */.TL)(main_inputs, io, { secret: ['database-url'] });
    // compiling the parser's WebAssembly runs off the main thread: overlap it with git and file reading
    const parserReady = loadParser();
    parserReady.catch(() => { }); // awaited below; this only keeps an early user error from looking unhandled
    const databaseUrl = options['database-url'];
    if (databaseUrl) {
        io.setSecret(databaseUrl);
        const password = /^[a-z]+:\/\/[^:/@]*:([^@]*)@/i.exec(databaseUrl)?.[1];
        if (password) {
            io.setSecret(password);
            io.setSecret(decodeURIComponent(password.replace(/%(?![0-9a-f]{2})/gi, '%25')));
        }
    }
    const workspace = io.env.GITHUB_WORKSPACE || process.cwd();
    const sarifPlace = { input: 'sarif-file', extraRoots: io.env.RUNNER_TEMP ? [io.env.RUNNER_TEMP] : [] };
    // checked before any work, so a bad path fails fast
    const sarifPath = options['sarif-file']
        ? (0,paths/* resolveInside */.LI)(workspace, options['sarif-file'], sarifPlace.input, sarifPlace.extraRoots)
        : undefined;
    const selection = { patterns: options.paths, includeDown: options['include-down'] };
    let base = [];
    let change;
    let range;
    if (options.all) {
        change = allFiles(workspace, selection, io.log);
    }
    else {
        const git = new shared_git/* Git */.TU(workspace, { trace: (line) => io.log.debug(line) });
        if (!(await git.isRepository()))
            throw new shared_errors/* UserError */.yo(`${workspace} is not a git repository: check out the repository first, or set all: true to lint every migration file.`);
        const ctx = (0,context/* eventContext */.W)(io.env, (0,context/* readEventPayload */.N)(io.env));
        const resolved = await (0,shared_range/* resolveRange */.S)(git, (0,shared_range/* planRange */.H)(ctx, { base: options.base, head: options.head }));
        for (const warning of resolved.warnings)
            io.log.warning(warning);
        range = `${resolved.base.slice(0, 7)}..${resolved.head.slice(0, 7)}`;
        io.log.info(`Comparing ${range}: ${resolved.rule}.`);
        ({ base, change } = await changedMigrations(git, workspace, resolved.base, resolved.head, selection));
    }
    io.log.info(`${change.length} migration files to lint, ${base.length} earlier ones replayed for schema state.`);
    const parser = await parserReady;
    const lint = lintMigrations(parser, base, change, {
        postgresVersion: options['postgres-version'],
        runner: options.runner,
        scope: options.all ? 'all' : 'change',
        collect: !!databaseUrl,
    });
    let dynamic;
    if (databaseUrl && lint.change.length) {
        dynamic = await io.log.group('Dynamic check on PostgreSQL', () => runDynamic(databaseUrl, options['scratch-database'], lint));
        lint.findings.push(...dynamicFindings(dynamic));
    }
    const findings = lint.findings.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.rule, b.rule));
    findings.slice(0, MAX_ANNOTATIONS).forEach((f) => io.annotate({
        level: f.severity,
        title: `migration-lint ${f.rule}${f.lock ? ` (${f.lock})` : ''}`,
        message: `${f.message}\nSafe recipe: ${f.fix}`,
        file: f.file,
        line: f.line,
        column: f.column,
    }));
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    io.setOutput('findings', findings);
    io.setOutput('error-count', errors);
    io.setOutput('warning-count', warnings);
    io.setOutput('files', lint.files.map((f) => f.path));
    io.setOutput('observations', dynamic?.observations ?? []);
    if (sarifPath) {
        // Code scanning shows SARIF messages (quoted SQL) to everyone with read access: redacted.
        const sarif = (0,redact/* redactDeep */.KL)(toSarif(findings, VERSION), io.redact);
        (0,files/* writeInside */.Mt)(workspace, sarifPath, `${JSON.stringify(sarif, null, 2)}\n`, sarifPlace);
        io.setOutput('sarif-file', (0,external_node_path_.relative)(workspace, sarifPath).startsWith('..') ? sarifPath : (0,external_node_path_.relative)(workspace, sarifPath));
    }
    else
        io.setOutput('sarif-file', '');
    await io.writeSummary(buildSummary({ findings, files: lint.files, dynamic, range, failOn: options['fail-on'] }));
    if (lint.files.length && !lint.files.some((f) => f.analysed)) {
        throw new shared_errors/* UserError */.yo(`None of the ${lint.files.length} migration files could be analysed (undecodable, empty or not PostgreSQL); see the findings.`, { exitCode: 2 });
    }
    const failing = options['fail-on'] === 'never' ? 0 : options['fail-on'] === 'warning' ? errors + warnings : errors;
    if (failing)
        throw new shared_errors/* StepFailed */.an(`migration-lint: ${errors} errors and ${warnings} warnings in ${lint.files.length} migration files.`);
}
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
async function runDynamic(url, scratch, lint) {
    const { Postgres } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(763)]).then(__webpack_require__.bind(__webpack_require__, 3763));
    const { assertEmpty, observeChange } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(241)]).then(__webpack_require__.bind(__webpack_require__, 3241));
    const db = await Postgres.connect(url, { source: 'database-url' });
    try {
        await assertEmpty(db, scratch);
        return await observeChange(db, lint.base, lint.change);
    }
    finally {
        await db.close();
    }
}
/** Findings from what the database did: rewrites of existing tables, and statements that failed. */
function dynamicFindings(dynamic) {
    return dynamic.observations.flatMap((o) => [
        ...(o.rewritten.length
            ? [
                finding(o.file, 'observed-rewrite', `PostgreSQL rewrote ${o.rewritten.join(', ')} (locks: ${o.locks.join(', ') || 'none new'}).`, o.line, 1),
            ]
            : []),
        ...(o.error
            ? [finding(o.file, 'observed-failure', `PostgreSQL refused the statement: ${o.error}.`, o.line, 1)]
            : []),
    ]);
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


/***/ }),

/***/ 4823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ planRange),
/* harmony export */   S: () => (/* binding */ resolveRange)
/* harmony export */ });
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9801);

/**
 * Picks base and head for any event, as the field guide sets out. `overrides` are the `base` and
 * `head` inputs; `defaultBranch` is the fallback when the event has no base of its own.
 */
function planRange(ctx, overrides = {}) {
    const defaultBranch = ctx.defaultBranch ?? 'main';
    const defaultBranchKnown = ctx.defaultBranch !== undefined;
    const head = overrides.head ?? ctx.headSha ?? 'HEAD';
    const headSource = overrides.head ? 'input head' : 'the event head';
    const withHead = (plan) => ({
        ...plan,
        defaultBranchKnown,
        head: head || 'HEAD',
        headSource,
    });
    if (overrides.base) {
        return withHead({
            base: overrides.base,
            mode: 'merge-base',
            rule: 'base input (merge-base with head)',
            baseSource: 'input base',
        });
    }
    const pr = ctx.pullRequest;
    if (pr && (ctx.eventName.startsWith('pull_request') || pr.baseSha)) {
        return withHead({
            base: pr.baseSha ?? pr.baseRef ?? defaultBranch,
            mode: 'merge-base',
            rule: `${ctx.eventName || 'pull_request'}: merge-base of the base branch and the pull request head`,
            baseSource: 'pull request base',
        });
    }
    if (ctx.mergeGroup?.baseSha) {
        return withHead({
            base: ctx.mergeGroup.baseSha,
            mode: 'direct',
            rule: 'merge_group: base_sha..head_sha',
            baseSource: 'merge group base_sha',
        });
    }
    if (ctx.push) {
        const before = ctx.push.before;
        if (!before || (0,_git_js__WEBPACK_IMPORTED_MODULE_0__/* .isZeroSha */ .hp)(before)) {
            return withHead({
                base: defaultBranch,
                mode: 'merge-base',
                rule: `push of a new branch: merge-base with the default branch ${defaultBranch}`,
                baseSource: 'default branch',
            });
        }
        return withHead({
            base: before,
            mode: 'direct',
            rule: 'push: before..after',
            baseSource: 'push before',
            fallbackBase: defaultBranch,
        });
    }
    return withHead({
        base: defaultBranch,
        mode: 'merge-base',
        rule: `${ctx.eventName || 'local run'}: merge-base with the default branch ${defaultBranch}`,
        baseSource: 'default branch',
    });
}
/** Resolves a plan with git: fetches what a shallow clone lacks and computes the merge-base. */
async function resolveRange(git, planned) {
    const plan = planned.defaultBranchKnown ? planned : await withLocalDefaultBranch(git, planned);
    // Both names are looked up at once (git keeps the answers); a missing one is fetched after, in turn.
    (0,_git_js__WEBPACK_IMPORTED_MODULE_0__/* .checkRevisionText */ .hm)(plan.headSource, plan.head);
    (0,_git_js__WEBPACK_IMPORTED_MODULE_0__/* .checkRevisionText */ .hm)(plan.baseSource, plan.base);
    await Promise.all([git.tryResolve(plan.head), git.tryResolve(plan.base)]);
    const head = await git.resolve(plan.headSource, plan.head);
    if (plan.fallbackBase) {
        let before = await git.tryResolve(plan.base);
        if (!before && (await git.fetch([plan.base], 1)))
            before = await git.tryResolve(plan.base);
        // merge-base deepens a shallow clone until it answers; `before` is an ancestor exactly when it is its own answer.
        const isAncestor = before
            ? await git.mergeBase(before, head).then((mb) => mb === before, () => false)
            : false;
        if (before && isAncestor)
            return { base: before, head, rule: plan.rule, warnings: [] };
        const fallback = await git.resolve('default branch', plan.fallbackBase);
        return {
            base: await git.mergeBase(fallback, head),
            head,
            rule: `push (force or unknown before): merge-base with the default branch ${plan.fallbackBase}`,
            warnings: [
                `The pushed "before" commit ${plan.base.slice(0, 12)} is not an ancestor of ${head.slice(0, 12)} (a force push?); compared with the merge-base of the default branch ${plan.fallbackBase} instead.`,
            ],
        };
    }
    const base = await git.resolve(plan.baseSource, plan.base);
    return {
        base: plan.mode === 'merge-base' ? await git.mergeBase(base, head) : base,
        head,
        rule: plan.rule,
        warnings: [],
    };
}
/** Replaces the assumed `main` with the branch git knows as the default, for runs without a payload. */
async function withLocalDefaultBranch(git, plan) {
    const branch = await git.defaultBranch();
    const swap = (text) => text.replace(/\bmain\b/, branch);
    return {
        ...plan,
        base: plan.baseSource === 'default branch' ? branch : plan.base,
        fallbackBase: plan.fallbackBase && branch,
        rule: plan.baseSource === 'default branch' ? swap(plan.rule) : plan.rule,
        defaultBranchKnown: true,
    };
}


/***/ })

};

//# sourceMappingURL=847.index.js.map