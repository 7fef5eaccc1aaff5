// `npm run bench:gate`: 20 SLOs x 4 burn-rate windows (5m, 30m, 1h, 6h, plus each SLO's 30-day window
// and its hourly history) against a real Prometheus backfilled with the test fixture (30 days at
// 1-minute resolution). Times the bundled action as a whole process, beside the same queries sent one
// by one with `promtool query instant` (what a hand-written gate script does), and the file backend
// over the shipped demo export. Checks the api numbers against the fixture's truth. Every command runs
// once per round, side by side, so load on this shared machine falls on all alike. With
// BENCH_GATE_BASELINE=path/to/index.js, an earlier build of the bundle runs beside this one (before and
// after a change, in one run). Writes bench/results-gate.md. Needs the Debian package `prometheus`
// (prometheus and promtool on PATH).
import { transformFileSync } from '@swc/core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmtMs, fmtRow, measureSideBySide, readOutput, root } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BASELINE = process.env.BENCH_GATE_BASELINE;
const version = /version (\S+)/.exec(execFileSync('prometheus', ['--version'], { encoding: 'utf8' }))?.[1];
const SLOS = 20;
const work = mkdtempSync(join(tmpdir(), 'trunk-bench-gate-'));

// The fixture generator is TypeScript with only node built-ins: strip its types and load it.
const support = join(work, 'prometheus.mjs');
writeFileSync(
  support,
  transformFileSync(join(root, 'test/support/prometheus.ts'), {
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'es6' },
  }).code,
);
const fixtureModule = await import(pathToFileURL(support).href);
const fixture = fixtureModule.buildFixture();
const at = fixtureModule.FIXTURE_END;

// 20 SLOs: api and checkout in turn, each with its own selector text so no two share a query.
const docs = [];
for (let i = 0; i < SLOS; i++) {
  const job = i % 2 ? 'checkout' : 'api';
  const bad = `http_requests_total{job="${job}",code=~"5..|x${i}"}`;
  const total = `http_requests_total{job=~"${job}|x${i}"}`;
  docs.push(`apiVersion: openslo/v1
kind: SLO
metadata: { name: slo-${String(i).padStart(2, '0')}-${job} }
spec:
  service: ${job}
  indicator:
    spec:
      ratioMetric:
        counter: true
        bad: { metricSource: { type: Prometheus, spec: { query: '${bad}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: '${total}' } } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  objectives: [{ target: ${job === 'api' ? 0.999 : 0.995} }]
`);
}
writeFileSync(join(work, 'slos.yaml'), docs.join('---\n'));
writeFileSync(join(work, 'sli.om'), readFileSync(join(root, 'test/fixtures/error-budget-gate/demo/sli.om')));
const rules = '[{long: 1h, short: 5m, burn-rate: 14.4}, {long: 6h, short: 30m, burn-rate: 6}]';

const started = Date.now();
const prometheus = await fixtureModule.startPrometheus({ openMetrics: fixtureModule.toOpenMetrics(fixture) });
const backfillMs = Date.now() - started;

