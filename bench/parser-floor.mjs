// The parser's floor for bench/migrations.mjs: node starts, compiles and instantiates libpg-query's
// WebAssembly with the flags the action sets, and parses one statement (V8 compiles the grammar on
// its first call). No linting, git or output: what any run that parses SQL pays at least.
import v8 from 'node:v8';

v8.setFlagsFromString('--liftoff-only');
v8.setFlagsFromString('--wasm-lazy-validation');
const { loadModule, parseSync } = await import('libpg-query');
await loadModule();
parseSync('SELECT 1');
