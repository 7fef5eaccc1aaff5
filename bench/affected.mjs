// `npm run bench:affected`: generated npm-workspace monorepos (100, 1,000 and 5,000 packages, a random
// dependency DAG of about 3 deps each, 5 changed packages). Times the bundled action, whole process,
// beside turbo, pnpm and Nx when `npm run bench:peers` installed them, and checks every answer
// against the known truth. Writes bench/results-affected.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { CHANGED, floorScript, workspace } from './affected-workspace.mjs';
import { fmtMs, fmtRow, measureSideBySide, peerBin, readOutput, root } from './lib.mjs';

const SIZES = (process.env.BENCH_AFFECTED_SIZES ?? '100,1000,5000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Rounds from 20,000 packages up, where one round of every tool takes minutes. */
const RUNS_LARGE = Number(process.env.BENCH_RUNS_LARGE ?? 3);
/** Nx takes minutes from 50,000 packages: left out from this size up. */
const NX_BELOW = Number(process.env.BENCH_NX_BELOW ?? 50_000);
/** Another build of the action (an older commit's dist/affected/index.js), timed in the same rounds. */
const BEFORE = process.env.BENCH_BEFORE;

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Each tool: how to run it and how to read the affected package names from what it printed. */
function tools(dir, outputFile, eventFile, size, floor) {
  const sha = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const bundle = (tool, path, output) => ({
    tool,
    command: process.execPath,
    args: [path],
    // As on a runner: GITHUB_SHA names the commit, the payload the default branch; base is given as
    // the peers get it.
    env: {
      GITHUB_OUTPUT: output,
      GITHUB_WORKSPACE: dir,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_SHA: sha,
      INPUT_BASE: 'main',
    },
    read: () => JSON.parse(readOutput(readFileSync(output, 'utf8'), 'projects') ?? '[]'),
  });
  const list = [
    bundle('trunk-actions affected (bundle)', join(root, 'dist', 'affected', 'index.js'), outputFile),
    ...(BEFORE ? [bundle('affected before this branch', BEFORE, `${outputFile}-before`)] : []),
    // No answer: the floor (see floorScript) and its node start alone.
    {
      tool: 'floor: bare node + unavoidable git',
      command: '/bin/sh',
      args: ['-c', floor.withNode],
      floor: true,
    },
    {
      tool: 'floor in Node: the same git calls from node',
      command: process.execPath,
      args: [join(root, 'bench', 'affected-node-floor.cjs')],
      env: { GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: `${outputFile}-node-floor` },
      floor: true,
    },
    {
      tool: 'bare node printing one line',
      command: process.execPath,
      args: ['-e', 'console.log(0)'],
      floor: true,
    },
  ];
  const turbo = peerBin('turbo');
  if (turbo)
    list.push({
      tool: 'turbo ls --affected',
      command: turbo,
      args: ['ls', '--affected', '--output=json'],
      env: {
        TURBO_SCM_BASE: 'main',
        TURBO_SCM_HEAD: 'HEAD',
        TURBO_TELEMETRY_DISABLED: '1',
        DO_NOT_TRACK: '1',
      },
      read: (r) => JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))).packages.items.map((p) => p.name),
    });
  const pnpm = peerBin('pnpm');
  if (pnpm)
    list.push({
      tool: 'pnpm --filter "...[main]"',
      command: pnpm,
      args: ['ls', '--filter', '...[main]', '--depth', '-1', '--json'],
      // The root names npm as its package manager (turbo needs one), which pnpm refuses without
      // pm-on-fail; and by default it links no `^1.0.0` range to a workspace package (every dependent missed).
      env: { pnpm_config_pm_on_fail: 'ignore', pnpm_config_link_workspace_packages: 'true' },
      read: (r) => JSON.parse(r.stdout).map((p) => p.name),
    });
  const nx = size < NX_BELOW ? peerBin('nx') : undefined;
  if (nx)
    list.push({
      tool: 'nx show projects --affected',
      command: nx,
      args: ['show', 'projects', '--affected', '--base=main', '--head=HEAD', '--json'],
      env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true' },
      read: (r) => JSON.parse(r.stdout.slice(r.stdout.indexOf('['))),
    });
  return list;
}

