export const RUNNERS = ['auto', 'flyway', 'golang-migrate', 'prisma', 'rails', 'knex', 'plain'] as const;
export type Runner = Exclude<(typeof RUNNERS)[number], 'auto'>;

/**
 * How a runner executes one migration file:
 * - `file`: the whole file in one transaction (Rails, Knex; Flyway unless it holds a statement that
 *   cannot run in a transaction and nothing else, see `nonTransactionalAlone`).
 * - `multi-statement`: the file is sent as one multi-statement query, an implicit transaction as soon
 *   as it holds more than one statement (golang-migrate's postgres driver, Prisma).
 * - `autocommit`: each statement commits on its own unless the file says BEGIN (psql -f).
 */
export type TransactionMode = 'file' | 'multi-statement' | 'autocommit';

export interface RunnerBehaviour {
  mode: TransactionMode;
  /** Flyway runs a file outside a transaction when its only statements cannot run inside one. */
  nonTransactionalAlone: boolean;
}

const BEHAVIOUR: Record<Runner, RunnerBehaviour> = {
  flyway: { mode: 'file', nonTransactionalAlone: true },
  'golang-migrate': { mode: 'multi-statement', nonTransactionalAlone: false },
  prisma: { mode: 'multi-statement', nonTransactionalAlone: false },
  rails: { mode: 'file', nonTransactionalAlone: false },
  knex: { mode: 'file', nonTransactionalAlone: false },
  plain: { mode: 'autocommit', nonTransactionalAlone: false },
};

export function runnerBehaviour(runner: Runner): RunnerBehaviour {
  return BEHAVIOUR[runner];
}

/** The runner a file's name suggests, for `runner: auto`. */
export function detectRunner(path: string): Runner {
  const name = path.split('/').pop() ?? path;
  if (/^[VR]\d*[^/]*__.*\.sql$/i.test(name) || /^R__/.test(name)) return 'flyway';
  if (/\.(up|down)\.sql$/i.test(name)) return 'golang-migrate';
  if (name === 'migration.sql' && /(^|\/)migrations\/[^/]+\/migration\.sql$/.test(path)) return 'prisma';
  return 'plain';
}

export function isDownMigration(path: string): boolean {
  return /(^|[._/-])down\.sql$/i.test(path) || /^U\d[^/]*__/i.test(path.split('/').pop() ?? '');
}

/** Built on the first comparison: ICU's collation data costs milliseconds that a run of 0 or 1 file need not pay. */
let collator: Intl.Collator | undefined;
const compareNaturally = (a: string, b: string) =>
  (collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })).compare(a, b);

/**
 * Files in the order a runner applies them: Flyway versioned files by version, repeatable (R__) ones
 * after them; everything else by path with numbers compared as numbers (V2 before V10, 9_x before 10_x).
 */
export function inMigrationOrder<T extends { path: string }>(files: readonly T[]): T[] {
  // keyed once per file, not once per comparison
  const keyed = files.map((file) => ({
    file,
    repeatable: /^R__/.test(file.path.split('/').pop() ?? '') ? 1 : 0,
  }));
  return keyed
    .sort(
      (a, b) =>
        a.repeatable - b.repeatable ||
        compareNaturally(a.file.path, b.file.path) ||
        (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0),
    )
    .map((k) => k.file);
}
