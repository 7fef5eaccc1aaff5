import { type Severity, rule } from './catalog.js';
import { alterClauseStarts } from './clauses.js';
import { constantText, doBody, lineStart } from './do-blocks.js';
import { type Decoded, decodeMigration } from './encoding.js';
import type { Node, Parser } from './parser.js';
import { LineIndex, type Position, byteToCharOffset } from './positions.js';
import { type Hit, checkStatement, isNonTransactional } from './rules.js';
import { type Runner, detectRunner, inMigrationOrder, runnerBehaviour } from './runners.js';
import { Schema } from './schema.js';
import { type Statement, parseStatements } from './statements.js';
import { type PendingHit, applyIgnores } from './suppress.js';

export interface SourceFile {
  /** Repository-relative path with `/`. */
  path: string;
  /** Raw bytes (decoded by their byte order mark, declared encoding, UTF-8 or else Latin-1) or text. */
  content: Buffer | string;
}

export interface LintOptions {
  postgresVersion: number;
  runner: Runner | 'auto';
  /** `change`: tables created by any linted file are new; `all`: only tables created in the same file. */
  scope: 'change' | 'all';
  /** Keep every statement's text in `base` and `change` (for the dynamic check). */
  collect?: boolean;
}

/** One finding, as the `findings` output and SARIF report it (1-based line and column). */
export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  lock: string;
  fix: string;
}

/** A statement the dynamic check can execute, with where it came from. */
export interface Executable {
  file: string;
  line: number;
  sql: string;
  /**
   * `transaction`: BEGIN/COMMIT and the like; `non-transactional`: cannot run in a transaction block;
   * `templated`: holds Flyway `${placeholders}`, whose values only the runner knows.
   */
  kind: 'sql' | 'transaction' | 'non-transactional' | 'templated';
}

export interface FileReport {
  path: string;
  runner: Runner;
  statements: number;
  /** At least one statement was parsed. */
  analysed: boolean;
}

export interface LintResult {
  findings: Finding[];
  files: FileReport[];
  /** Statements of the base migrations, in order, then those of the change (for the dynamic check). */
  base: Executable[];
  change: Executable[];
}

/** What linting no file gives (a change without migrations needs no parser). */
export const nothingLinted = (): LintResult => ({ findings: [], files: [], base: [], change: [] });

/**
 * Lints the changed migration files after replaying the base ones for schema state. Pure: takes
 * file contents, returns findings. Files are taken in the order the runner would apply them.
 */
export function lintMigrations(
  parser: Parser,
  baseFiles: readonly SourceFile[],
  changedFiles: readonly SourceFile[],
  options: LintOptions,
): LintResult {
  const result: LintResult = { findings: [], files: [], base: [], change: [] };
  let transactionCounter = 0;
  const session: Session = {
    parser,
    schema: new Schema(),
    options,
    nextTransaction: () => ++transactionCounter,
    change: result.change,
  };
  const { schema, nextTransaction } = session;
  const decoded = (files: readonly SourceFile[]) =>
    inMigrationOrder(files).map((file) => {
      const read = decode(file.content);
      return { path: file.path, read, text: read.ok ? read.text : undefined };
    });
  const change = decoded(changedFiles);
  const base = decoded(baseFiles).filter((file): file is typeof file & { text: string } => !!file.text);

  // the dynamic check runs every base statement; otherwise only the files that can matter are replayed
  const replay = options.collect
    ? base.map((file) => ({ ...file, statements: parseStatements(parser, file.text).statements }))
    : baseThatMatters(parser, base, change);
  for (const { path, text, statements } of replay) {
    const lines = options.collect ? new LineIndex(text) : undefined;
    for (const p of statements) {
      schema.apply(p.stmt, { file: path, inChange: false }, nextTransaction());
      if (lines) result.base.push(executable(path, p, lines.at(p.offset).line));
    }
  }

  for (const file of change) {
    const runner = options.runner === 'auto' ? detectRunner(file.path) : options.runner;
    const report: FileReport = { path: file.path, runner, statements: 0, analysed: false };
    result.files.push(report);
    const findings: Finding[] = [];
    const add = (id: string, message: string, line = 1, column = 1) =>
      findings.push(finding(file.path, id, message, line, column));
    const { read } = file;
    if (!read.ok) {
      const at = new LineIndex(read.before).at(read.before.length);
      const byte = (changedFiles.find((f) => f.path === file.path)!.content as Buffer)[read.byteOffset];
      add(
        'undecodable',
        `${file.path}: byte offset ${read.byteOffset} (0x${(byte ?? 0).toString(16).padStart(2, '0')}) is not valid ${read.encoding}; the file was not linted.`,
        at.line,
        at.column,
      );
    } else {
      if (read.guessedAt !== undefined) {
        const at = new LineIndex(read.text).at(read.guessedAt); // Latin-1: one character per byte
        add(
          'not-utf8',
          `Byte offset ${read.guessedAt} is not UTF-8 and the file declares no encoding; it was read as Latin-1.`,
          at.line,
          at.column,
        );
      }
      lintFile(session, file.path, read.text, runner, report, add);
    }
    result.findings.push(...findings);
  }
  return result;
}

