// The loader each action's bundle starts through (scripts/action-loader.cjs, dist/<action>/load.js): it
// keeps a V8 code cache in a folder of the runner's tool cache. A cache is code, so it is read and
// written only in a folder this user owns that no one else can write, never through a link, and a
// damaged cache is replaced, never trusted.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/harness.js';

const HASH = 'ab'.repeat(32);
let work: string;
let bundle: string;
let toolCache: string;
let cacheFolder: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'trunk-loader-'));
  bundle = join(work, 'bundle');
  toolCache = join(work, 'tool-cache');
  cacheFolder = join(toolCache, 'trunk-actions-compile-cache');
  mkdirSync(bundle);
  const loader = readFileSync(join(repoRoot, 'scripts', 'action-loader.cjs'), 'utf8');
  writeFileSync(join(bundle, 'load.js'), loader.replace("'set by scripts/build.mjs'", `'${HASH}'`));
  writeFileSync(join(bundle, 'package.json'), '{"type":"commonjs"}\n');
  writeFileSync(
    join(bundle, 'action.js'),
    'const answer = (n) => n * 6;\nexports.default = { answer: answer(7), file: __filename };\n',
  );
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Loads the bundle in a fresh node as index.js does; returns what the bundle exported. */
function load(): { answer: number; file: string } {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const out = execFileSync(
    process.execPath,
    [
      '-e',
      `process.stdout.write(JSON.stringify(require(${JSON.stringify(join(bundle, 'load.js'))}).load()))`,
    ],
    { env: { ...env, RUNNER_TOOL_CACHE: toolCache }, encoding: 'utf8' },
  );
  return JSON.parse(out) as { answer: number; file: string };
}

const cacheFiles = () => readdirSync(cacheFolder).filter((name) => name.startsWith(HASH.slice(0, 32)));

test('the first run writes a cache only its user can read, and the next run keeps it', () => {
  expect(load()).toEqual({ answer: 42, file: join(bundle, 'action.js') });
  const [name] = cacheFiles();
  expect(cacheFiles()).toHaveLength(1);
  const cache = join(cacheFolder, name!);
  expect(lstatSync(cacheFolder).mode & 0o777).toBe(0o700);
  expect(lstatSync(cache).mode & 0o777).toBe(0o600);
  const written = readFileSync(cache);
  expect(written.length).toBeGreaterThan(0);
  expect(load().answer).toBe(42);
  expect(readFileSync(cache).equals(written)).toBe(true);
});

test('a damaged cache is refused by V8 and replaced, and the bundle still runs', () => {
  load();
  const cache = join(cacheFolder, cacheFiles()[0]!);
  const good = readFileSync(cache);
  writeFileSync(cache, Buffer.alloc(good.length, 7));
  expect(load().answer).toBe(42);
  const replaced = readFileSync(cache);
  expect(replaced.equals(Buffer.alloc(good.length, 7))).toBe(false);
  expect(load().answer).toBe(42);
  expect(readFileSync(cache).equals(replaced)).toBe(true);
});

test('a cache folder others can write is neither read nor written', () => {
  load();
  const cache = join(cacheFolder, cacheFiles()[0]!);
  const planted = Buffer.from('planted by someone else');
  writeFileSync(cache, planted);
  chmodSync(cacheFolder, 0o777);
  expect(load().answer).toBe(42);
  // Read, it would have been refused and replaced (the test above): it is left as it was.
  expect(readFileSync(cache).equals(planted)).toBe(true);
  expect(cacheFiles()).toHaveLength(1);
});

test('a link where the cache belongs is not followed: the file it points to is left alone', () => {
  load();
  const cache = join(cacheFolder, cacheFiles()[0]!);
  rmSync(cache);
  const precious = join(work, 'precious');
  writeFileSync(precious, 'not a cache');
  symlinkSync(precious, cache);
  expect(load().answer).toBe(42);
  expect(readFileSync(precious, 'utf8')).toBe('not a cache');
  expect(lstatSync(cache).isFile()).toBe(true);
});

test('a chunk the bundle loads later gets a cache of its own, written after the run', () => {
  // As ncc's runtime loads a lazily loaded chunk: require('./<id>.index.js') from the bundle.
  writeFileSync(join(bundle, '7.index.js'), 'exports.six = () => 6;\n');
  writeFileSync(
    join(bundle, 'action.js'),
    "exports.default = { answer: require('./7.index.js').six() * 7, file: __filename };\n",
  );
  expect(load().answer).toBe(42);
  const chunkCache = cacheFiles().filter((name) => name.includes('-7.index.js-'));
  expect(cacheFiles()).toHaveLength(2);
  expect(chunkCache).toHaveLength(1);
  const written = readFileSync(join(cacheFolder, chunkCache[0]!));
  expect(written.length).toBeGreaterThan(0);
  expect(load().answer).toBe(42);
  expect(readFileSync(join(cacheFolder, chunkCache[0]!)).equals(written)).toBe(true);
});

test('a run that stops early keeps its cache apart until a run that does its work writes the full one', () => {
  // As the runner ends a step: exit code 2 or 3 when it stopped early (an input to fix, a bug).
  writeFileSync(
    join(bundle, 'action.js'),
    'process.exitCode = Number(process.env.STEP_EXIT);\nexports.default = { answer: 42, file: __filename };\n',
  );
  const run = (exit: number) => {
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const child = spawnSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(join(bundle, 'load.js'))}).load()`],
      { env: { ...env, RUNNER_TOOL_CACHE: toolCache, STEP_EXIT: String(exit) } },
    );
    expect(child.status).toBe(exit);
  };
  const early = () => cacheFiles().filter((name) => name.endsWith('-early'));
  run(2);
  expect(cacheFiles()).toHaveLength(1);
  expect(early()).toHaveLength(1);
  const kept = readFileSync(join(cacheFolder, early()[0]!));
  run(3);
  expect(readFileSync(join(cacheFolder, early()[0]!)).equals(kept)).toBe(true);
  run(1);
  expect(early()).toHaveLength(0);
  expect(cacheFiles()).toHaveLength(1);
  const full = join(cacheFolder, cacheFiles()[0]!);
  const written = readFileSync(full);
  run(2);
  run(0);
  expect(cacheFiles()).toEqual([full.slice(cacheFolder.length + 1)]);
  expect(readFileSync(full).equals(written)).toBe(true);
});
