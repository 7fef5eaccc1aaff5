// `node bench/affected-profile.mjs [sizes]`: where the affected bundle's time goes, from process start
// to exit, on the generated workspaces of bench/affected.mjs (default 1,000 and 5,000 packages), beside
// the floor measured in the same rounds: a bare `node` that prints one line, and the same plus the git
// calls the work cannot avoid (resolve both revisions, merge-base, diff, list the head tree, read every
// manifest in one cat-file), run from a shell. Wall phases come from a preloaded tracer
// (bench/profile/trace.mjs), the split of JavaScript time from a CPU profile mapped through the bundle's
// source maps (bench/profile/cpu.mjs). Writes the breakdown between the markers of bench/results-affected.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { floorScript, workspace as repository } from './affected-workspace.mjs';
import { fmtMs, measureSideBySide, root } from './lib.mjs';
import { timeByFile } from './profile/cpu.mjs';

const SIZES = (process.argv[2] ?? process.env.BENCH_AFFECTED_SIZES ?? '1000,5000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUNDLE = process.env.BENCH_BUNDLE ?? join(root, 'dist', 'affected', 'index.js');
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** Source file -> phase of the work, for the CPU profile's split. */
const PHASES = [
  [
    'parsing (manifests, lockfiles, YAML, TOML)',
    /discover|manifests|lockfile|fast-yaml|shared\/yaml|node_modules\/(yaml|smol-toml)|tsconfig|go-embed|JSON/,
  ],
  ['graph and affected set', /graph\.ts|affected\.ts|inputs\.ts$|model\.ts|shared\/glob/],
  [
    'git: spawning and reading its output',
    /shared\/git|shared\/range|child_process|node:internal\/(streams|net|pipe|fs)|openFileHandle|close$|spawn/,
  ],
  [
    'outputs: report, summary, redaction, writing',
    /report\.ts|summary\.ts|redact\.ts|RegExp|shared\/(io|workflow-commands|limits|english)/,
  ],
  ['inputs and metadata (zod, event)', /zod|shared\/(inputs|metadata|context|paths|runner|errors)|main\.ts/],
  [
    'module loading and compiling',
    /node:internal\/(modules|bootstrap|vm)|\(program\)|\(\(program\)\)|node:internal\/util|node:internal\/process/,
  ],
  ['garbage collection', /garbage/],
];
const phaseOf = (file) => PHASES.find(([, re]) => re.test(file))?.[0] ?? 'other';

function breakdown(size) {
  const { dir, cached } = repository(size);
  const work = mkdtempSync(join(tmpdir(), 'affected-profile-'));
  const event = join(work, 'event.json');
  const output = join(work, 'output');
  writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }));
  const env = {
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    GITHUB_WORKSPACE: dir,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: event,
    INPUT_BASE: 'main',
  };
  const floor = floorScript(dir, join(work, 'blobs'));
  const commands = [
    { name: 'bare node (prints one line)', command: process.execPath, args: ['-e', 'console.log(0)'] },
    { name: 'git calls alone', command: '/bin/sh', args: ['-c', floor.git] },
    {
      name: 'floor: bare node + git calls',
      command: '/bin/sh',
      args: ['-c', floor.withNode],
    },
    { name: 'affected bundle', command: process.execPath, args: [BUNDLE] },
    {
      name: 'affected bundle, traced',
      command: process.execPath,
      args: ['--import', join(root, 'bench', 'profile', 'trace.mjs'), BUNDLE],
      env: { TRACE_OUT: join(work, 'trace.json') },
    },
  ].map((c) => ({ ...c, cwd: dir, env: { ...env, ...c.env } }));
  const traces = [];
  // The traced run's record, after each of its rounds.
  const timings = measureSideBySide(commands, {
    runs: RUNS,
    afterEach: (i) => {
      if (i === 4) traces.push(JSON.parse(readFileSync(join(work, 'trace.json'), 'utf8')));
    },
  });
  const profileDir = join(work, 'cpu');
  spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=200', BUNDLE],
    {
      cwd: dir,
      env: { ...process.env, ...env },
    },
  );
  const byFile = timeByFile(join(profileDir, readdirSync(profileDir)[0]));
  if (!cached) rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  return { size, commands, timings, traces, byFile };
}

