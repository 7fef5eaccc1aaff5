// Start-up cost of each bundle: time from process start to its first byte of output, beside bare
// `node -e 0`, and the bundle's size. Start-up is most of the time of a fast action.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmtMs, root } from './lib.mjs';

const BUNDLES = [
  'affected',
  'deploy-metadata',
  'flaky-quarantine',
  'migration-lint',
  'error-budget-gate',
  'cli',
];
const RUNS = 15;

function firstOutput(args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let first;
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const mark = () => (first ??= Number(process.hrtime.bigint() - started) / 1e6);
    child.stdout.on('data', mark);
    child.stderr.on('data', mark);
    child.on('error', reject);
    child.on('close', () => resolve(first ?? Number(process.hrtime.bigint() - started) / 1e6));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sizeOf = (dir) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

export async function benchStartup() {
  const temp = mkdtempSync(join(tmpdir(), 'trunk-startup-'));
  const output = join(temp, 'out');
  writeFileSync(output, '');
  // An empty workspace and no inputs: every action reads its inputs, then says what is missing.
  const env = { PATH: process.env.PATH, GITHUB_OUTPUT: output, GITHUB_WORKSPACE: temp, RUNNER_TEMP: temp };
  const baseline = [];
  for (let i = 0; i < RUNS; i++) baseline.push(await firstOutput(['-e', 'console.log(0)'], env));
  const rows = [`| node -e 'console.log(0)' | ${fmtMs(median(baseline))} | – | – |`];
  for (const name of BUNDLES) {
    const args =
      name === 'cli'
        ? [join(root, 'dist', 'cli', 'index.js'), '--help']
        : [join(root, 'dist', name, 'index.js')];
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await firstOutput(args, env));
    const main = statSync(join(root, 'dist', name, 'index.js')).size;
    rows.push(
      `| ${name} | ${fmtMs(median(times))} | ${(main / 1024).toFixed(0)} KB | ${(sizeOf(join(root, 'dist', name)) / 1024).toFixed(0)} KB |`,
    );
  }
  const table = [
    `### Start-up and bundle size`,
    '',
    `Time from process start to the first byte of output (median of ${RUNS}), and sizes of \`dist/<name>/index.js\` and the whole folder (source map and licenses included).`,
    '',
    '| bundle | first output | index.js | dist folder |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  return table;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const table = await benchStartup();
  writeFileSync(join(root, 'bench', 'results-startup.md'), `${table}\n`);
  console.log(table);
}
