import { plural } from '../../../shared/english.js';
import { UserError } from '../../../shared/errors.js';
import { DatabaseError, Postgres } from '../../../shared/postgres.js';
import { type Executable, type Finding, type LintResult, finding } from './lint.js';

/** What one changed statement did to a real PostgreSQL, measured inside a transaction that is rolled back. */
export interface Observation {
  file: string;
  line: number;
  /** The locks it newly took on tables that existed before the change (`table: MODE`). */
  locks: string[];
  /** Existing tables whose storage it rewrote (relfilenode changed). */
  rewritten: string[];
  /** Existing tables it read in full (sequential scans in this transaction). */
  scanned: string[];
  /** Why it was not run, or the error PostgreSQL gave. */
  skipped?: string;
  error?: string;
  ms: number;
}

export interface DynamicResult {
  observations: Observation[];
  /** Base statements that failed to apply (the schema they build is then missing). */
  baseFailures: { file: string; line: number; error: string }[];
}

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
export async function assertEmpty(db: Postgres, scratch: boolean): Promise<void> {
  if (scratch) return;
  const rows = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM (${USER_RELATIONS}) r`);
  const count = Number(rows[0]?.n ?? 0);
  if (count > 0) {
    throw new UserError(
      `The database at ${db.target} (database-url) is not empty: it holds ${plural(count, 'table or index', 'tables or indexes')}. The dynamic check needs an empty database (a service container); set scratch-database: true if this one may be used (nothing is ever committed).`,
    );
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
export async function observeChange(
  db: Postgres,
  base: readonly Executable[],
  change: readonly Executable[],
): Promise<DynamicResult> {
  const result: DynamicResult = { observations: [], baseFailures: [] };
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
    } catch (error) {
      if (!(error instanceof DatabaseError)) throw error;
      result.baseFailures.push({ file: statement.file, line: statement.line, error: error.message });
      await db.query('ROLLBACK').catch(() => {}); // leave a failed explicit transaction
    }
  }
  await db.query('ROLLBACK').catch(() => {}); // a base file that never committed
  const existing = new Map((await db.query<Relation>(USER_RELATIONS)).map((r) => [String(r.oid), r]));
  await db.query('BEGIN');
  try {
    for (const statement of change) {
      if (statement.kind === 'transaction') continue;
      result.observations.push(await observe(db, statement, existing));
    }
  } finally {
    await db.query('ROLLBACK').catch(() => {});
  }
  return result;
}

interface Relation extends Record<string, unknown> {
  oid: string;
  name: string;
  filenode: string;
  kind: string;
}

async function observe(
  db: Postgres,
  statement: Executable,
  existing: Map<string, Relation>,
): Promise<Observation> {
  const observation: Observation = {
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
  const tables = (oid: string) => existing.get(oid)?.kind !== 'i';
  const lockKey = (r: Record<string, unknown>) => `${r.oid}|${r.mode}`;
  const locksBefore = new Set((await db.query(OWN_LOCKS)).map(lockKey));
  const scansBefore = new Map((await db.query(SEQ_SCANS)).map((r) => [String(r.oid), Number(r.scans)]));
  const filesBefore = new Map(
    (await db.query<Relation>(USER_RELATIONS)).map((r) => [String(r.oid), r.filenode]),
  );
  const started = performance.now();
  observation.error = await attempt(db, statement.sql);
  observation.ms = Math.round(performance.now() - started);
  if (observation.error) return observation;

  for (const lock of await db.query<{ oid: string; mode: string }>(OWN_LOCKS)) {
    const oid = String(lock.oid);
    if (existing.has(oid) && tables(oid) && !locksBefore.has(lockKey(lock)))
      observation.locks.push(
        `${existing.get(oid)!.name}: ${lock.mode
          .replace(/Lock$/, '')
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toUpperCase()}`,
      );
  }
  for (const r of await db.query<Relation>(USER_RELATIONS)) {
    const oid = String(r.oid);
    if (existing.has(oid) && tables(oid) && filesBefore.get(oid) !== r.filenode)
      observation.rewritten.push(r.name);
  }
  for (const r of await db.query(SEQ_SCANS)) {
    const oid = String(r.oid);
    if (existing.has(oid) && Number(r.scans) > (scansBefore.get(oid) ?? 0))
      observation.scanned.push(existing.get(oid)!.name);
  }
  observation.locks.sort();
  return observation;
}

/** Runs one statement behind a savepoint; returns PostgreSQL's error message, or undefined on success. */
async function attempt(db: Postgres, sql: string): Promise<string | undefined> {
  await db.query('SAVEPOINT statement');
  try {
    await db.query(sql);
    await db.query('RELEASE SAVEPOINT statement');
    return undefined;
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    await db.query('ROLLBACK TO SAVEPOINT statement');
    return error.message;
  }
}

/** Connects to the database at `url`, checks it may be used, and observes the change there. */
export async function runDynamicCheck(
  url: string,
  scratch: boolean,
  lint: LintResult,
): Promise<DynamicResult> {
  const db = await Postgres.connect(url, { source: 'database-url' });
  try {
    await assertEmpty(db, scratch);
    return await observeChange(db, lint.base, lint.change);
  } finally {
    await db.close();
  }
}

/** Findings from what the database did: rewrites of existing tables, and statements that failed. */
export function dynamicFindings(dynamic: DynamicResult): Finding[] {
  return dynamic.observations.flatMap((o) => [
    ...(o.rewritten.length
      ? [
          finding(
            o.file,
            'observed-rewrite',
            `PostgreSQL rewrote ${o.rewritten.join(', ')} (locks: ${o.locks.join(', ') || 'none new'}).`,
            o.line,
            1,
          ),
        ]
      : []),
    ...(o.error
      ? [finding(o.file, 'observed-failure', `PostgreSQL refused the statement: ${o.error}.`, o.line, 1)]
      : []),
  ]);
}