/** The tables and indexes a statement names (RangeVars, CREATE INDEX, RENAME ... TO, DROP), lower-cased. */
function addNames(node: unknown, names: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) addNames(item, names);
  else if (node && typeof node === 'object') {
    const record = node as Node;
    // DROP names its objects as lists of strings: schema, then name
    for (const object of (record.DropStmt?.objects ?? []) as Node[]) {
      const name = (object.List?.items as Node[] | undefined)?.at(-1)?.String?.sval;
      if (typeof name === 'string') names.add(name.toLowerCase());
    }
    for (const [key, value] of Object.entries(record)) {
      if (typeof value !== 'string') addNames(value, names);
      else if (key === 'relname' || key === 'idxname' || key === 'newname') names.add(value.toLowerCase());
    }
  }
}

/**
 * Adds the names whose history flows into a needed one: the old name of a table or index renamed to
 * a needed name, the table of a needed index. Returns whether it added any.
 */
function followNames(stmt: Node, names: Set<string>): boolean {
  const known = names.size;
  const rename = stmt.RenameStmt as Node | undefined;
  if (rename?.newname && rename.relation?.relname && names.has(rename.newname.toLowerCase()))
    names.add(rename.relation.relname.toLowerCase());
  const index = stmt.IndexStmt as Node | undefined;
  if (index?.idxname && index.relation?.relname && names.has(index.idxname.toLowerCase()))
    names.add(index.relation.relname.toLowerCase());
  return names.size > known;
}