/** Runs timed for CPU after the rounds: their median, as one run is at the mercy of the 10 ms clock and the load. */
const CPU_RUNS = Number(process.env.BENCH_CPU_RUNS ?? 3);

/**
 * CPU milliseconds (user + sys, children included), the median of CPU_RUNS more runs: on a shared
 * machine wall time swings with the load, CPU time much less, so it is the fairer comparison there.
 */
function cpuTime(t, dir) {
  const times = Array.from({ length: CPU_RUNS }, () => {
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', t.command, ...t.args], {
      cwd: dir,
      env: { ...process.env, ...t.env },
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const [user, sys] = (r.stderr ?? '').trim().split('\n').pop().split(' ').map(Number);
    return ((user || 0) + (sys || 0)) * 1000;
  });
  return times.sort((a, b) => a - b)[times.length >> 1];
}

const missing = ['turbo', 'pnpm', 'nx'].filter((p) => !peerBin(p));
if (missing.length) console.log(`Peers missing (npm run bench:peers installs them): ${missing.join(', ')}`);

const rows = [];
const verdicts = [];
const ratios = [];
for (const size of SIZES) {
  console.log(`Generating ${size} packages...`);
  const { dir, expected, cached } = workspace(size);
  const outputFile = join(dir, '..', `${dir.split('/').pop()}-output`);
  const eventFile = join(dir, '..', `${dir.split('/').pop()}-event.json`);
  writeFileSync(eventFile, JSON.stringify({ repository: { default_branch: 'main' } }));
  try {
    const results = [];
    const list = tools(dir, outputFile, eventFile, size, floorScript(dir, `${outputFile}-blobs`));
    writeFileSync(outputFile, '');
    if (BEFORE) writeFileSync(`${outputFile}-before`, '');
    // Side by side, round by round: a burst of load on this shared machine falls on every tool alike.
    const timings = measureSideBySide(
      list.map((t) => ({ command: t.command, args: t.args, cwd: dir, env: t.env })),
      { runs: size >= 20_000 ? RUNS_LARGE : RUNS },
    );
    list.forEach((t, i) => {
      const m = timings[i];
      if (t.floor) {
        results.push({ tool: t.tool, m, floor: true, cpu: cpuTime(t, dir) });
        return;
      }
      try {
        if (m.last.status !== 0) throw new Error(`exit ${m.last.status}: ${m.last.stderr || m.last.stdout}`);
        // Only the generated packages are compared: pnpm also lists the workspace root when asked.
        const answer = [...t.read(m.last)].filter((n) => n.startsWith('pkg-')).sort();
        const exact = same(answer, expected);
        verdicts.push(
          `${size}: ${t.tool} ${exact ? 'exact' : `WRONG (${answer.length} projects, expected ${expected.length})`}`,
        );
        results.push({ tool: t.tool, m, exact, cpu: cpuTime(t, dir) });
      } catch (error) {
        verdicts.push(`${size}: ${t.tool} failed: ${String(error.message ?? error).split('\n')[0]}`);
      }
    });
    const ours = results[0];
    const peers = results.filter((r) => r.exact && r !== ours && !r.floor && !r.tool.includes('before'));
    const fastest = peers.sort((a, b) => a.m.median - b.m.median)[0];
    for (const r of results)
      rows.push(
        `${fmtRow(`${size} pkgs: ${r.tool}`, r.m)} ${fmtMs(r.cpu)} | ${r.floor ? '–' : r.exact ? 'yes' : 'no'} | ${r === ours || !ours ? '–' : `${(r.m.median / ours.m.median).toFixed(1)}x ours`} |`,
      );
    const floor = results.find((r) => r.floor);
    if (ours && floor)
      ratios.push(
        `${size}: ours ${fmtMs(ours.m.median)} = floor ${fmtMs(floor.m.median)} + ${fmtMs(ours.m.median - floor.m.median)}`,
      );
    const nodeFloor = results.find((r) => r.tool.startsWith('floor in Node'));
    if (ours && nodeFloor)
      ratios.push(
        `${size}: ours ${fmtMs(ours.m.median)} = floor in Node ${fmtMs(nodeFloor.m.median)} + ${fmtMs(ours.m.median - nodeFloor.m.median)}${fastest ? `; ${fastest.tool} ${fmtMs(fastest.m.median)} = ${(fastest.m.median / nodeFloor.m.median).toFixed(2)} of the floor in Node` : ''}`,
      );
    if (ours && fastest)
      ratios.push(
        `${size}: ours ${fmtMs(ours.m.median)} = ${(ours.m.median / fastest.m.median).toFixed(2)} of the fastest exact peer (${fastest.tool}, ${fmtMs(fastest.m.median)}); CPU ${fmtMs(ours.cpu)} = ${(ours.cpu / fastest.cpu).toFixed(2)} of its ${fmtMs(fastest.cpu)}`,
      );
    console.log(`${size}: expected ${expected.length} affected`);
  } finally {
    if (!cached) rmSync(dir, { recursive: true, force: true });
    for (const file of [outputFile, `${outputFile}-before`, `${outputFile}-blobs`])
      rmSync(file, { force: true });
    rmSync(eventFile, { force: true });
  }
}