/** The runner's environment for one command; `out` is its own folder for the output files. */
const actionEnv = (inputs, out) => {
  mkdirSync(out, { recursive: true });
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV'].map((name) => {
      const path = join(out, name.toLowerCase());
      writeFileSync(path, '');
      return [name, path];
    }),
  );
  const defaults = {
    objective: '99.9',
    window: '30d',
    'query-timeout': '15s',
    'min-budget-remaining': '0',
    'min-coverage': '0.9',
    'on-inconclusive': 'block',
  };
  return {
    ...files,
    GITHUB_WORKSPACE: work,
    ...Object.fromEntries(
      Object.entries({ ...defaults, ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
    ),
  };
};

/** The api SLO's numbers must be the fixture's truth, or the timing is of a wrong answer. */
function checkTruth(label, out) {
  return () => {
    const text = readFileSync(join(out, 'github_output'), 'utf8');
    const slos = JSON.parse(readOutput(text, 'slos') ?? '[]');
    const pick = (labels) => labels.get('job') === 'api';
    const bad = fixtureModule.trueEvents(
      fixture,
      (l) => pick(l) && l.get('code') === '500',
      at - 30 * 86400,
      at,
    );
    const total = fixtureModule.trueEvents(fixture, pick, at - 30 * 86400, at);
    const first = slos.find((s) => s.name.endsWith('-api'));
    if (slos.length !== SLOS || first?.bad !== bad || first?.total !== total) {
      throw new Error(
        `${label}: wrong answer (${slos.length} SLOs, api ${first?.bad}/${first?.total}, truth ${bad}/${total})`,
      );
    }
  };
}

const bundle = join(root, 'dist/error-budget-gate/index.js');

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const rows = [];
try {
  const viaPrometheusInputs = {
    slo: 'slos.yaml',
    'prometheus-url': prometheus.url,
    at: String(at),
    'burn-rate-rules': rules,
  };
  const viaFileInputs = { slo: 'slos.yaml', file: 'sli.om', at: String(at), 'burn-rate-rules': rules };
  const bundles = [['', bundle], ...(BASELINE ? [[' (baseline)', BASELINE]] : [])];
  const gateCommand = (label, path, inputs, name) => {
    const out = join(work, name);
    return {
      label,
      command: process.execPath,
      args: [path],
      cwd: work,
      env: actionEnv(inputs, out),
      check: checkTruth(label, out),
      out,
    };
  };
  const commands = bundles.flatMap(([suffix, path], i) => [
    gateCommand(`error-budget-gate${suffix}, Prometheus backend`, path, viaPrometheusInputs, `p${i}`),
    gateCommand(`error-budget-gate${suffix}, file backend (demo export)`, path, viaFileInputs, `f${i}`),
  ]);

  // One run first: the queries its summary lists are what the peer sends; its debug line counts requests.
  const first = spawnSync(process.execPath, [bundle], {
    cwd: work,
    env: { ...process.env, ...commands[0].env },
    encoding: 'utf8',
  });
  const requests = Number(/^::debug::Prometheus: (\d+) queries/m.exec(first.stdout)?.[1]);
  const summary = readFileSync(join(commands[0].out, 'github_step_summary'), 'utf8');
  const queries = [...summary.matchAll(/```promql\n([\s\S]*?)\n```/g)].flatMap((m) => m[1].split('\n'));
  const distinct = [...new Set(queries)];
  writeFileSync(join(work, 'queries.txt'), `${distinct.join('\n')}\n`);
  // Peer: the same queries, one promtool process each, as a shell script would send them.
  const script = `while IFS= read -r q; do promtool query instant --time=${at} ${prometheus.url} "$q" >/dev/null || exit 1; done < queries.txt`;
  const peer = {
    label: `promtool query instant x ${distinct.length}, sequential (peer)`,
    command: 'bash',
    args: ['-c', script],
    cwd: work,
  };

  // CPU of one action run and of Prometheus answering it, from runs of the Prometheus backend alone.
  const prometheusCpuBefore = cpuSeconds(prometheus.pid);
  for (let i = 0; i < RUNS; i++)
    spawnSync(process.execPath, [bundle], { cwd: work, env: { ...process.env, ...commands[0].env } });
  const prometheusCpu = (cpuSeconds(prometheus.pid) - prometheusCpuBefore) / RUNS;
  const timed = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, bundle], {
    cwd: work,
    env: { ...process.env, ...commands[0].env },
    encoding: 'utf8',
  });
  const actionCpu = timed.stderr
    .trim()
    .split('\n')
    .pop()
    .split(' ')
    .map(Number)
    .reduce((a, b) => a + b, 0);

  const all = [...commands, peer];
  const timings = measureSideBySide(all, { runs: RUNS, rotate: true });
  all.forEach((c, i) => rows.push([c.label, timings[i]]));
  const ours = rows[0][1];
  const lines = [
    `# error-budget-gate benchmark`,
    '',
    `${SLOS} SLOs x 4 burn-rate windows (5m, 30m, 1h, 6h) + the 30-day window + hourly history per SLO: ${distinct.length} distinct instant queries (the action sends them as ${requests} requests) against Prometheus ${version} on 127.0.0.1, backfilled with the test fixture (30 days at 1-minute resolution, ${fixture.series.length} series; backfill and start took ${fmtMs(backfillMs)}). ${RUNS} rounds after one warm-up, each running every command once in a rotated order (side by side, so load falls on all alike: compare ratios within the run), whole process; answers checked against the fixture's truth. Machine: ${process.env.BENCH_MACHINE ?? '2 shared cores'}, load average ${loadavg()[0].toFixed(1)} at the end (wall times grow with it).`,
    '',
    '| tool | median | spread (min – max) | peak RSS | ratio |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      ([tool, m]) =>
        `${fmtRow(tool, m)} ${m === ours ? '1.00x' : `${(m.median / ours.median).toFixed(2)}x ours`} |`,
    ),
    '',
    `CPU per run of the Prometheus backend: the action ${actionCpu.toFixed(2)} s, Prometheus ${prometheusCpu.toFixed(2)} s. On an idle 2-core machine the wall time is about start-up plus the larger of the two, as the queries run in parallel; under load it is what the table shows.`,
    '',
    `Target: under 2 s for the whole action. Reproduce: \`apt-get install -y prometheus && npm run bench:gate\`.`,
    '',
  ];
  writeFileSync(join(root, 'bench/results-gate.md'), lines.join('\n'));
  process.stdout.write(lines.join('\n'));
} finally {
  await prometheus.stop();
  rmSync(work, { recursive: true, force: true });
}
