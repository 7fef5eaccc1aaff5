// Bundles each action (and the command line) with ncc into dist/<name>/: minified, because start-up
// is most of a fast action's time (the source map and licenses keep it auditable); deterministic, so a
// rebuild is byte-identical and the drift test can compare. `node scripts/build.mjs [--out DIR] [names...]`.
// An action's bundle is dist/<action>/action.js, started by dist/<action>/index.js (a copy of
// scripts/action-entry.mjs) on a runner and loaded by the command line, dist/cli/index.js.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ACTIONS } from './actions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

/** Entry file of each bundle: one per folder under actions/ (scripts/actions.mjs), and the command line. */
export const bundles = {
  ...Object.fromEntries(ACTIONS.map((name) => [name, `actions/${name}/src/index.ts`])),
  cli: 'cli/index.ts',
};

/** Files ncc does not follow (WebAssembly loaded at run time) that a bundle needs beside it. */
export const assets = {
  'migration-lint': ['node_modules/libpg-query/wasm/libpg-query.wasm'],
};

async function buildOne(name, outRoot) {
  const out = join(outRoot, name);
  // Build beside the old bundle and swap it in, so a test running meanwhile never finds it missing.
  const fresh = `${out}.building`;
  rmSync(fresh, { recursive: true, force: true });
  const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  // No source-map-support register: loading it is about a quarter of a bundle's start-up. The map
  // still ships; `NODE_OPTIONS=--enable-source-maps` maps a stack trace when a bug is reported.
  const args = [
    ncc,
    'build',
    bundles[name],
    '-o',
    fresh,
    '-t',
    '-m',
    '--source-map',
    '--no-source-map-register',
  ];
  await run(process.execPath, [...args, '-q'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  stripSourcesContent(fresh);
  if (name !== 'cli') {
    renameBundle(fresh, 'action.js');
    copyFileSync(join(root, 'scripts', 'action-entry.mjs'), join(fresh, 'index.js'));
  }
  writeFileSync(join(fresh, 'licenses.txt'), licenses(fresh));
  // The action.yml files this bundle serves, parsed once here instead of at every start-up. The command
  // line's names every action: its list of actions (shared/metadata.ts `actionNames`).
  const served = name === 'cli' ? ACTIONS : [name];
  const metadata = Object.fromEntries(
    served.map((action) => [
      action,
      parse(readFileSync(join(root, 'actions', action, 'action.yml'), 'utf8')),
    ]),
  );
  writeFileSync(join(fresh, 'action-metadata.json'), `${JSON.stringify(metadata, null, 2)}\n`);
  for (const asset of assets[name] ?? [])
    copyFileSync(join(root, asset), join(fresh, asset.split('/').pop()));
  rmSync(out, { recursive: true, force: true });
  renameSync(fresh, out);
  return name;
}

/** Renames ncc's index.js (and its map) in `folder`; its chunks are found relative to it, by any name. */
function renameBundle(folder, file) {
  const code = readFileSync(join(folder, 'index.js'), 'utf8');
  const comment = '//# sourceMappingURL=index.js.map';
  if (!code.includes(comment)) throw new Error(`no ${comment} in ${folder}/index.js`);
  writeFileSync(join(folder, file), code.replace(comment, `//# sourceMappingURL=${file}.map`));
  const map = JSON.parse(readFileSync(join(folder, 'index.js.map'), 'utf8'));
  writeFileSync(join(folder, `${file}.map`), JSON.stringify({ ...map, file }));
  rmSync(join(folder, 'index.js'));
  rmSync(join(folder, 'index.js.map'));
}

/**
 * Drops the copies of the sources from the maps (11 of the 14 MB of maps): a map still turns a
 * stack trace into files and lines of this repository's sources and of the packages in
 * package-lock.json, which anyone auditing the bundle has at the same commit.
 */
function stripSourcesContent(folder) {
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.map'))) {
    const map = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    delete map.sourcesContent;
    writeFileSync(join(folder, file), JSON.stringify(map));
  }
}

/**
 * The licenses of every package whose code a bundle ships, main file and lazily loaded chunks alike
 * (ncc's own --license lists one chunk's only), read from the source maps; plus ncc, whose module
 * runtime is in every bundle. The format is ncc's: name, license id, license text.
 */
function licenses(folder) {
  const packages = new Set(['node_modules/@vercel/ncc']);
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.map')))
    for (const source of JSON.parse(readFileSync(join(folder, file), 'utf8')).sources) {
      const match = /(?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+(?=\/)/.exec(
        source,
      );
      if (match) packages.add(match[0]);
    }
  return [...packages]
    .map((dir) => {
      const meta = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      const file = readdirSync(join(root, dir)).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
      const text = file ? readFileSync(join(root, dir, file), 'utf8').trim() : '';
      return { name: meta.name, text: [meta.name, meta.license ?? 'UNKNOWN', text].join('\n') };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((entry) => `${entry.text}\n`)
    .join('\n');
}

export async function build(names = Object.keys(bundles), outRoot = join(root, 'dist')) {
  mkdirSync(outRoot, { recursive: true });
  const queue = [...names];
  const workers = Array.from({ length: 2 }, async () => {
    while (queue.length) {
      const name = queue.shift();
      if (!bundles[name])
        throw new Error(`unknown bundle ${name}; known: ${Object.keys(bundles).join(', ')}`);
      await buildOne(name, outRoot);
      console.log(`built dist/${name} (${readdirSync(join(outRoot, name)).length} files)`);
    }
  });
  await Promise.all(workers);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const outRoot = outAt >= 0 ? resolve(args.splice(outAt, 2)[1]) : join(root, 'dist');
  await build(args.length ? args : undefined, outRoot);
}