/** Names the text may hide from a plain search: Flyway placeholders, U&"..." and "a""b" identifiers. */
const OPAQUE_NAMES = /\$\{|u&"|""/i;
const isNameChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 128; // a-z 0-9 _ $ non-ASCII

/** Whether lower-cased SQL `text` holds `name` as a whole identifier (not inside a longer one). */
function mentions(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isNameChar(text.charCodeAt(at - 1)) && !isNameChar(text.charCodeAt(at + name.length))) return true;
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
function baseThatMatters(
  parser: Parser,
  base: readonly { path: string; text: string }[],
  change: readonly { text: string | undefined }[],
): { path: string; text: string; statements: Statement[] }[] {
  const names = new Set<string>();
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
  const statements = base.map((file, i) =>
    everything || OPAQUE_NAMES.test(lowered[i]!)
      ? parseStatements(parser, file.text, false).statements
      : undefined,
  );
  for (let grown = true; grown;) {
    grown = false;
    base.forEach((file, i) => {
      if (statements[i] || ![...names].some((name) => mentions(lowered[i]!, name))) return;
      statements[i] = parseStatements(parser, file.text, false).statements;
    });
    for (const list of statements) for (const p of list ?? []) grown = followNames(p.stmt, names) || grown;
  }
  return base.flatMap((file, i) => (statements[i] ? [{ ...file, statements: statements[i]! }] : []));
}

function decode(content: Buffer | string): Decoded {
  if (typeof content === 'string')
    return { ok: true, text: content.replace(/^\uFEFF/, ''), encoding: 'UTF-16' };
  return decodeMigration(content);
}

function executable(file: string, p: Statement, line: number): Executable {
  const kind = p.stmt.TransactionStmt
    ? 'transaction'
    : isNonTransactional(p.stmt)
      ? 'non-transactional'
      : p.text.includes('${')
        ? 'templated'
        : 'sql';
  return { file, line, sql: p.text, kind };
}

type Add = (id: string, message: string, line?: number, column?: number) => void;
type RecordHit = (piece: number, id: string, message: string, line: number, column: number) => void;
/**
 * A statement's text (from its first token) and where it stands in the file: `byteBase` is
 * subtracted from a parse-tree location to get a UTF-8 offset in `text`; `toFile` maps an offset
 * in `text` to one in the file (a statement built by a DO block maps to the literals it came from).
 */
interface Source {
  text: string;
  byteBase: number;
  toFile(offset: number): number;
}
/**
 * Checks one statement (of the file, or executed by a DO block) and updates the schema with it.
 * `doTransaction`: the transaction of the DO block that runs it.
 */
type Run = (stmt: Node, piece: number, source: Source, doTransaction?: number) => void;

/** The npm postgres-migrations convention (supabase/storage uses it): this file runs outside a transaction. */
const OPTS_OUT = /^[ \t]*--[ \t]*postgres-migrations[ \t]+disable-transaction\b/m;

const MYSQL_HINT = /`|\bENGINE\s*=|\bAUTO_INCREMENT\b|\bUNSIGNED\b|\bMODIFY\s+COLUMN\b/i;

/** What every changed file is linted against: the replayed schema, options, transaction numbering. */
interface Session {
  parser: Parser;
  schema: Schema;
  options: LintOptions;
  nextTransaction: () => number;
  /** Receives the statements for the dynamic check when `options.collect` is set. */
  change: Executable[];
}

function lintFile(
  session: Session,
  path: string,
  text: string,
  runner: Runner,
  report: FileReport,
  add: Add,
): void {
  const { parser, schema, options, nextTransaction, change } = session;
  const { split, statements: parsed, errors } = parseStatements(parser, text);
  const hitsByPiece = new Map<number, PendingHit[]>();
  const record: RecordHit = (piece, id, message, line, column) => {
    const list = hitsByPiece.get(piece) ?? [];
    list.push({ id, message, line, column });
    hitsByPiece.set(piece, list);
  };
  const lines = new LineIndex(text);
  for (const { piece: index, message, offset } of errors) {
    const piece = split.pieces[index]!;
    const at = lines.at(offset);
    const sqlText = text.slice(piece.start, piece.end);
    const hint = MYSQL_HINT.test(sqlText)
      ? ' This looks like MySQL syntax; migration-lint reads PostgreSQL.'
      : '';
    record(index, 'syntax-error', `Syntax error: ${message}.${hint}`, at.line, at.column);
  }
  report.statements = parsed.length;
  report.analysed = parsed.length > 0;
  if (!split.pieces.some((p) => p.kind === 'sql')) add('empty-file', 'The file holds no SQL statement.');

  // how the runner wraps this file in a transaction
  const behaviour = runnerBehaviour(runner);
  const nonTx = parsed.filter((p) => isNonTransactional(p.stmt));
  const onlySettings = parsed.every((p) => isNonTransactional(p.stmt) || p.stmt.VariableSetStmt);
  const wrapped =
    behaviour.mode === 'file'
      ? !(behaviour.nonTransactionalAlone && nonTx.length > 0 && onlySettings) && !OPTS_OUT.test(text)
      : behaviour.mode === 'multi-statement' && parsed.length > 1;
  const wrapReason =
    runner === 'flyway'
      ? 'Flyway runs this file in one transaction because it mixes statements that need one with statements that cannot run in one'
      : behaviour.mode === 'file'
        ? `${runner} runs each migration file in one transaction`
        : `${runner} sends the file as one multi-statement query, an implicit transaction`;
  const fileTransaction = nextTransaction();
  let explicit: number | undefined; // the transaction a BEGIN in the file opened
  let sessionTimeout = false;
  let localTimeoutIn: number | undefined;
  let timeoutReported = false;
  const origin = { file: path, inChange: true };
  const fromHere = (from: { file: string; inChange: boolean }) =>
    options.scope === 'all' ? from.file === path : from.inChange;
  const isNew = (table: string) => {
    const state = schema.tables.get(table);
    return !!state && fromHere(state.origin);
  };
  const isNewColumn = (table: string, column: string) => {
    const added = schema.tables.get(table)?.columns.get(column)?.origin;
    return !!added && fromHere(added);
  };

  /** The transaction the next statement runs in (a new one for each statement in autocommit). */
  const transactionHere = () => explicit ?? (wrapped ? fileTransaction : nextTransaction());
  const run: Run = (stmt, piece, source, doTransaction) => {
    const inDo = doTransaction !== undefined;
    const at = lines.at(source.toFile(0));
    const locate = (hit: Hit): Position => {
      if (hit.location !== undefined)
        return lines.at(source.toFile(byteToCharOffset(source.text, hit.location - source.byteBase)));
      const relation = stmt.AlterTableStmt?.relation as Node | undefined;
      if (hit.clause !== undefined && relation?.location !== undefined) {
        const nameAt = byteToCharOffset(source.text, relation.location - source.byteBase);
        const start = alterClauseStarts(source.text, nameAt)[hit.clause];
        if (start !== undefined) return lines.at(source.toFile(start));
      }
      return at;
    };
    const tx = stmt.TransactionStmt?.kind as string | undefined;
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
      record(
        piece,
        'lock-timeout-missing',
        'Waits for a lock on an existing table with no lock_timeout set before it.',
        at.line,
        at.column,
      );
    }
    const set = stmt.VariableSetStmt as Node | undefined;
    if (set?.name === 'lock_timeout') {
      const on = set.kind === 'VAR_SET_VALUE' && !isZeroSetting(set.args);
      if (set.is_local) localTimeoutIn = on ? transaction : undefined;
      else sessionTimeout = on;
    }
    if (tx === 'TRANS_STMT_COMMIT' || tx === 'TRANS_STMT_ROLLBACK') explicit = undefined;
    schema.apply(stmt, origin, transaction);
  };

  let openedAt: (Position & { piece: number }) | undefined;
  for (const p of parsed) {
    const at = lines.at(p.offset);
    if (options.collect) change.push(executable(path, p, at.line));
    if (explicit === undefined) openedAt = { piece: p.piece, ...at };
    const source: Source = { text: p.text, byteBase: p.byteBase, toFile: (offset) => p.offset + offset };
    if (p.stmt.DoStmt) runDoBlock(parser, p, lines, run, record, transactionHere());
    else run(p.stmt, p.piece, source);
  }
  // the runner commits a file it wraps itself; otherwise an open BEGIN is left hanging
  if (explicit !== undefined && openedAt && behaviour.mode !== 'file') {
    record(
      openedAt.piece,
      'uncommitted-transaction',
      'BEGIN is never followed by COMMIT in this file.',
      openedAt.line,
      openedAt.column,
    );
  }
  applyIgnores(split.comments, split.pieces, lines, hitsByPiece, add);
}

function isZeroSetting(args: Node[] | undefined): boolean {
  const value = args?.[0]?.A_Const;
  if (!value) return false;
  if (value.ival !== undefined) return !value.ival.ival;
  return /^\s*0+\s*(ms|s|min)?\s*$/i.test(String(value.sval?.sval ?? ''));
}

/**
 * Checks the SQL a DO block executes, in the block's one transaction, on the lines where it stands:
 * its static statements, and the text of each EXECUTE when it is a constant (else "not analysed").
 */
function runDoBlock(
  parser: Parser,
  p: Statement,
  lines: LineIndex,
  run: Run,
  record: RecordHit,
  transaction: number,
): void {
  const language = ((p.stmt.DoStmt.args ?? []) as Node[]).find((a) => a.DefElem?.defname === 'language')
    ?.DefElem?.arg?.String?.sval;
  if (language && language !== 'plpgsql') return;
  const fileAt = (offset: number) => lines.at(p.offset + offset);
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
    const inText = (offset: number) => (found >= 0 ? start + offset : start);
    if (kind === 'sql') {
      runSql(parser, query, (offset) => p.offset + inText(offset), p.piece, run, transaction);
      continue;
    }
    const value = constantText(parser, query);
    if (!value) {
      const at = fileAt(start);
      record(
        p.piece,
        'dynamic-sql-not-analysed',
        `EXECUTE runs text built at run time (${query.length > 60 ? `${query.slice(0, 57)}...` : query}); it was not analysed.`,
        at.line,
        at.column,
      );
      continue;
    }
    const error = runSql(
      parser,
      value.text,
      (offset) => p.offset + inText(value.at[Math.min(offset, value.at.length - 1)] ?? 0),
      p.piece,
      run,
      transaction,
    );
    if (error) {
      const at = lines.at(p.offset + inText(value.at[Math.min(error.offset, value.at.length - 1)] ?? 0));
      record(
        p.piece,
        'syntax-error',
        `Syntax error in the text EXECUTE runs: ${error.message}.`,
        at.line,
        at.column,
      );
    }
  }
}

/**
 * Parses SQL a DO block runs and checks each statement, with `toFile` mapping offsets in `sql` to
 * the file. Returns the syntax error (offset in `sql`) when it does not parse.
 */
function runSql(
  parser: Parser,
  sql: string,
  toFile: (offset: number) => number,
  piece: number,
  run: Run,
  transaction: number,
): { message: string; offset: number } | undefined {
  const outcome = parser.parse(sql);
  if (!outcome.ok) return { message: outcome.message, offset: byteToCharOffset(sql, outcome.byteOffset) };
  for (const s of outcome.stmts) {
    const location = s.stmt_location ?? 0;
    const to = s.stmt_len ? byteToCharOffset(sql, location + s.stmt_len) : sql.length;
    // the parser's statement starts at the spaces before its first token
    let from = byteToCharOffset(sql, location);
    while (from < to && /\s/.test(sql[from]!)) from++;
    const byteBase = Buffer.byteLength(sql.slice(0, from));
    const source: Source = { text: sql.slice(from, to), byteBase, toFile: (offset) => toFile(from + offset) };
    run(s.stmt, piece, source, transaction);
  }
  return undefined;
}

/** A finding with its rule's severity, lock, reason and recipe. */
export function finding(file: string, id: string, message: string, line: number, column: number): Finding {
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
