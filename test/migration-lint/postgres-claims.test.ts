import pg from 'pg';
import { rules } from '../../actions/migration-lint/src/catalog.js';
import { lintMigrations } from '../../actions/migration-lint/src/lint.js';
import { type Parser, loadParser } from '../../actions/migration-lint/src/parser.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';

/**
 * Every rule's claim, measured on the PostgreSQL the tests start: each statement runs inside
 * BEGIN ... ROLLBACK on tables holding rows, and the test reads the strongest lock the transaction
 * holds on the table (pg_locks), whether the table or its indexes got new files (relfilenode) and
 * whether the table was read in full (pg_stat_xact_user_tables). The same statement is linted, so
 * the finding (or its absence) and the measurement are checked side by side.
 */

const SCHEMA = `
CREATE TABLE p (id int PRIMARY KEY);
INSERT INTO p SELECT generate_series(1, 200);
CREATE TABLE t (id int PRIMARY KEY, a int, b text, v varchar(10), n numeric(10,2), ts timestamp(3),
  s text DEFAULT 'x', r int4range, ref_id int);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_v ON t (v);
INSERT INTO t SELECT g, g, 'b' || g, 'v', 1.5, '2024-01-01', 's', int4range(g, g + 1), g FROM generate_series(1, 200) g;
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE parted (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE parted_2024 PARTITION OF parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE t ADD CONSTRAINT t_b_nn CHECK (b IS NOT NULL) NOT VALID;
ALTER TABLE t VALIDATE CONSTRAINT t_b_nn;
ANALYZE;`;

interface Claim {
  /** The rule whose claim this measures, or `safe` for a statement that must not be a finding. */
  rule: string;
  sql: string;
  /** Run in the same transaction before `sql` (not measured). */
  before?: string;
  /** Strongest lock the transaction holds on `t` afterwards ('' for none); `locks` for other tables. */
  lock?: string;
  locks?: Record<string, string>;
  rewritten?: boolean;
  reindexed?: boolean;
  scanned?: boolean;
  /** PostgreSQL refuses the statement with this error. */
  error?: RegExp;
  /** What migration-lint reports for `before` and `sql` (after a lock_timeout). */
  lint: string[];
}

