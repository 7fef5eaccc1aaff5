// Times `affected` on one commit of astro (the corpus's largest repository) side by side with an
// older bundle and pnpm, reporting wall and CPU time (user + sys, children included) per tool.
// `run.mjs --speed` gives wall time only and runs turbo and nx too (seconds each); this one is for
// levers whose gain is a few hundred milliseconds on a machine other work shares.
//
//   node bench/real-affected/astro-cpu.mjs [--commit 99d3d3dbbf] [--bundle dist/affected/index.js]
//                                          [--before /tmp/x/index.js] [--runs 9]
//
// Each round runs every tool once, starting one tool later each round, under /usr/bin/time. The case
// (commit and its base) comes from cases.json; the checkout is a shared clone under $TMPDIR, the
// action runs as on a runner's push event (the env of run.mjs), pnpm as in results.md. Prints a
// Markdown table: median wall, median CPU, spread, the answer's size (bundles must agree), and the
// load average before and after.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { peerBin, readOutput } from '../lib.mjs';
import { runnerEnv } from './runner-env.mjs';

const here = dirname(new URL(import.meta.url).pathname);
const root = resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(option('runs', '9'));
const commit = option('commit', '99d3d3dbbf');
const c = JSON.parse(readFileSync(join(here, 'cases.json'), 'utf8')).find(
  (x) => x.repo === 'withastro/astro' && x.commit.startsWith(commit),
);
if (!c) throw new Error(`no astro case at ${commit} in cases.json`);

const git = (dir, argv, input) =>
  execFileSync('git', ['-C', dir, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, input, stdio: 'pipe' });
const dir = join(tmpdir(), 'astro-cpu', 'astro');
if (!existsSync(dir)) {
  mkdirSync(dirname(dir), { recursive: true });
  const mirror = join(process.env.MIRRORS ?? '/work/.mirror', 'withastro+astro', 'repo');
  execFileSync('git', ['clone', '-q', '--no-checkout', '--shared', mirror, dir]);
}
// The mirror may lack its largest blobs: check out everything else (as run.mjs does).
const entries = git(dir, ['ls-tree', '-r', '-z', c.commit]).split('\0').filter(Boolean);
const check = git(dir, ['cat-file', '--batch-check'], entries.map((e) => e.split(/\s/)[2]).join('\n') + '\n');
const absent = entries
  .filter((_, i) => check.split('\n')[i].endsWith(' missing'))
  .map((e) => e.split('\t')[1]);
git(dir, ['config', 'core.sparseCheckout', 'true']);
writeFileSync(
  join(dir, '.git', 'info', 'sparse-checkout'),
  ['/*', ...absent.map((p) => `!/${p}`), ''].join('\n'),
);
git(dir, ['checkout', '-q', '-f', '--detach', c.commit]);
git(dir, ['clean', '-qffdx']);

const bundles = [
  ['affected', resolve(option('bundle', join(root, 'dist', 'affected', 'index.js')))],
  ...(option('before') ? [['affected before', resolve(option('before'))]] : []),
];
const tools = bundles.map(([tool, bundle], i) => {
  const temp = join(tmpdir(), 'astro-cpu', `run-${i}`);
  return {
    tool,
    argv: [process.execPath, bundle],
    env: runnerEnv(bundle, dir, c, temp),
    // Outputs are appended: emptied before each run, read after it.
    before: () => ['output', 'summary', 'env', 'state'].forEach((f) => writeFileSync(join(temp, f), '')),
    answer: () =>
      JSON.parse(readOutput(readFileSync(join(temp, 'output'), 'utf8'), 'matrix'))
        .include.map((p) => p.path)
        .sort(),
  };
});
const pnpm = peerBin('pnpm');
if (pnpm)
  tools.push({
    tool: 'pnpm',
    argv: [pnpm, 'ls', '-r', '--filter', `...[${c.base}]`, '--depth', '-1', '--json'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      pnpm_config_pm_on_fail: 'ignore',
      npm_config_manage_package_manager_versions: 'false',
    },
    before: () => {},
    answer: (out) =>
      JSON.parse(out.slice(out.indexOf('[')))
        .map((p) => relative(dir, p.path) || '.')
        .filter((d) => d !== '.')
        .sort(),
  });

const loadBefore = loadavg();
const samples = tools.map(() => []);
const answers = [];
for (let round = 0; round <= runs; round++)
  for (let k = 0; k < tools.length; k++) {
    const i = (round + k) % tools.length;
    const t = tools[i];
    t.before();
    const started = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', ...t.argv], {
      cwd: dir,
      env: t.env,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0) throw new Error(`${t.tool} exited ${r.status}: ${r.stderr.slice(-2000)}`);
    const [user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    answers[i] = t.answer(r.stdout);
    if (round > 0) samples[i].push({ wall, cpu: (user + sys) * 1000 }); // round 0 warms caches
  }
const loadAfter = loadavg();

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (x) => `${Math.round(x)} ms`;
const load = (l) => l.map((x) => x.toFixed(1)).join(', ');
console.log(
  `astro ${c.commit.slice(0, 10)} (base ${c.base.slice(0, 10)}), ${runs} rounds, Node ${process.version}, load ${load(loadBefore)} -> ${load(loadAfter)}\n`,
);
console.log('| tool | wall median | wall spread | CPU median | CPU spread | projects |');
console.log('| --- | --- | --- | --- | --- | --- |');
tools.forEach((t, i) => {
  const walls = samples[i].map((s) => s.wall);
  const cpus = samples[i].map((s) => s.cpu);
  console.log(
    `| ${t.tool} | ${ms(median(walls))} | ${ms(Math.min(...walls))} – ${ms(Math.max(...walls))} | ${ms(median(cpus))} | ${ms(Math.min(...cpus))} – ${ms(Math.max(...cpus))} | ${answers[i].length} |`,
  );
});
const ours = bundles.map((_, i) => JSON.stringify(answers[i]));
if (new Set(ours).size > 1) {
  console.log('\nThe bundles disagree.');
  process.exitCode = 1;
}
