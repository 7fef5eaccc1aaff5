// Start-up cost of each bundle: time from process start to its first byte of output, beside bare
// `node -e 'console.log(0)'` (the floor) measured in the same rounds, and the bundle's size. Start-up
// is most of the time of a fast action.
//   node bench/startup.mjs                      writes bench/results-startup.md
//   node bench/startup.mjs --compare DIR        also times the bundles in DIR (another dist/) side by side
//   node bench/startup.mjs --node PATH          times them under another node binary
//   node bench/startup.mjs --cpu                CPU time to the first output instead of wall time
//   node bench/startup.mjs --cold               every start with an empty compile cache (a hosted runner's)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIONS } from '../scripts/actions.mjs';
import { fmtMs, root } from './lib.mjs';

export const BUNDLES = [...ACTIONS, 'cli'];
const RUNS = 15;
const NOTES = '<!-- startup-notes -->';

/**
 * Milliseconds from spawning `node args` to its first byte on stdout or stderr; with `cpuLog`, the CPU
 * milliseconds the process spent until then instead (bench/first-output.cjs writes them there).
 */
function firstOutput(node, args, env, cpuLog) {
  if (cpuLog) {
    const preload = ['-r', join(root, 'bench', 'first-output.cjs')];
    return firstOutput(node, [...preload, ...args], { ...env, FIRST_OUTPUT_LOG: cpuLog }).then(() => {
      const ms = Number(readFileSync(cpuLog, 'utf8').trim().split('\n')[0]);
      rmSync(cpuLog);
      return ms;
    });
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let first;
    const child = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const mark = () => (first ??= Number(process.hrtime.bigint() - started) / 1e6);
    child.stdout.on('data', mark);
    child.stderr.on('data', mark);
    child.on('error', reject);
    child.on('close', () => resolve(first ?? Number(process.hrtime.bigint() - started) / 1e6));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sizeOf = (dir) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

/** How a bundle is started: the actions with no inputs (they read them, then say what is missing). */
const argsOf = (dist, name) =>
  name === 'cli' ? [join(dist, 'cli', 'index.js'), '--help'] : [join(dist, name, 'index.js')];

/**
 * Times every bundle of every `dists` entry ({ label, dir }) and the floor side by side: each round
 * starts each of them once, so load on this shared machine falls on all alike. With `cpu`, the times
 * are CPU milliseconds until the first output rather than wall time. Returns the floor's
 * median and one row per bundle: median, median minus the floor's, and median over it.
 */
export async function measureStartup({
  dists = [{ label: '', dir: join(root, 'dist') }],
  bundles = BUNDLES,
  node = process.execPath,
  runs = RUNS,
  env: extraEnv = {},
  cpu = false,
  cold = false,
} = {}) {
  const temp = mkdtempSync(join(tmpdir(), 'trunk-startup-'));
  try {
    const output = join(temp, 'out');
    writeFileSync(output, '');
    const env = {
      PATH: process.env.PATH,
      GITHUB_OUTPUT: output,
      GITHUB_WORKSPACE: temp,
      RUNNER_TEMP: temp,
      ...extraEnv,
    };
    const commands = [
      { label: 'floor', args: ['-e', 'console.log(0)'] },
      ...dists.flatMap(({ label, dir }) =>
        bundles.map((bundle) => ({ label, dir, bundle, args: argsOf(dir, bundle) })),
      ),
    ];
    const times = commands.map(() => []);
    const cpuLog = cpu ? join(temp, 'cpu') : undefined;
    // The bundles keep their compile cache under RUNNER_TOOL_CACHE: a fresh folder for each start when cold.
    const start = (c) =>
      firstOutput(
        node,
        c.args,
        cold ? { ...env, RUNNER_TOOL_CACHE: mkdtempSync(join(temp, 'cache-')) } : env,
        cpuLog,
      );
    for (const c of commands) await start(c); // warm-up: file cache
    for (let round = 0; round < runs; round++)
      for (const [i, c] of commands.entries()) times[i].push(await start(c));
    const floor = median(times[0]);
    const rows = commands.slice(1).map((c, i) => {
      const ms = median(times[i + 1]);
      return {
        label: c.label,
        bundle: c.bundle,
        median: ms,
        overFloor: ms - floor,
        ratio: ms / floor,
        mainBytes: statSync(bundleFile(c.dir, c.bundle)).size,
        folderBytes: sizeOf(join(c.dir, c.bundle)),
      };
    });
    return { floor, rows, load: loadavg()[0], runs };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The bundle's code: action.js beside the small index.js that starts it, or index.js itself. */
const bundleFile = (dist, name) =>
  [join(dist, name, 'action.js'), join(dist, name, 'index.js')].find((file) => existsSync(file));

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

export function startupTable({ floor, rows, load, runs }, { node = process.version, cold = false } = {}) {
  const labelled = rows.some((r) => r.label);
  const head = labelled ? '| dist | bundle |' : '| bundle |';
  const cells = (r) => (labelled ? `| ${r.label} | ${r.bundle} |` : `| ${r.bundle} |`);
  return [
    `Time from process start to the first byte of output (median of ${runs} rounds; each round starts every bundle and the floor once; ${cold ? 'every start with an empty code cache, as on a GitHub-hosted runner' : "each bundle's code cache warm, as on a self-hosted runner: the warm-up round writes it"}), on Node ${node}, load average ${load.toFixed(1)} on 2 shared cores at the end. The floor is \`node -e 'console.log(0)'\` in the same rounds; "over floor" is what the bundle adds to it. Sizes: the bundle (\`dist/<name>/action.js\`, or \`index.js\` where it is the bundle) and the whole folder (source maps and licenses included).`,
    '',
    `${head} first output | over floor | bundle | dist folder |`,
    `${labelled ? '| --- ' : ''}| --- | --- | --- | --- | --- |`,
    `${labelled ? '| – ' : ''}| node -e 'console.log(0)' | ${fmtMs(floor)} | – | – | – |`,
    ...rows.map(
      (r) =>
        `${cells(r)} ${fmtMs(r.median)} | +${fmtMs(r.overFloor)} | ${kb(r.mainBytes)} | ${kb(r.folderBytes)} |`,
    ),
  ].join('\n');
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const compare = option('--compare');
  const node = option('--node') ?? process.execPath;
  const dists = compare
    ? [
        { label: 'this', dir: join(root, 'dist') },
        { label: compare, dir: compare },
      ]
    : undefined;
  const cpu = args.includes('--cpu');
  const cold = args.includes('--cold');
  const result = await measureStartup({ dists, node, cpu, cold });
  const version = node === process.execPath ? process.version : undefined;
  const table = `### Start-up and bundle size${cpu ? ' (CPU time)' : ''}${cold ? ' (compile cache empty)' : ''}\n\n${startupTable(result, { node: version ?? node, cold })}`;
  if (!compare && !cpu && !cold && node === process.execPath) {
    // The breakdown and the levers weighed, written by hand below the marker, stay.
    const file = join(root, 'bench', 'results-startup.md');
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const notes = old.includes(NOTES) ? old.slice(old.indexOf(NOTES)) : '';
    writeFileSync(file, `${table}\n${notes ? `\n${notes}` : ''}`);
  }
  console.log(table);
}