const AE = 'ACCESS EXCLUSIVE';
const CLAIMS: Claim[] = [
  {
    rule: 'drop-column',
    sql: 'ALTER TABLE t DROP COLUMN b',
    lock: AE,
    rewritten: false,
    lint: ['drop-column'],
  },
  { rule: 'rename-column', sql: 'ALTER TABLE t RENAME COLUMN a TO a2', lock: AE, lint: ['rename-column'] },
  { rule: 'rename-table', sql: 'ALTER TABLE t RENAME TO t2', lock: AE, lint: ['rename-table'] },
  { rule: 'drop-table', sql: 'DROP TABLE t', lock: AE, lint: ['drop-table'] },
  {
    rule: 'add-not-null-column-no-default',
    sql: 'ALTER TABLE t ADD COLUMN x int NOT NULL',
    error: /contains null values/,
    lint: ['add-not-null-column-no-default'],
  },
  {
    rule: 'volatile-default',
    sql: 'ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid()',
    lock: AE,
    rewritten: true,
    lint: ['volatile-default'],
  },
  {
    rule: 'volatile-default',
    sql: 'ALTER TABLE t ADD COLUMN x serial',
    lock: AE,
    rewritten: true,
    lint: ['volatile-default'],
  },
  {
    rule: 'safe',
    sql: 'ALTER TABLE t ADD COLUMN at timestamptz DEFAULT now()',
    lock: AE,
    rewritten: false,
    lint: [],
  },
  {
    rule: 'add-stored-generated-column',
    sql: 'ALTER TABLE t ADD COLUMN a2 int GENERATED ALWAYS AS (a * 2) STORED',
    lock: AE,
    rewritten: true,
    lint: ['add-stored-generated-column'],
  },
  {
    rule: 'change-column-type',
    sql: 'ALTER TABLE t ALTER COLUMN a TYPE bigint',
    lock: AE,
    rewritten: true,
    reindexed: true,
    lint: ['change-column-type'],
  },
  {
    rule: 'change-column-type',
    sql: 'ALTER TABLE t ALTER COLUMN v TYPE varchar(20) USING lower(v)',
    lock: AE,
    rewritten: true,
    lint: ['change-column-type'],
  },
  {
    rule: 'change-column-type',
    sql: 'ALTER TABLE t ALTER COLUMN v TYPE text COLLATE "C"',
    lock: AE,
    rewritten: false,
    reindexed: true,
    lint: ['change-column-type'],
  },
  {
    rule: 'change-column-type',
    sql: 'ALTER TABLE t ALTER COLUMN v TYPE varchar(5)',
    lock: AE,
    rewritten: true,
    lint: ['change-column-type'],
  },
  ...[
    'v TYPE varchar(20)',
    'v TYPE varchar',
    'v TYPE text',
    'n TYPE numeric(12,2)',
    'n TYPE numeric',
    'ts TYPE timestamp(6)',
  ].map((change): Claim => ({
    rule: 'safe',
    sql: `ALTER TABLE t ALTER COLUMN ${change}`,
    lock: AE,
    rewritten: false,
    reindexed: false,
    lint: [],
  })),
  {
    rule: 'set-not-null',
    sql: 'ALTER TABLE t ALTER COLUMN a SET NOT NULL',
    lock: AE,
    scanned: true,
    lint: ['set-not-null'],
  },
  {
    rule: 'safe', // the validated CHECK (b IS NOT NULL) proves it: no scan
    sql: 'ALTER TABLE t ALTER COLUMN b SET NOT NULL',
    lock: AE,
    scanned: false,
    lint: [],
  },
  {
    rule: 'add-fk-validating',
    sql: 'ALTER TABLE t ADD CONSTRAINT t_ref FOREIGN KEY (ref_id) REFERENCES p',
    lock: 'SHARE ROW EXCLUSIVE',
    locks: { p: 'SHARE ROW EXCLUSIVE' },
    scanned: true,
    lint: ['add-fk-validating'],
  },
  {
    rule: 'safe',
    sql: 'ALTER TABLE t ADD CONSTRAINT t_ref FOREIGN KEY (ref_id) REFERENCES p NOT VALID',
    lock: 'SHARE ROW EXCLUSIVE',
    locks: { p: 'SHARE ROW EXCLUSIVE' },
    scanned: false,
    lint: [],
  },
  {
    rule: 'safe', // a new column holds only NULLs: the foreign key is not checked row by row
    sql: 'ALTER TABLE t ADD COLUMN p_id int REFERENCES p',
    lock: AE,
    locks: { p: 'SHARE ROW EXCLUSIVE' },
    scanned: false,
    lint: [],
  },
  {
    rule: 'lock-timeout-missing', // a new table's foreign key, as Prisma writes it, locks the referenced table
    before: 'CREATE TABLE post (id int, t_id int)',
    sql: 'ALTER TABLE post ADD CONSTRAINT post_t_fkey FOREIGN KEY (t_id) REFERENCES t (id)',
    lock: 'SHARE ROW EXCLUSIVE',
    lint: ['lock-timeout-missing'],
  },
  {
    rule: 'add-check-validating',
    sql: 'ALTER TABLE t ADD CONSTRAINT t_a_pos CHECK (a > 0)',
    lock: AE,
    scanned: true,
    lint: ['add-check-validating'],
  },
  {
    rule: 'safe',
    sql: 'ALTER TABLE t ADD CONSTRAINT t_a_pos CHECK (a > 0) NOT VALID',
    lock: AE,
    scanned: false,
    lint: [],
  },
  {
    rule: 'validate-in-same-transaction',
    before: 'ALTER TABLE t ADD CONSTRAINT t_a_pos CHECK (a > 0) NOT VALID',
    sql: 'ALTER TABLE t VALIDATE CONSTRAINT t_a_pos',
    lock: AE, // still held from ADD CONSTRAINT while the scan runs
    scanned: true,
    lint: ['validate-in-same-transaction'],
  },
  {
    rule: 'safe', // VALIDATE in a transaction of its own
    sql: 'ALTER TABLE t VALIDATE CONSTRAINT t_b_nn',
    lock: 'SHARE UPDATE EXCLUSIVE',
    lint: [],
  },
  {
    rule: 'add-unique-constraint-validating',
    sql: 'ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a)',
    lock: AE,
    scanned: true,
    lint: ['add-unique-constraint-validating'],
  },
  {
    rule: 'add-primary-key-validating',
    before: 'ALTER TABLE p DROP CONSTRAINT p_pkey',
    sql: 'ALTER TABLE p ADD PRIMARY KEY (id)',
    locks: { p: AE },
    lint: ['add-primary-key-validating'],
  },
  {
    rule: 'add-exclusion-constraint',
    sql: 'ALTER TABLE t ADD CONSTRAINT t_r_excl EXCLUDE USING gist (r WITH &&)',
    lock: AE,
    scanned: true,
    lint: ['add-exclusion-constraint'],
  },
  {
    rule: 'create-index-non-concurrent',
    sql: 'CREATE INDEX t_b ON t (b)',
    lock: 'SHARE',
    scanned: true,
    lint: ['create-index-non-concurrent'],
  },
  {
    rule: 'concurrent-index-in-transaction',
    sql: 'CREATE INDEX CONCURRENTLY t_b ON t (b)',
    error: /cannot run inside a transaction block/,
    lint: ['concurrent-index-in-transaction'],
  },
  {
    rule: 'drop-index-non-concurrent',
    sql: 'DROP INDEX t_a',
    lock: AE,
    lint: ['drop-index-non-concurrent'],
  },
  {
    rule: 'reindex-non-concurrent',
    sql: 'REINDEX INDEX t_a',
    lock: 'SHARE',
    reindexed: true,
    lint: ['reindex-non-concurrent'],
  },
  {
    rule: 'vacuum-full-or-cluster',
    sql: 'CLUSTER t USING t_a',
    lock: AE,
    rewritten: true,
    lint: ['vacuum-full-or-cluster'],
  },
  {
    rule: 'vacuum-full-or-cluster',
    sql: 'VACUUM FULL t',
    error: /cannot run inside a transaction block/, // and outside one it rewrites: see the test below
    lint: ['concurrent-index-in-transaction', 'vacuum-full-or-cluster'],
  },
  {
    rule: 'detach-partition-non-concurrent',
    sql: 'ALTER TABLE parted DETACH PARTITION parted_2024',
    locks: { parted: AE },
    lint: ['detach-partition-non-concurrent'],
  },
  { rule: 'truncate', sql: 'TRUNCATE t', lock: AE, rewritten: true, lint: ['truncate'] },
  {
    rule: 'drop-not-null',
    before: 'ALTER TABLE t ALTER COLUMN b SET NOT NULL',
    sql: 'ALTER TABLE t ALTER COLUMN b DROP NOT NULL',
    lock: AE,
    lint: ['drop-not-null'],
  },
  {
    rule: 'drop-default',
    sql: 'ALTER TABLE t ALTER COLUMN s DROP DEFAULT',
    lock: AE,
    lint: ['drop-default'],
  },
  {
    rule: 'rename-enum-value',
    sql: "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'",
    lock: '', // no table lock: the danger is the running app's old label
    lint: ['rename-enum-value'],
  },
  {
    rule: 'observed-rewrite',
    sql: 'ALTER TABLE t ALTER COLUMN n TYPE numeric(12,4)',
    lock: AE,
    rewritten: true,
    lint: ['change-column-type'],
  },
];

