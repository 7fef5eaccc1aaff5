// dist/<action>/load.js: `npm run bundle` copies it beside each action's bundle, action.js, with
// BUNDLE_HASH set to that bundle's SHA-256. Its `load` returns the bundle; dist/<action>/index.js (the
// file a runner starts, scripts/action-entry.cjs) and the command line call it.
//
// It compiles action.js with a V8 code cache of its own, in a folder under the runner's tool cache
// (else the OS temp folder), written at the end of the first run: Node's compile cache
// (module.enableCompileCache, Node 22+) keeps only the code compiled before the bundle runs, and V8
// compiles a function when it is first called, so most of what runs before the first output was
// compiled again at every start; a cache made after the run holds it all, on Node 20 too. V8 checks a
// cache's version, flags and checksum but of the source only its length: the name carries the hash.
// Measured in bench/results.md.
const { enableCompileCache, createRequire } = require('node:module');
const { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE_HASH = '83b098a1ea9036541a5789d1cae8b5b1b1ce4779479fb0cebe4f9b6b69da079f';

function load() {
  // Node maps stack traces through action.js.map for what require loads, not for a vm.Script.
  if (process.sourceMapsEnabled) return require('./action.js').default;
  const file = join(__dirname, 'action.js');
  const folder = join(process.env.RUNNER_TOOL_CACHE || tmpdir(), 'trunk-actions-compile-cache');
  const cacheable = ownFolder(folder);
  // The lazily loaded chunks go through require: Node's cache serves them (a no-op on Node 20).
  if (cacheable) enableCompileCache?.(folder);
  // A cache also fixes the file name that stack traces show: one per bundle, V8 and place.
  const place = `${process.versions.v8}-${process.arch}-${fnv1a(file)}`;
  const cacheFile = join(folder, `${BUNDLE_HASH.slice(0, 32)}-${place}`);
  const cachedData = cacheable ? readOwnFile(cacheFile) : undefined;
  // The module wrapper on a line of its own, numbered -1, so stack traces keep their lines and columns.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {\n${readFileSync(file, 'utf8')}\n})`,
    {
      filename: file,
      lineOffset: -1,
      cachedData,
    },
  );
  // None yet: written at exit, holding everything the run compiled. One refused (an action that set a
  // V8 flag while it ran, as migration-lint does, makes its exit-time cache unusable): written now,
  // holding what loading compiled.
  const save = () => writeOwnFile(cacheFile, script.createCachedData());
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, __dirname);
  if (!cacheable) return bundle.exports.default;
  if (!cachedData) process.once('exit', save);
  else if (script.cachedDataRejected) save();
  return bundle.exports.default;
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

/** Writes the cache whole or not at all, through a new file (never an existing one or a link); a folder that cannot be written only means no cache. */
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
