// The parser's floor for bench/migrations.mjs: node starts, compiles and instantiates libpg-query's
// WebAssembly as the action does (its V8 flags, the initial memory lowered to the stack's top, the
// Emscripten factory given the compiled module) and parses one statement (V8 compiles the grammar on
// its first call). No linting, git or output: what any run that parses SQL pays at least.
// `node bench/parser-floor.mjs --phases` prints how long each step took.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import v8 from 'node:v8';

const started = performance.now();
const steps = [];
const step = (name) => steps.push([name, performance.now()]);
v8.setFlagsFromString('--liftoff-only');
v8.setFlagsFromString('--no-wasm-tier-up');
v8.setFlagsFromString('--no-wasm-dynamic-tiering');
v8.setFlagsFromString('--wasm-lazy-validation');
const wasmFile = createRequire(import.meta.url).resolve('libpg-query/wasm/libpg-query.wasm');
const bytes = readFileSync(wasmFile);
lowerInitialMemory(bytes);
const compiled = await WebAssembly.compile(bytes);
step('compile (lazy: validation and code on first call)');
const { default: createModule } = await import('libpg-query/wasm/libpg-query.js');
step('load the Emscripten glue');
globalThis.__dirname = dirname(wasmFile);
const pg = await createModule({
  instantiateWasm(imports, receive) {
    WebAssembly.instantiate(compiled, imports).then(receive);
    return {};
  },
});
step('instantiate, Emscripten runtime');
const sql = pg._malloc(16);
pg.HEAPU8.set(Buffer.from('SELECT 1\0'), sql);
pg._wasm_free_parse_result(pg._wasm_parse_query_raw(sql));
step('first parse (V8 compiles the grammar)');
if (process.argv.includes('--phases')) {
  let last = started;
  for (const [name, at] of steps) {
    console.log(`${(at - last).toFixed(1).padStart(6)} ms  ${name}`);
    last = at;
  }
  console.log(`${performance.now().toFixed(1).padStart(6)} ms  since node started`);
}

/** As the action's parser does (withInitialMemoryToStackTop): memory up to the stack's top only. */
function lowerInitialMemory(wasm) {
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
  };
  let minimum;
  let stackTop;
  while (at < wasm.length) {
    const id = wasm[at++];
    const end = leb() + at;
    if (id === 5 && leb() === 1) {
      const start = ++at;
      minimum = { start, pages: leb(), length: at - start };
    } else if (id === 6 && leb() > 0 && wasm[at] === 0x7f && wasm[at + 1] === 1 && wasm[at + 2] === 0x41) {
      at += 3;
      stackTop = leb();
    }
    at = end;
  }
  const pages = Math.ceil(stackTop / 65536);
  if (!minimum || !(pages < minimum.pages))
    throw new Error('libpg-query.wasm: not the memory layout expected');
  for (let k = 0; k < minimum.length; k++)
    wasm[minimum.start + k] = ((pages >> (7 * k)) & 0x7f) | (k < minimum.length - 1 ? 0x80 : 0);
}
