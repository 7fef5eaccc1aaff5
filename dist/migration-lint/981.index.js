"use strict";
exports.id = 981;
exports.ids = [981];
exports.modules = {

/***/ 1981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dynamicFindings: () => (/* binding */ dynamicFindings),
  runDynamicCheck: () => (/* binding */ runDynamicCheck)
});

// UNUSED EXPORTS: assertEmpty, observeChange

// EXTERNAL MODULE: ./shared/english.ts
var english = __webpack_require__(5227);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2636);
// EXTERNAL MODULE: ../../main/node_modules/pg/esm/index.mjs
var esm = __webpack_require__(8995);
;// CONCATENATED MODULE: ./shared/postgres.ts


/** A database error with PostgreSQL's SQLSTATE, for callers that treat some errors as answers. */
class DatabaseError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'DatabaseError';
    }
}
/** `host:port/database` of a connection URL, safe to print (no user or password). */
function describeTarget(url) {
    try {
        const parsed = new URL(url);
        const host = parsed.hostname || new URLSearchParams(parsed.search).get('host') || 'localhost';
        return `${host}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname || '/'}`;
    }
    catch {
        return '(unparseable URL)';
    }
}
class Postgres {
    client;
    target;
    constructor(client, target) {
        this.client = client;
        this.target = target;
    }
    /** Connects, or fails with a UserError that says why and what to check. */
    static async connect(url, options = {}) {
        const source = options.source ?? 'database URL';
        const target = describeTarget(url);
        if (!/^postgres(ql)?:\/\//i.test(url)) {
            throw new errors/* UserError */.yo(`The ${source} must start with postgres:// or postgresql:// (got ${target}).`);
        }
        const statementTimeout = options.statementTimeoutMs ?? 60_000;
        const client = new esm/* default.Client */.Ay.Client({
            connectionString: url,
            connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
            statement_timeout: statementTimeout,
            lock_timeout: options.lockTimeoutMs ?? 10_000,
            query_timeout: options.queryTimeoutMs ?? statementTimeout + 5_000,
            application_name: 'trunk-actions',
        });
        // an idle connection that breaks must not crash the process
        client.on('error', () => { });
        try {
            await client.connect();
        }
        catch (error) {
            await client.end().catch(() => { });
            throw new errors/* UserError */.yo(`Cannot connect to PostgreSQL at ${target} (${source}): ${(0,errors/* describeError */.Uc)(error)}. Check that the server (service container) is running and healthy, and the URL's host, port, user and database.`, { cause: error });
        }
        return new Postgres(client, target);
    }
    /** Runs one statement (parameters only with `params`), returning its rows. */
    async query(sql, params) {
        try {
            const result = await this.client.query(sql, params);
            // a multi-statement string returns one result per statement
            return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows;
        }
        catch (error) {
            const code = error.code;
            throw new DatabaseError((0,errors/* describeError */.Uc)(error), typeof code === 'string' ? code : undefined);
        }
    }
    async close() {
        await this.client.end().catch(() => { });
    }
}

// EXTERNAL MODULE: ./actions/migration-lint/src/lint.ts + 11 modules
var lint = __webpack_require__(3180);
;// CONCATENATED MODULE: ./actions/migration-lint/src/dynamic.ts




