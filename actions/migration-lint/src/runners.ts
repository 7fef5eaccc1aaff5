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

/** Built on first use: ICU's collation data costs milliseconds (more than sorting 500 paths). */
let collator: Intl.Collator | undefined;
const compareNaturally = (a: string, b: string) =>
  (collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })).compare(a, b);

/** Printable ASCII other than letters and digits, in the order of ICU's root collation (`en` adds none). */
const PUNCTUATION = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
/** Digit runs longer than this are split by ICU; such paths are left to it. */
const MAX_DIGITS = 200;

/**
 * A key whose code-unit order is the order of compareNaturally (ICU `en`, numeric, case-sensitive)
 * for printable ASCII paths, so the common case sorts without ICU; undefined for any other path.
 * ICU compares all base characters first (punctuation < numbers by value < letters, case aside),
 * then, where those are equal, case (lower before upper): the key is those two parts, `\0` between.
 */
export function collationKey(path: string): string | undefined {
  let base = '';
  let cases = '';
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // a number: by value, so leading zeros go, then by digit count, then digit by digit
      let start = i;
      while (path.charCodeAt(start) === 48) start++;
      let end = i;
      while (end < path.length && path.charCodeAt(end) >= 48 && path.charCodeAt(end) <= 57) end++;
      if (end - i > MAX_DIGITS) return undefined;
      base += `\u0040${String.fromCharCode(0x100 + end - start)}${path.slice(start, end)}`;
      i = end - 1;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      base += String.fromCharCode(c | 0x20); // lower case sorts above '@', numbers' mark
      cases += c < 97 ? '1' : '0';
    } else {
      const rank = PUNCTUATION.indexOf(path[i]!);
      if (rank < 0) return undefined;
      base += String.fromCharCode(1 + rank);
    }
  }
  return `${base}\u0000${cases}`;
}

/**
 * Files in the order a runner applies them: Flyway versioned files by version, repeatable (R__) ones
 * after them; everything else by path with numbers compared as numbers (V2 before V10, 9_x before 10_x).
 */
export function inMigrationOrder<T extends { path: string }>(files: readonly T[]): T[] {
  // keyed once per file, not once per comparison
  const keyed = files.map((file) => ({
    file,
    repeatable: /^R__/.test(file.path.split('/').pop() ?? '') ? 1 : 0,
    key: collationKey(file.path),
  }));
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // ICU only when some path is not printable ASCII: the keys give its order for the rest
  const byKeys = keyed.every((k) => k.key !== undefined);
  return keyed
    .sort(
      (a, b) =>
        a.repeatable - b.repeatable ||
        (byKeys ? order(a.key!, b.key!) : compareNaturally(a.file.path, b.file.path)) ||
        order(a.file.path, b.file.path),
    )
    .map((k) => k.file);
}