/** Wall phases of one traced run, in ms. */
function phases(t) {
  const gitStart = Math.min(...t.children.map((c) => c.start));
  // Time with at least one git process running (they overlap), and the sum of their lives.
  const spans = t.children.map((c) => [c.start, c.end ?? c.lastOutput ?? t.exit]).sort((a, b) => a[0] - b[0]);
  let busy = 0;
  let until = -Infinity;
  for (const [s, e] of spans) {
    if (e > until) busy += e - Math.max(s, until);
    until = Math.max(until, e);
  }
  const lastGit = Math.max(...spans.map((s) => s[1]));
  const firstOutput = t.outputs[0] ?? t.exit;
  return {
    'Node start (to the preloaded tracer)': t.preload,
    'loading and compiling the bundle': t.firstRead - t.preload,
    'reading inputs (to the first git process)': gitStart - t.firstRead,
    [`git processes: ${t.children.length}, wall time while one runs`]: busy,
    'git processes: sum of their lives': spans.reduce((sum, [s, e]) => sum + e - s, 0),
    'JavaScript between git processes': lastGit - gitStart - busy,
    'after the last git: parsing, graph, report': firstOutput - lastGit,
    'writing outputs and summary, to exit': t.exit - firstOutput,
    'whole process (traced)': t.exit,
  };
}

const sections = [];
for (const size of SIZES) {
  console.log(`Profiling ${size} packages...`);
  const r = breakdown(size);
  const wall = r.timings.map(
    (m, i) =>
      `| ${r.commands[i].name} | ${fmtMs(m.median)} | ${fmtMs(m.min)} – ${fmtMs(m.max)} | ${m.peakMb.toFixed(0)} MB |`,
  );
  const runs = r.traces.map(phases);
  const phaseRows = Object.keys(runs[0]).map((k) => `| ${k} | ${fmtMs(median(runs.map((p) => p[k])))} |`);
  const total = r.byFile.reduce((s, [, ms]) => s + ms, 0);
  const split = new Map();
  for (const [file, ms] of r.byFile) split.set(phaseOf(file), (split.get(phaseOf(file)) ?? 0) + ms);
  const cpuRows = [...split]
    .sort((a, b) => b[1] - a[1])
    .map(([p, ms]) => `| ${p} | ${fmtMs(ms)} | ${((100 * ms) / total).toFixed(0)}% |`);
  const top = r.byFile
    .slice(0, 8)
    .map(([f, ms]) => `${f.length > 60 ? `${f.slice(0, 57)}...` : f} ${ms.toFixed(1)} ms`);
  sections.push(
    [
      `#### ${size.toLocaleString('en')} packages`,
      '',
      '| command (side by side) | median | spread | peak RSS |',
      '| --- | --- | --- | --- |',
      ...wall,
      '',
      '| phase of the traced bundle (median) | time |',
      '| --- | --- |',
      ...phaseRows,
      '',
      '| JavaScript time by source (one CPU profile, 0.2 ms samples) | time | share |',
      '| --- | --- | --- |',
      ...cpuRows,
      '',
      `Largest single sources: ${top.join('; ')}.`,
    ].join('\n'),
  );
}

const text = [
  `Measured by \`node bench/affected-profile.mjs ${SIZES.join(',')}\`: median of ${RUNS} rounds after a warm-up, each round running every command once; Node ${process.version}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${cpus().length} cores (other work shares the machine: compare within a table).`,
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
const file = join(root, 'bench', 'results-affected.md');
const current = readFileSync(file, 'utf8');
const marked = /<!-- affected-profile -->[\s\S]*<!-- \/affected-profile -->/;
const block = `<!-- affected-profile -->\n\n${text}\n<!-- /affected-profile -->`;
writeFileSync(
  file,
  marked.test(current) ? current.replace(marked, block) : `${current}\n### Where the time goes\n\n${block}\n`,
);
execFileSync(process.execPath, [
  join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
  '--write',
  file,
]);
console.log(text);
