import { loadModule, parseSync } from 'libpg-query';
import { loadParser, withInitialMemoryToStackTop } from '../../actions/migration-lint/src/parser.js';

/** A module with one memory (`pages` at first, at most 16384) and, first, a mutable i32 global. */
function module(pages: number[], stackTop?: number[]): Uint8Array {
  const memory = [0x05, 2 + pages.length + 3, 0x01, 0x01, ...pages, 0x80, 0x80, 0x01];
  const global = stackTop ? [0x06, 5 + stackTop.length, 0x01, 0x7f, 0x01, 0x41, ...stackTop, 0x0b] : [];
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...memory, ...global]);
}
// the compiler options here leave WebAssembly untyped
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } };
/** The module's initial pages: a two-byte LEB128 after the header, section id, size, count and flags. */
const initialPages = (bytes: Uint8Array) => (bytes[12]! & 0x7f) + (bytes[13]! & 0x7f) * 128;

describe('the initial memory of the parser WebAssembly', () => {
  test('is lowered to the pages below the stack top, in the same bytes, and the module stays valid', () => {
    // 2048 pages (0x80 0x10), the stack pointer starting at 34,515,008 (527 pages, rounded up)
    const original = module([0x80, 0x10], [0xc0, 0xd0, 0xba, 0x10]);
    const lowered = withInitialMemoryToStackTop(original.slice());
    expect(lowered.length).toBe(original.length);
    expect(initialPages(original)).toBe(2048);
    expect(initialPages(lowered)).toBe(527);
    expect(wasm.validate(original)).toBe(true);
    expect(wasm.validate(lowered)).toBe(true);
  });

  test('is left alone without a stack pointer, or when it is already below the stack top', () => {
    const noGlobal = module([0x80, 0x10]);
    expect(withInitialMemoryToStackTop(noGlobal.slice())).toEqual(noGlobal);
    const small = module([0x10, 0x00], [0xc0, 0xd0, 0xba, 0x10]); // 16 pages, padded
    expect(withInitialMemoryToStackTop(small.slice())).toEqual(small);
  });

  test("parses as libpg-query's own loader does, also where the heap grows past the initial memory", async () => {
    await loadModule();
    const parser = await loadParser();
    const table = (n: number) =>
      `CREATE TABLE t${n} (id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'x', CHECK (length(name) < ${n}));\n` +
      `ALTER TABLE t${n} ADD COLUMN c int REFERENCES t0 (id) ON DELETE CASCADE;\n`;
    // the heap starts above the stack's top, past the initial memory: every parse grows the memory,
    // a batch of 90 KB of DDL grows it further
    const big = Array.from({ length: 500 }, (_, n) => table(n)).join('');
    for (const sql of ['SELECT 1', table(1), "DO $$ BEGIN RAISE NOTICE 'é'; END $$;", big]) {
      const ours = parser.parse(sql);
      expect(ours.ok).toBe(true);
      expect(ours.ok && ours.stmts).toEqual(parseSync(sql).stmts);
    }
  });
});
