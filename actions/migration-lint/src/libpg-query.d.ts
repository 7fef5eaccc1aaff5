/** libpg-query's Emscripten factory (the package's own wrapper loads it; parser.ts loads it directly). */
declare module 'libpg-query/wasm/libpg-query.js' {
  const createModule: (options: object) => Promise<unknown>;
  export default createModule;
}