/** Rules whose claim is not about what a statement does to a table: they are checked elsewhere. */
const NOT_ABOUT_LOCKS = [
  'uncommitted-transaction',
  'syntax-error',
  'not-utf8',
  'undecodable',
  'empty-file',
  'ignore-without-reason',
  'unused-ignore',
  'observed-failure',
  'dynamic-sql-not-analysed',
];

const MODES = [
  'AccessShareLock',
  'RowShareLock',
  'RowExclusiveLock',
  'ShareUpdateExclusiveLock',
  'ShareLock',
  'ShareRowExclusiveLock',
  'ExclusiveLock',
  'AccessExclusiveLock',
];
const modeName = (mode: string) =>
  mode
    .replace(/Lock$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase();

let server: PostgresServer;
let client: pg.Client;
let parser: Parser;

beforeAll(async () => {
  server = await startPostgres();
  const url = await server.createDatabase('claims');
  await server.query('claims', SCHEMA);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  parser = await loadParser();
});
afterAll(async () => {
  await client?.end();
  server?.stop();
});

const rows = async (sql: string) => (await client.query(sql)).rows as Record<string, string>[];

interface Relation {
  oid: string;
  relname: string;
  node: string;
  kind: string;
}

/** Tables and indexes with their relfilenode, by name. */
async function relations(): Promise<Map<string, Relation>> {
  const found = await rows(
    `SELECT oid::text AS oid, relname, relfilenode::text AS node, relkind::text AS kind FROM pg_class
     WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'i')`,
  );
  return new Map(found.map((r) => [r.relname!, r as unknown as Relation]));
}

/** The strongest lock this session holds on each table, by its name before the statement (which may drop or rename it). */
async function heldLocks(before: Map<string, Relation>): Promise<Map<string, string>> {
  const names = new Map([...before.values()].filter((r) => r.kind !== 'i').map((r) => [r.oid, r.relname]));
  const found = await rows(
    `SELECT relation::text AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND granted AND relation IS NOT NULL`,
  );
  const strongest = new Map<string, string>();
  for (const { oid, mode } of found) {
    const table = names.get(oid!);
    if (!table) continue;
    const current = strongest.get(table);
    if (!current || MODES.indexOf(mode!) > MODES.indexOf(current)) strongest.set(table, mode!);
  }
  return new Map([...strongest].map(([table, mode]) => [table, modeName(mode)]));
}

const seqScans = async () =>
  Number(
    (
      await rows(
        `SELECT coalesce(sum(seq_scan), 0)::text AS n FROM pg_stat_xact_user_tables WHERE relname = 't'`,
      )
    )[0]!.n,
  );

interface Measured {
  error?: string;
  locks: Map<string, string>;
  rewritten: boolean;
  reindexed: boolean;
  scanned: boolean;
}

async function measure(claim: Claim): Promise<Measured> {
  await client.query('BEGIN');
  try {
    if (claim.before) await client.query(claim.before);
    const before = await relations();
    const scansBefore = await seqScans();
    try {
      await client.query(claim.sql);
    } catch (error) {
      return {
        error: (error as Error).message,
        locks: new Map(),
        rewritten: false,
        reindexed: false,
        scanned: false,
      };
    }
    const after = await relations();
    const byOid = new Map([...after.values()].map((r) => [r.oid, r.node]));
    // the table keeps its oid (a dropped table is not rewritten); a rebuilt index may be a new one of the same name
    const rewritten =
      byOid.has(before.get('t')!.oid) && byOid.get(before.get('t')!.oid) !== before.get('t')!.node;
    const reindexed = ['t_a', 't_v'].some(
      (name) => after.has(name) && after.get(name)!.node !== before.get(name)!.node,
    );
    return {
      locks: await heldLocks(before),
      rewritten,
      reindexed,
      scanned: (await seqScans()) > scansBefore,
    };
  } finally {
    await client.query('ROLLBACK');
  }
}

function lint(claim: Claim): string[] {
  const change = `SET lock_timeout = '2s';\nBEGIN;\n${claim.before ? `${claim.before};\n` : ''}${claim.sql};\nCOMMIT;`;
  // the lock-timeout claim is linted without the timeout, as Prisma's generated file stands
  const text = claim.rule === 'lock-timeout-missing' ? change.split('\n').slice(1).join('\n') : change;
  return lintMigrations(
    parser,
    [{ path: 'migrations/001_schema.sql', content: SCHEMA }],
    [{ path: 'migrations/002_change.sql', content: text }],
    { postgresVersion: 15, runner: 'plain', scope: 'change' },
  ).findings.map((f) => f.rule);
}

describe('each rule, measured on PostgreSQL 15', () => {
  test('every rule about a statement has a measured claim', () => {
    const measured = new Set(CLAIMS.map((c) => c.rule));
    const missing = [...rules.keys()].filter((id) => !measured.has(id) && !NOT_ABOUT_LOCKS.includes(id));
    expect(missing).toEqual([]);
  });

  test.each(CLAIMS.map((c) => [c.rule, c.sql, c]))('%s: %s', async (_rule, _sql, claim) => {
    const measured = await measure(claim);
    if (claim.error) expect(measured.error).toMatch(claim.error);
    else expect(measured.error).toBeUndefined();
    if (claim.lock !== undefined) expect(measured.locks.get('t') ?? '').toBe(claim.lock);
    for (const [table, mode] of Object.entries(claim.locks ?? {}))
      expect(measured.locks.get(table)).toBe(mode);
    if (claim.rewritten !== undefined) expect(measured.rewritten).toBe(claim.rewritten);
    if (claim.reindexed !== undefined) expect(measured.reindexed).toBe(claim.reindexed);
    if (claim.scanned !== undefined) expect(measured.scanned).toBe(claim.scanned);
    expect(lint(claim)).toEqual(claim.lint);
    // the lock the catalog states for the rule is the one measured on the table it names
    const stated = rules.get(claim.rule)?.lock.split(' (')[0];
    if (stated && !claim.error) {
      const table = claim.locks ? Object.keys(claim.locks)[0]! : 't';
      expect(measured.locks.get(table) ?? '').toBe(stated);
    }
  });
});

describe('statements that wait for their lock, measured from other sessions', () => {
  const sessions: pg.Client[] = [];
  const session = async () => {
    const c = new pg.Client({ connectionString: server.url('claims') });
    await c.connect();
    sessions.push(c);
    return c;
  };
  afterAll(async () => {
    for (const c of sessions) await c.end().catch(() => {});
  });
  const pid = async (c: pg.Client) => (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
  /** Waits (bounded: a hang guard, not a timing claim) until `pid` waits for a lock, and returns its mode. */
  const waitingMode = async (waiter: number): Promise<string> => {
    for (let i = 0; i < 600; i++) {
      const found = await rows(`SELECT mode FROM pg_locks WHERE pid = ${waiter} AND NOT granted`);
      if (found.length) return modeName(found[0]!.mode!);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`session ${waiter} never waited for a lock`);
  };

  test('lock-timeout-missing: without lock_timeout an ALTER waits behind a reader and every later query queues behind it', async () => {
    const reader = await session();
    const migration = await session();
    const app = await session();
    // a client runs one query at a time: take the pids before any of them waits
    const [migrationPid, appPid] = [await pid(migration), await pid(app)];
    await reader.query('BEGIN');
    await reader.query('SELECT count(*) FROM t'); // a long query: holds ACCESS SHARE
    await migration.query('BEGIN');
    const alter = migration.query('ALTER TABLE t ADD COLUMN q int');
    expect(await waitingMode(migrationPid)).toBe(AE);
    const appQuery = app.query('SELECT count(*) FROM t'); // would not conflict with the reader alone
    expect(await waitingMode(appPid)).toBe('ACCESS SHARE');
    await reader.query('ROLLBACK');
    await alter;
    await migration.query('ROLLBACK');
    await appQuery;

    // with lock_timeout the migration gives up instead of blocking everyone
    await reader.query('BEGIN');
    await reader.query('SELECT count(*) FROM t');
    await migration.query("SET lock_timeout = '100ms'");
    await expect(migration.query('ALTER TABLE t ADD COLUMN q int')).rejects.toThrow(/lock timeout/);
    await reader.query('ROLLBACK');
  });

  test('vacuum-full-or-cluster: VACUUM FULL (outside a transaction) asks for ACCESS EXCLUSIVE and rewrites', async () => {
    const reader = await session();
    const vacuum = await session();
    const vacuumPid = await pid(vacuum);
    const before = await relations();
    await reader.query('BEGIN');
    await reader.query('SELECT count(*) FROM t');
    const running = vacuum.query('VACUUM FULL t');
    expect(await waitingMode(vacuumPid)).toBe(AE);
    await reader.query('ROLLBACK');
    await running;
    expect((await relations()).get('t')!.node).not.toBe(before.get('t')!.node);
  });
});
