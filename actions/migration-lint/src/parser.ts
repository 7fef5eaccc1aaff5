import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
  /** Whether `sql` parses, without reading its tree into JavaScript (much cheaper for bulk data). */
  isValid(sql: string): boolean;
  /**
   * What a PL/pgSQL body (a DO block or function) executes, with body line numbers: static SQL
   * statements (`sql`), and the expressions whose value `EXECUTE` runs (`execute`).
   */
  plpgsqlStatements(doStatement: string): PlpgsqlStatement[] | { error: string };
}

export interface PlpgsqlStatement {
  kind: 'sql' | 'execute';
  query: string;
  lineno: number;
}

export interface ParserOptions {
  /**
   * Compile the parser with V8's baseline compiler only (`--liftoff-only`, `--wasm-lazy-validation`).
   * V8 tiers hot WebAssembly up with background compile jobs that a short-lived process pays for
   * and never profits from: the baseline code parses as fast here (measured on a 20 MB file). The
   * flags are process-wide, so only an entry point that owns its process (the action) sets them.
   */
  baselineOnly: boolean;
}

let loading: Promise<Parser> | undefined;

/** The part of the WebAssembly API used here (the compiler options here leave it untyped). */
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<object>;
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

/** The Emscripten module of libpg-query: its exports plus the heap helpers used here. */
interface PgModule {
  HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _wasm_parse_query_raw(sql: number): number;
  _wasm_free_parse_result(result: number): void;
  _wasm_parse_plpgsql(sql: number): number;
  _wasm_free_string(result: number): void;
  getValue(pointer: number, type: 'i32'): number;
}

let compiling: Promise<object> | undefined;
let emscripten: Promise<typeof import('libpg-query/wasm/libpg-query.js')> | undefined;
/** V8's defaults for the flags baselineOnly sets, with those `--liftoff-only` turns off. */
const DEFAULT_FLAGS = [
  '--no-liftoff-only',
  '--wasm-tier-up',
  '--wasm-dynamic-tiering',
  '--no-wasm-lazy-validation',
];

/**
 * Loads libpg-query's Emscripten loader and starts compiling the parser's WebAssembly, off the main
 * thread; call it early. The parser is not instantiated until loadParser, so a run with nothing to
 * parse pays only these. The first caller's options hold for the process.
 */
export function compileParser(options: ParserOptions = { baselineOnly: false }): Promise<object> {
  if (!compiling) {
    // libpg-query's Emscripten loader (a chunk, 45 KB) is compiled before any flag below is set: V8
    // refuses a code cache made under other flags than the process's own, so a chunk compiled while
    // they are set would be compiled afresh at every start.
    emscripten = import('libpg-query/wasm/libpg-query.js');
    compiling = emscripten.then(() => {
      if (options.baselineOnly) {
        v8.setFlagsFromString('--liftoff-only');
        // what --liftoff-only implies when given at start; set at run time, Node 24's V8 leaves them on
        v8.setFlagsFromString('--no-wasm-tier-up');
        v8.setFlagsFromString('--no-wasm-dynamic-tiering');
        // the .wasm ships beside the bundle: each function is validated when first compiled, not all up front
        v8.setFlagsFromString('--wasm-lazy-validation');
        // The bundle's loader (dist/<action>/load.js) writes a code cache at exit holding all the run
        // compiled: the flags go back to V8's defaults first (prepended, so before the loader's
        // listener; nothing is parsed after exit).
        process.prependOnceListener('exit', () => {
          for (const flag of DEFAULT_FLAGS) v8.setFlagsFromString(flag);
        });
      }
      return wasm.compile(withInitialMemoryToStackTop(readFileSync(wasmPath())));
    });
    emscripten.catch(() => {});
    compiling.catch(() => {}); // a failure is reported to loadParser's caller, if there is one
  }
  return compiling;
}

/**
 * Loads the WebAssembly parser (compiled by compileParser) and compiles its grammar. libpg-query's
 * own wrapper sits behind a dynamic import (a chunk the ESM loader fetches after a few event-loop
 * turns) and finds its .wasm by itself; here the Emscripten module gets the compiled .wasm (beside
 * the bundle, or in node_modules from the sources).
 */
export function loadParser(options: ParserOptions = { baselineOnly: false }): Promise<Parser> {
  loading ??= (async () => {
    const compiled = compileParser(options);
    const { default: createModule } = await emscripten!;
    // The Emscripten loader reads `__dirname`, which an ESM bundle lacks, before its first await.
    const scope = globalThis as { __dirname?: string };
    const borrowed = scope.__dirname === undefined;
    if (borrowed) scope.__dirname = here;
    let failed!: (error: unknown) => void;
    const failure = new Promise<never>((_, reject) => (failed = reject));
    let module: Promise<PgModule>;
    try {
      module = createModule({
        instantiateWasm(imports: object, receive: (instance: object) => void) {
          compiled.then((m) => wasm.instantiate(m, imports)).then(receive, failed);
          return {};
        },
      }) as Promise<PgModule>;
    } finally {
      if (borrowed) delete scope.__dirname;
    }
    const parser = makeParser(await Promise.race([module, failure]));
    // V8 compiles each WebAssembly function on its first call, and the first parse compiles the
    // grammar (one huge function, tens of ms): done here, while the caller may still wait for git.
    parser.parse('SELECT 1');
    return parser;
  })();
  return loading;
}

