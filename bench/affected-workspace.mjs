// The generated workspaces of `npm run bench:affected` and bench/affected-profile.mjs: an npm (and pnpm,
// turbo, Nx) workspace of `size` packages, a random dependency DAG of about 3 deps each, CHANGED packages
// changed on a branch, objects packed as in a clone. Deterministic: every run measures the same repository.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peerBin, root } from './lib.mjs';

export const CHANGED = 5;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same repositories. */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export const git = (cwd, args) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@b',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@b',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
    maxBuffer: 256 * 1024 * 1024,
  });

/**
 * The repository of `size` packages with its expected affected set. With BENCH_AFFECTED_CACHE set, a
 * repository built there before is reused (building 50,000 packages takes minutes) and kept: `cached`
 * tells the caller not to remove it.
 */
export function workspace(size) {
  const cache = process.env.BENCH_AFFECTED_CACHE;
  if (!cache) return { ...generate(size), cached: false };
  const dir = join(cache, String(size));
  const expected = `${dir}.expected.json`; // beside the repository, not in its working tree
  if (!existsSync(expected)) {
    mkdirSync(cache, { recursive: true });
    const built = generate(size);
    execFileSync('rm', ['-rf', dir]);
    execFileSync('mv', [built.dir, dir]);
    writeFileSync(expected, JSON.stringify(built.expected));
  }
  lendPeers(dir); // again: the checkout that built the cache may be gone, leaving Nx a dangling link
  return { dir, expected: JSON.parse(readFileSync(expected, 'utf8')), cached: true };
}

/** Builds the repository and returns it with the expected affected set. */
export function generate(size) {
  const random = prng(size);
  const dir = mkdtempSync(join(tmpdir(), `trunk-bench-affected-${size}-`));
  const name = (i) => `pkg-${String(i).padStart(5, '0')}`;
  const deps = [];
  for (let i = 0; i < size; i++) {
    const mine = new Set();
    for (let k = 0; k < 3 && i > 0; k++) mine.add(Math.floor(random() * i)); // only earlier packages: a DAG
    deps.push([...mine]);
  }
  for (let i = 0; i < size; i++) {
    const folder = join(dir, 'packages', name(i));
    mkdirSync(join(folder, 'src'), { recursive: true });
    const dependencies = Object.fromEntries(deps[i].map((d) => [name(d), '^1.0.0']));
    writeFileSync(
      join(folder, 'package.json'),
      JSON.stringify({ name: name(i), version: '1.0.0', dependencies }, null, 2),
    );
    writeFileSync(join(folder, 'src', 'index.js'), `export const id = ${i};\n`);
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name: 'bench-root', private: true, workspaces: ['packages/*'], packageManager: 'npm@10.9.0' },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
  writeFileSync(
    join(dir, 'turbo.json'),
    JSON.stringify({ $schema: 'https://turbo.build/schema.json', tasks: { build: {} } }),
  );
  writeFileSync(
    join(dir, 'nx.json'),
    JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json' }),
  );
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n.nx\n');
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'init']);
  git(dir, ['checkout', '-q', '-b', 'feature']);

  const changed = new Set();
  while (changed.size < Math.min(CHANGED, size)) changed.add(Math.floor(random() * size));
  for (const i of changed)
    writeFileSync(join(dir, 'packages', name(i), 'src', 'index.js'), `export const id = ${i} + 1;\n`);
  git(dir, ['commit', '-q', '-am', 'change 5 packages']);
  // A runner's checkout is a packed clone; fresh commits leave loose objects that are slower to read.
  git(dir, ['repack', '-adq']);

  const dependents = new Map();
  deps.forEach((list, i) => list.forEach((d) => dependents.set(d, [...(dependents.get(d) ?? []), i])));
  const truth = new Set(changed);
  const queue = [...changed];
  while (queue.length)
    for (const next of dependents.get(queue.shift()) ?? [])
      if (!truth.has(next) && (truth.add(next), true)) queue.push(next);
  lendPeers(dir);
  return { dir, expected: [...truth].map(name).sort() };
}

/** Nx runs only from a workspace that has it installed: lend it this checkout's peers (ignored by git). */
function lendPeers(dir) {
  if (!peerBin('nx')) return;
  rmSync(join(dir, 'node_modules'), { force: true });
  symlinkSync(join(root, '.bench-peers', 'node_modules'), join(dir, 'node_modules'));
}

/**
 * The floor of one run, as a shell script: the git calls the work cannot avoid (resolve both
 * revisions, their merge-base, the diff, the head's file list, every manifest in one cat-file, its
 * blob ids listed beforehand into `blobsFile`), after a bare `node` printing one line.
 */
export function floorScript(dir, blobsFile) {
  const blobs = execFileSync('git', ['ls-tree', '-r', 'HEAD'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
    .split('\n')
    .filter((l) => l.endsWith('/package.json') || l.endsWith('\tpackage.json'))
    .map((l) => l.split(/\s+/)[2]);
  writeFileSync(blobsFile, `${blobs.join('\n')}\n`);
  const git = [
    'git rev-parse --verify main^{commit} HEAD^{commit} >/dev/null',
    'git merge-base main HEAD >/dev/null',
    'git diff --name-status -z -M main HEAD >/dev/null',
    'git ls-tree -r -z --full-tree HEAD >/dev/null',
    `git cat-file --batch < ${blobsFile} >/dev/null`,
  ].join('; ');
  return { git, withNode: `${process.execPath} -e 'console.log(0)'; ${git}` };
}
