// dist/<action>/load.js: `npm run bundle` copies it beside each action's bundle, action.js, with
// BUNDLE_HASH set to the SHA-256 of the bundle's code (action.js and its chunks). Its `load` returns
// the bundle; dist/<action>/index.js (the file a runner starts, scripts/action-entry.cjs) and the
// command line call it.
//
// It compiles action.js, and the chunks the bundle loads later (`<id>.index.js`: zod, YAML, the GitHub
// client...), with a V8 code cache of its own, in a folder under the runner's tool cache (else the OS
// temp folder), written at the end of the first run that does its work (exit code 0 or 1; a run that
// stops early keeps a cache of its own until then): V8 compiles a function when it is first called,
// so a cache made when a file is compiled (Node's compile cache) misses most of what runs; one made
// after the run holds it all, on Node 20 too. V8 checks a cache's version, flags and checksum but of
// the source only its length: the names carry the hash of the bundle's files. Measured in
// bench/results-startup.md.
const { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE_HASH = '66ffbe9a205a4a72b7b1e22e0c517b401945da82ddcd7768f7d48e6a05278eb9';

function load() {
  // Node maps stack traces through action.js.map for what require loads, not for a vm.Script.
  if (process.sourceMapsEnabled) return require('./action.js').default;
  const folder = join(process.env.RUNNER_TOOL_CACHE || tmpdir(), 'trunk-actions-compile-cache');
  const cacheable = ownFolder(folder);
  // A cache also fixes the file name that stack traces show: one per file, V8 and place.
  const place = `${process.versions.v8}-${process.arch}-${fnv1a(__dirname)}`;
  const loaded = new Map();
  // The bundle loads a chunk with require('./<id>.index.js'), and builtins: this file's `require`
  // (beside action.js, so it resolves as the bundle's own would; `node:module` costs 1.5 to 2 ms of
  // CPU to load on Node 20, for a createRequire).
  const bundleRequire = (id) => (/^\.\/\d+\.index\.js$/.test(id) ? compile(id.slice(2)) : require(id));
  const compile = (name) => {
    if (loaded.has(name)) return loaded.get(name);
    const file = join(__dirname, name);
    const cacheFile = join(folder, `${BUNDLE_HASH.slice(0, 32)}-${name}-${place}`);
    // A run that stopped early (exit code 2 or 3: an input to fix, a bug) compiled little of what a
    // run doing its work calls: its cache is kept apart, and used until such a run (0 or 1) ends.
    const earlyFile = `${cacheFile}-early`;
    const full = cacheable ? readOwnFile(cacheFile) : undefined;
    const cachedData = full ?? (cacheable ? readOwnFile(earlyFile) : undefined);
    // The module wrapper on a line of its own, numbered -1, so stack traces keep their lines and columns.
    const script = new Script(
      `(function (exports, require, module, __filename, __dirname) {\n${readFileSync(file, 'utf8')}\n})`,
      { filename: file, lineOffset: -1, cachedData },
    );
    const module = { exports: {} };
    script.runInThisContext()(module.exports, bundleRequire, module, file, __dirname);
    loaded.set(name, module.exports);
    if (!cacheable) return module.exports;
    // None yet: written at exit, holding everything the run compiled. One refused (V8 takes a cache
    // only under the flags it was made with: an action must put back any flag it set before it
    // exits, as migration-lint's parser does): written now, holding what loading compiled.
    const save = (file) => writeOwnFile(file, script.createCachedData());
    if (cachedData && script.cachedDataRejected) save(full ? cacheFile : earlyFile);
    else if (!full)
      process.once('exit', (code) => {
        if (code <= 1) {
          save(cacheFile);
          if (cachedData) rmSync(earlyFile, { force: true });
        } else if (!cachedData) save(earlyFile);
      });
    return module.exports;
  };
  return compile('action.js').default;
}

/** A 32-bit FNV-1a hash, in hex: a short name for a path (crypto is not loaded for it). */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The cache folder, if it is a real folder this user owns that no one else can write: a cache is
 * code, and the OS temp folder is shared (another user could plant a cache or a link to write through).
 */
function ownFolder(folder) {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    const owner = process.getuid?.();
    if (!stat.isDirectory() || (owner !== undefined && stat.uid !== owner) || stat.mode & 0o022) return false;
    return true;
  } catch {
    return false;
  }
}

/** The file's bytes if this user owns it and it is a regular file, not a link. */
function readOwnFile(file) {
  try {
    const owner = process.getuid?.();
    const stat = lstatSync(file);
    if (!stat.isFile() || (owner !== undefined && stat.uid !== owner)) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache whole or not at all, through a new file (never an existing one or a link); a
 * folder that cannot be written only means no cache.
 */
function writeOwnFile(file, data) {
  const partial = `${file}.${process.pid}`;
  try {
    writeFileSync(partial, data, { mode: 0o600, flag: 'wx' });
    renameSync(partial, file);
  } catch {
    rmSync(partial, { force: true });
  }
}

module.exports = { load };