const table = [
  '### affected',
  '',
  `Generated npm workspaces (random DAG, about 3 deps each, \`^1.0.0\` ranges, ${CHANGED} packages changed on a branch, objects packed as in a clone), whole process, median of ${RUNS} rounds (${RUNS_LARGE} from 20,000 packages) after one warm-up, each round running every tool once; CPU is user+sys, children included, the median of ${CPU_RUNS} more runs. The floor is a bare \`node\` printing one line followed by the git calls the work cannot avoid (resolve both revisions, merge-base, diff, list the head tree, read every manifest in one cat-file), run from a shell in the same rounds. The floor in Node (bench/affected-node-floor.cjs) is the same git calls spawned by a Node program, which then parses each manifest's name and writes a matrix of them: what any JavaScript action pays before its own work.${BEFORE ? ' "affected before this branch" is the bundle built before this work, in the same rounds.' : ''} Nx is left out from ${NX_BELOW.toLocaleString('en')} packages (minutes per run). Node ${process.version}; pnpm with link-workspace-packages=true (without it, it finds none of the dependents). Load average at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (other work shares the machine: compare within a size).`,
  '',
  '| tool | median | spread | peak RSS | CPU (user+sys) | exact | time vs ours |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  ...verdicts.map((v) => `- ${v}`),
  ...ratios.map((r) => `- ${r}`),
  ...(missing.length ? [`- Peers not installed here: ${missing.join(', ')} (\`npm run bench:peers\`).`] : []),
].join('\n');
// The breakdown of bench/affected-profile.mjs, between its markers, stays.
const resultsFile = join(root, 'bench', 'results-affected.md');
const profile = /\n### Where the time goes[\s\S]*<!-- \/affected-profile -->/.exec(
  readFileSync(resultsFile, 'utf8'),
);
writeFileSync(resultsFile, `${table}\n${profile ? `${profile[0]}\n` : ''}`);
// The action's development notes carry the same table between their markers.
const readme = join(root, 'docs', 'development', 'affected.md');
writeFileSync(
  readme,
  readFileSync(readme, 'utf8').replace(
    /<!-- affected-bench -->[\s\S]*<!-- \/affected-bench -->/,
    `<!-- affected-bench -->\n\n${table.split('\n').slice(2).join('\n')}\n\n<!-- /affected-bench -->`,
  ),
);
// Aligned as the repository's format check expects.
execFileSync(process.execPath, [
  join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
  '--write',
  readme,
  join(root, 'bench', 'results-affected.md'),
]);
console.log(table);
