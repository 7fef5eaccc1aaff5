// `npm run bench:guard`: the quick sizes of the benchmarks, against bench/baseline.json. Times each
// bundle's start-up (bench/startup.mjs) and `affected` on the generated 1,000-package workspace
// (bench/affected-workspace.mjs), each as a ratio to its floor measured in the same rounds: bare
// `node` for start-up; bare `node` plus the git calls the work cannot avoid for affected. Times are CPU
// time (user + system): start-up's until the first output, affected's of the whole run with its git
// processes. Wall time on a busy machine mostly measures waiting: here, with 8 people on 2 cores, wall
// ratios moved 50% between two runs of the same dist/. Fails (exit 1) when a ratio grew by more than
// 20%. CI's bench-guard job runs it on the committed dist/.
//   npm run bench:guard                  compare, print the table (and add it to the job summary)
//   npm run bench:guard -- --update      write this run's ratios as the new baseline
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './affected-workspace.mjs';
import { compareToBaseline, comparisonTable } from './guard-compare.mjs';
import { readOutput, root } from './lib.mjs';
import { measureStartup } from './startup.mjs';

const BASELINE = join(root, 'bench', 'baseline.json');
const THRESHOLD = 0.2;
const AFFECTED_SIZE = 1000;
const AFFECTED_CASE = 'affected, 1,000 packages';
const AFFECTED_ROUNDS = 15;

/**
 * CPU milliseconds (user + system) of this process's finished children so far, grandchildren such as
 * git included. The kernel counts in ticks of 10 ms: the guard sums many runs.
 */
function childrenCpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime and cstime
}

/** `affected` on the generated workspace over bare node plus its unavoidable git calls, side by side. */
function affectedRatio() {
  const { dir, expected } = generate(AFFECTED_SIZE);
  const work = mkdtempSync(join(tmpdir(), 'bench-guard-'));
  try {
    const output = join(work, 'output');
    const event = join(work, 'event.json');
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }));
    // The floor's git calls, run from a shell: both revisions, merge-base, the diff, the head tree and
    // every manifest in one cat-file (their blob ids listed beforehand).
    const blobs = execFileSync('git', ['ls-tree', '-r', 'HEAD'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    })
      .split('\n')
      .filter((line) => /(^|\/)package\.json$/.test(line.split('\t')[1] ?? ''))
      .map((line) => line.split(/\s+/)[2]);
    writeFileSync(join(work, 'blobs'), `${blobs.join('\n')}\n`);
    const git = [
      'git rev-parse --verify main^{commit} HEAD^{commit} >/dev/null',
      'git merge-base main HEAD >/dev/null',
      'git diff --name-status -z -M main HEAD >/dev/null',
      'git ls-tree -r -z --full-tree HEAD >/dev/null',
      `git cat-file --batch < ${join(work, 'blobs')} >/dev/null`,
    ].join('; ');
    const env = {
      GITHUB_OUTPUT: output,
      GITHUB_WORKSPACE: dir,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: event,
      INPUT_BASE: 'main',
    };
    const commands = [
      { command: '/bin/sh', args: ['-c', `${process.execPath} -e 'console.log(0)'; ${git}`] },
      { command: process.execPath, args: [join(root, 'dist', 'affected', 'index.js')], env },
    ];
    const cpu = [0, 0];
    let last;
    for (let round = -1; round < AFFECTED_ROUNDS; round++)
      // round -1 warms the file cache
      commands.forEach((c, i) => {
        writeFileSync(output, '');
        const before = childrenCpu();
        const result = spawnSync(c.command, c.args, {
          cwd: dir,
          env: { ...process.env, ...c.env },
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        });
        if (round >= 0) cpu[i] += childrenCpu() - before;
        if (i === 1) last = result;
      });
    // A bundle that fails fast must not pass as fast.
    if (last.status !== 0) throw new Error(`affected exited ${last.status}: ${last.stderr}`);
    const projects = JSON.parse(readOutput(readFileSync(output, 'utf8'), 'projects') ?? '[]')
      .filter((name) => name.startsWith('pkg-'))
      .sort();
    if (JSON.stringify(projects) !== JSON.stringify(expected))
      throw new Error(`affected answered ${projects.length} projects, expected ${expected.length}`);
    return { ratio: cpu[1] / cpu[0], floor: cpu[0] / AFFECTED_ROUNDS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

const startup = await measureStartup({ runs: 21, cpu: true });
const affected = affectedRatio();
const measured = Object.fromEntries([
  ...startup.rows.map((r) => [`start-up: ${r.bundle}`, r.median / startup.floor]),
  [AFFECTED_CASE, affected.ratio],
]);
const round = (x) => Math.round(x * 100) / 100;
const conditions = `Node ${process.version}, load average ${loadavg()[0].toFixed(1)}; CPU floors: bare node ${startup.floor.toFixed(0)} ms to its first output, bare node + git calls ${affected.floor.toFixed(0)} ms`;

if (process.argv.includes('--update')) {
  const baseline = {
    '//': 'Each case: its CPU time over the floor measured in the same rounds (bench/guard.mjs). `npm run bench:guard -- --update` rewrites it; do so only for a change that is meant to cost time, and say why in the commit.',
    measured: `${new Date().toISOString().slice(0, 10)}, ${conditions}`,
    ratios: Object.fromEntries(Object.entries(measured).map(([name, ratio]) => [name, round(ratio)])),
  };
  writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`Wrote ${BASELINE} (${conditions}).`);
} else {
  const { ratios } = JSON.parse(readFileSync(BASELINE, 'utf8'));
  const result = compareToBaseline(ratios, measured, THRESHOLD);
  const report = [
    `### Benchmark guard: ${result.failed ? 'failed' : 'passed'}`,
    '',
    `${conditions}. Baseline: bench/baseline.json.`,
    '',
    comparisonTable(result, THRESHOLD),
  ].join('\n');
  console.log(report);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${report}\n`);
  process.exitCode = result.failed ? 1 : 0;
}
