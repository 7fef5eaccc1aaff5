import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

/** A parse tree node: `{ NodeType: { ...fields } }`, as libpg-query's JSON gives it. */
export type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RawStatement {
  stmt: Node;
  /** UTF-8 byte offset of the statement in the parsed text (absent means 0). */
  stmt_location?: number;
  stmt_len?: number;
}

export type ParseOutcome =
  | { ok: true; stmts: RawStatement[] }
  | {
      ok: false;
      message: string;
      /** UTF-8 byte offset of the error in the parsed text. */ byteOffset: number;
    };

/** PostgreSQL's own parser (libpg-query, WebAssembly), loaded once. */
export interface Parser {
  parse(sql: string): ParseOutcome;
  /** Whether `sql` parses, without building its tree in JavaScript (much cheaper for bulk data). */
  isValid(sql: string): boolean;
  /** SQL statements executed by a PL/pgSQL body (a DO block or function), with their body line numbers. */
  plpgsqlStatements(doStatement: string): { query: string; lineno: number }[] | { error: string };
}

let loading: Promise<Parser> | undefined;

/**
 * Loads the WebAssembly parser. Its Emscripten loader finds `libpg-query.wasm` beside `__dirname`,
 * which an ESM bundle lacks: for the duration of the import, `__dirname` is the bundle's folder
 * (dist/<name>/, where the build copies the .wasm). Under jest the CommonJS build has its own.
 */
export function loadParser(): Promise<Parser> {
  loading ??= (async () => {
    // V8 tiers hot WebAssembly up with background compile jobs, and node waits for all of them before
    // it exits: 2-4 s of nothing after every run on a busy 2-core runner. The baseline compiler
    // alone parses as fast here (measured on a 20 MB file), so tier-up is turned off.
    // (Process-wide, so not inside jest, whose workers run other WebAssembly too.)
    if (!process.env.JEST_WORKER_ID) v8.setFlagsFromString('--liftoff-only');
    const scope = globalThis as { __dirname?: string };
    const borrowed = scope.__dirname === undefined;
    if (borrowed) scope.__dirname = dirname(fileURLToPath(import.meta.url));
    try {
      const pg = await import('libpg-query');
      await pg.loadModule();
      return makeParser(pg);
    } finally {
      if (borrowed) delete scope.__dirname;
    }
  })();
  return loading;
}

function makeParser(pg: typeof import('libpg-query')): Parser {
  return {
    parse(sql) {
      try {
        return { ok: true, stmts: (pg.parseSync(sql) as { stmts?: RawStatement[] }).stmts ?? [] };
      } catch (error) {
        const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
        return { ok: false, message: (error as Error).message, byteOffset: details?.cursorPosition ?? 0 };
      }
    },
    isValid(sql) {
      try {
        pg.fingerprintSync(sql);
        return true;
      } catch {
        return false;
      }
    },
    plpgsqlStatements(doStatement) {
      let tree: unknown;
      try {
        tree = pg.parsePlPgSQLSync(doStatement);
      } catch (error) {
        return { error: (error as Error).message };
      }
      const found: { query: string; lineno: number }[] = [];
      const visit = (value: unknown, lineno: number): void => {
        if (Array.isArray(value)) for (const item of value) visit(item, lineno);
        else if (value && typeof value === 'object') {
          const record = value as Record<string, unknown>;
          const line = typeof record.lineno === 'number' ? record.lineno : lineno;
          const exec = record.PLpgSQL_stmt_execsql as { sqlstmt?: { PLpgSQL_expr?: { query?: string } } };
          const query = exec?.sqlstmt?.PLpgSQL_expr?.query;
          if (query) found.push({ query, lineno: (exec as { lineno?: number }).lineno ?? line });
          for (const child of Object.values(record)) visit(child, line);
        }
      };
      visit(tree, 1);
      return found;
    },
  };
}
