// Bundles each action (and the command line) with ncc into dist/<name>/: minified, because start-up
// is most of a fast action's time (the source map and licenses keep it auditable); deterministic, so a
// rebuild is byte-identical and the drift test can compare. `node scripts/build.mjs [--out DIR] [names...]`.
// An action's bundle is dist/<action>/action.js, loaded by dist/<action>/load.js (scripts/action-loader.cjs
// with the bundle's hash) for dist/<action>/index.js, which a runner starts, and for the command line.
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
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { ACTIONS } from './actions.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = createRequire(import.meta.url)('@vercel/ncc');
const swc = createRequire(import.meta.url)('@swc/core');

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
  mkdirSync(fresh, { recursive: true });
  // CommonJS output (ncc picks ESM from "type": "module" unless told): Node 20 starts a CommonJS file
  // about 9 ms faster than an ES module, and ncc still bundles the ESM-only packages (webpack reads
  // ESM). In a CommonJS bundle `import.meta.url` is the bundle file's own URL (ncc defines it so).
  // No source-map-support register: loading it is about a quarter of a bundle's start-up. The map
  // still ships; `NODE_OPTIONS=--enable-source-maps` maps a stack trace when a bug is reported.
  const {
    code,
    map,
    assets: emitted,
  } = await ncc(join(root, bundles[name]), {
    esm: false,
    minify: true,
    sourceMap: true,
    sourceMapRegister: false,
    transpileOnly: true,
    cache: false,
    quiet: true,
  });
  const main = name === 'cli' ? 'index.js' : 'action.js';
  writeFileSync(
    join(fresh, main),
    code.replace('//# sourceMappingURL=index.js.map', `//# sourceMappingURL=${main}.map`),
    {
      mode: code.startsWith('#!') ? 0o755 : 0o644,
    },
  );
  writeFileSync(join(fresh, `${main}.map`), JSON.stringify({ ...JSON.parse(map), file: main }));
  // Lazily loaded chunks come with their maps; index.js.map is the main file's, written above.
  const chunks = Object.keys(emitted).filter((file) => file.endsWith('.js') && emitted[`${file}.map`]);
  for (const file of chunks) {
    const { code: min, map: minMap } = minifyChunk(
      file,
      `${emitted[file].source}`,
      `${emitted[`${file}.map`].source}`,
    );
    writeFileSync(join(fresh, file), `${min}\n//# sourceMappingURL=${file}.map\n`);
    writeFileSync(join(fresh, `${file}.map`), minMap);
  }
  for (const [file, asset] of Object.entries(emitted))
    if (file !== 'index.js.map' && !chunks.includes(file.replace(/\.map$/, '')))
      writeFileSync(join(fresh, file), asset.source);
  // The repository's package.json says "type": "module"; this folder's files are CommonJS.
  writeFileSync(join(fresh, 'package.json'), '{"type":"commonjs"}\n');
  stripSourcesContent(fresh);
  if (name !== 'cli') {
    const loader = readFileSync(join(root, 'scripts', 'action-loader.cjs'), 'utf8');
    // Over every file load.js compiles with a cache: the bundle and its chunks.
    const hash = createHash('sha256');
    for (const file of ['action.js', ...[...chunks].sort()]) hash.update(readFileSync(join(fresh, file)));
    writeFileSync(
      join(fresh, 'load.js'),
      loader.replace("'set by scripts/build.mjs'", `'${hash.digest('hex')}'`),
    );
    copyFileSync(join(root, 'scripts', 'action-entry.cjs'), join(fresh, 'index.js'));
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

/**
 * A lazily loaded chunk (`NNN.index.js`), minified: ncc minifies only the main file, and the chunks
 * are what a run loads later (zod, YAML, the GitHub client, the SQL parser's loader), cold on a
 * hosted runner. ncc's own mangling (class and function names kept), plus compression, which drops
 * the exports webpack marked unused: zod's chunk 281 -> 31 KB, YAML's 293 -> 117 KB. The map is
 * composed with ncc's, so it still points into the sources.
 */
function minifyChunk(file, code, map) {
  return swc.transformSync(code, {
    filename: file,
    inputSourceMap: map,
    sourceMaps: true,
    minify: true,
    isModule: false,
    swcrc: false,
    configFile: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'ecmascript' },
      minify: {
        compress: true,
        mangle: { keep_classnames: true, keep_fnames: true },
        keep_classnames: true,
        keep_fnames: true,
      },
    },
  });
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