/**
 * libpg-query's build asks for 128 MB of memory up front, and V8 pays for the pages when it
 * instantiates the module (about half of instantiating it here). The module needs only what lies
 * below its stack's top (its data, then a 32 MB stack: 33 MB) and grows its heap on demand above that
 * (Emscripten's sbrk, up to the 1 GB maximum the build sets; a lint grows it once, to about 40 MB).
 * Lowers the declared initial size to the stack's top, in place and in the same number of bytes;
 * code and data are untouched, so the parse trees are the same. Any other layout is left unchanged.
 */
export function withInitialMemoryToStackTop(bytes: Uint8Array): Uint8Array {
  let at = 8; // after the magic number and version
  const leb = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80) || shift > 28) return value;
    }
  };
  let minimum: { at: number; length: number; pages: number } | undefined;
  let stackTop: number | undefined;
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 5 && leb() === 1) {
      at++; // flags: whether a maximum follows
      const start = at;
      const pages = leb();
      minimum = { at: start, length: at - start, pages };
    } else if (id === 6 && leb() > 0) {
      // Emscripten's first global is the stack pointer: a mutable i32 set by `i32.const <top>`
      const [type, mutable, opcode] = [bytes[at], bytes[at + 1], bytes[at + 2]];
      at += 3;
      const top = leb();
      if (type === 0x7f && mutable === 1 && opcode === 0x41 && bytes[at] === 0x0b && top < 2 ** 28)
        stackTop = top;
    }
    at = end;
  }
  if (!minimum || stackTop === undefined) return bytes;
  const pages = Math.ceil(stackTop / 65536);
  if (pages >= minimum.pages || pages >= 2 ** (7 * minimum.length)) return bytes;
  // the same number of bytes: a LEB128 may carry padding
  for (let k = 0; k < minimum.length; k++)
    bytes[minimum.at + k] = ((pages >> (7 * k)) & 0x7f) | (k < minimum.length - 1 ? 0x80 : 0);
  return bytes;
}

const here = dirname(fileURLToPath(import.meta.url));
const utf8 = new TextDecoder();
const utf8Encoder = new TextEncoder();

/** The bundle carries libpg-query.wasm beside it (scripts/build.mjs); the sources use node_modules. */
function wasmPath(): string {
  const beside = join(here, 'libpg-query.wasm');
  return existsSync(beside) ? beside : join(here, '../../../node_modules/libpg-query/wasm/libpg-query.wasm');
}

function makeParser(pg: PgModule): Parser {
  // one input buffer in WebAssembly memory, grown as needed: two calls into WebAssembly fewer per parse
  let input = 0;
  let capacity = 0;
  /** Calls `run` with `sql` as a NUL-terminated UTF-8 string in WebAssembly memory. */
  const withText = <T>(sql: string, run: (pointer: number) => T): T => {
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
  const readText = (pointer: number): string => {
    const heap = pg.HEAPU8;
    return utf8.decode(heap.subarray(pointer, heap.indexOf(0, pointer)));
  };
  const stringResult = (sql: string, call: (pointer: number) => number): string =>
    withText(sql, (pointer) => {
      const result = call(pointer);
      try {
        return readText(result);
      } finally {
        pg._wasm_free_string(result);
      }
    });
  /** Parses `sql`; `tree` says whether to read the parse tree (as JSON) or only whether it parsed. */
  const parse = (sql: string, tree: boolean): ParseOutcome =>
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
            if (!tree) return { ok: true, stmts: [] };
            const parsed = JSON.parse(readText(pg.getValue(result, 'i32'))) as { stmts?: RawStatement[] };
            return { ok: true, stmts: parsed.stmts ?? [] };
          } finally {
            pg._wasm_free_parse_result(result);
          }
        });
  return {
    parse: (sql) => parse(sql, true),
    isValid: (sql) => parse(sql, false).ok,
    plpgsqlStatements(doStatement) {
      const result = stringResult(doStatement, pg._wasm_parse_plpgsql);
      // success is always a JSON object; anything else is an error message
      if (!result.startsWith('{')) return { error: result };
      const found: PlpgsqlStatement[] = [];
      type Expr = { PLpgSQL_expr?: { query?: string } } | undefined;
      const visit = (value: unknown, lineno: number): void => {
        if (Array.isArray(value)) for (const item of value) visit(item, lineno);
        else if (value && typeof value === 'object') {
          const record = value as Record<string, unknown>;
          const line = typeof record.lineno === 'number' ? record.lineno : lineno;
          const exec = record.PLpgSQL_stmt_execsql as { sqlstmt?: Expr; lineno?: number } | undefined;
          const dynamic = record.PLpgSQL_stmt_dynexecute as { query?: Expr; lineno?: number } | undefined;
          const query = exec?.sqlstmt?.PLpgSQL_expr?.query;
          if (query) found.push({ kind: 'sql', query, lineno: exec!.lineno ?? line });
          const built = dynamic?.query?.PLpgSQL_expr?.query;
          if (built) found.push({ kind: 'execute', query: built, lineno: dynamic!.lineno ?? line });
          for (const child of Object.values(record)) visit(child, line);
        }
      };
      visit(JSON.parse(result), 1);
      return found;
    },
  };
}
