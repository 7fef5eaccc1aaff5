export type Severity = 'error' | 'warning';

/** What a rule guards against, for annotations, the summary, SARIF and the README. */
export interface Rule {
  id: string;
  severity: Severity;
  /** The lock the statement takes, as PostgreSQL names it ('' when the rule is not about a lock). */
  lock: string;
  /** Why it breaks the app version that is still running, or blocks it. */
  why: string;
  /** The safe recipe (expand/contract steps). */
  fix: string;
}

const AE = 'ACCESS EXCLUSIVE';

const RULES: Rule[] = [
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

export const rules: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

export function rule(id: string): Rule {
  const found = rules.get(id);
  if (!found) throw new Error(`bug: unknown rule ${id}`);
  return found;
}