const USER_RELATIONS = `
  SELECT c.oid::int8 AS oid, n.nspname || '.' || c.relname AS name, c.relfilenode::int8 AS filenode, c.relkind::text AS kind
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'm', 'i')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;
const OWN_LOCKS = `
  SELECT relation::int8 AS oid, mode FROM pg_locks
  WHERE pid = pg_backend_pid() AND granted AND locktype = 'relation' AND relation IS NOT NULL`;
const SEQ_SCANS = `SELECT relid::int8 AS oid, seq_scan::int8 AS scans FROM pg_stat_xact_user_tables`;
/** Refuses a database that already holds user tables unless it is declared a scratch database. */
async function assertEmpty(db, scratch) {
    if (scratch)
        return;
    const rows = await db.query(`SELECT count(*)::text AS n FROM (${USER_RELATIONS}) r`);
    const count = Number(rows[0]?.n ?? 0);
    if (count > 0) {
        throw new errors/* UserError */.yo(`The database at ${db.target} (database-url) is not empty: it holds ${(0,english/* plural */.L)(count, 'table or index', 'tables or indexes')}. The dynamic check needs an empty database (a service container); set scratch-database: true if this one may be used (nothing is ever committed).`);
    }
}
/**
 * Applies the base migrations to the scratch database as a plain runner would (statement by
 * statement, committed: that is what an empty scratch database is for), then runs every changed
 * statement inside ONE transaction that is always rolled back, so nothing of the change is ever
 * committed. Each changed statement runs behind a savepoint: a failure is recorded and the next
 * statement still runs. Locks are those the statement newly took; a mode an earlier statement of
 * the change already holds on a table is not repeated.
 */
async function observeChange(db, base, change) {
    const result = { observations: [], baseFailures: [] };
    for (const statement of base) {
        if (statement.kind === 'templated') {
            result.baseFailures.push({
                file: statement.file,
                line: statement.line,
                error: 'not run: it holds Flyway placeholders',
            });
            continue;
        }
        try {
            await db.query(statement.sql);
        }
        catch (error) {
            if (!(error instanceof DatabaseError))
                throw error;
            result.baseFailures.push({ file: statement.file, line: statement.line, error: error.message });
            await db.query('ROLLBACK').catch(() => { }); // leave a failed explicit transaction
        }
    }
    await db.query('ROLLBACK').catch(() => { }); // a base file that never committed
    const existing = new Map((await db.query(USER_RELATIONS)).map((r) => [String(r.oid), r]));
    await db.query('BEGIN');
    try {
        for (const statement of change) {
            if (statement.kind === 'transaction')
                continue;
            result.observations.push(await observe(db, statement, existing));
        }
    }
    finally {
        await db.query('ROLLBACK').catch(() => { });
    }
    return result;
}
async function observe(db, statement, existing) {
    const observation = {
        file: statement.file,
        line: statement.line,
        locks: [],
        rewritten: [],
        scanned: [],
        ms: 0,
    };
    if (statement.kind === 'non-transactional') {
        observation.skipped = 'not run: it cannot run inside the rolled-back transaction (CONCURRENTLY, VACUUM)';
        return observation;
    }
    if (statement.kind === 'templated') {
        observation.skipped = 'not run: it holds Flyway placeholders, whose values only the runner knows';
        return observation;
    }
    const tables = (oid) => existing.get(oid)?.kind !== 'i';
    const lockKey = (r) => `${r.oid}|${r.mode}`;
    const locksBefore = new Set((await db.query(OWN_LOCKS)).map(lockKey));
    const scansBefore = new Map((await db.query(SEQ_SCANS)).map((r) => [String(r.oid), Number(r.scans)]));
    const filesBefore = new Map((await db.query(USER_RELATIONS)).map((r) => [String(r.oid), r.filenode]));
    const started = performance.now();
    observation.error = await attempt(db, statement.sql);
    observation.ms = Math.round(performance.now() - started);
    if (observation.error)
        return observation;
    for (const lock of await db.query(OWN_LOCKS)) {
        const oid = String(lock.oid);
        if (existing.has(oid) && tables(oid) && !locksBefore.has(lockKey(lock)))
            observation.locks.push(`${existing.get(oid).name}: ${lock.mode
                .replace(/Lock$/, '')
                .replace(/([a-z])([A-Z])/g, '$1 $2')
                .toUpperCase()}`);
    }
    for (const r of await db.query(USER_RELATIONS)) {
        const oid = String(r.oid);
        if (existing.has(oid) && tables(oid) && filesBefore.get(oid) !== r.filenode)
            observation.rewritten.push(r.name);
    }
    for (const r of await db.query(SEQ_SCANS)) {
        const oid = String(r.oid);
        if (existing.has(oid) && Number(r.scans) > (scansBefore.get(oid) ?? 0))
            observation.scanned.push(existing.get(oid).name);
    }
    observation.locks.sort();
    return observation;
}
/** Runs one statement behind a savepoint; returns PostgreSQL's error message, or undefined on success. */
async function attempt(db, sql) {
    await db.query('SAVEPOINT statement');
    try {
        await db.query(sql);
        await db.query('RELEASE SAVEPOINT statement');
        return undefined;
    }
    catch (error) {
        if (!(error instanceof DatabaseError))
            throw error;
        await db.query('ROLLBACK TO SAVEPOINT statement');
        return error.message;
    }
}
/** Connects to the database at `url`, checks it may be used, and observes the change there. */
async function runDynamicCheck(url, scratch, lint) {
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
                (0,lint/* finding */.gk)(o.file, 'observed-rewrite', `PostgreSQL rewrote ${o.rewritten.join(', ')} (locks: ${o.locks.join(', ') || 'none new'}).`, o.line, 1),
            ]
            : []),
        ...(o.error
            ? [(0,lint/* finding */.gk)(o.file, 'observed-failure', `PostgreSQL refused the statement: ${o.error}.`, o.line, 1)]
            : []),
    ]);
}


/***/ })

};
;
//# sourceMappingURL=981.index.js.map