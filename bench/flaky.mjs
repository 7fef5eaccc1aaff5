// `npm run bench:flaky`: a generated 50 MB JUnit report (about 330,000 test cases: 100,000 tests that
// are in the history and 230,000 new ones, 0.5% failing, some retried) folded into a stored history
// of 100,000 tests x 200 runs (state: file:). Times the bundled action as a whole process (it
// parses, merges, decides, writes the history, outputs and summary) in the same rounds as a bare
// saxes pass over the same report, an older bundle when BENCH_BASELINE names its folder, and
// fast-xml-parser when `npm run bench:peers` installed it. Writes bench/results-flaky.md.
import {
  readFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { fmtRow, measureSideBySide, peerBin, root } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const HISTORY_TESTS = 100_000;
const HISTORY_RUNS = 200;
const REPORT_CASES = 330_000;

function prng(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

// About 16,500 test classes of 20 tests each, in 500 modules: class and file names repeat as in a real repository.
const testName = (i) => {
  const module = `module${String(Math.floor(i / 20) % 500).padStart(3, '0')}`;
  const feature = `Feature${String(Math.floor(i / 10_000)).padStart(3, '0')}x${String(Math.floor(i / 20) % 500).padStart(3, '0')}Test`;
  return {
    classname: `com.acme.${module}.${feature}`,
    name: `test_case_${i}_works`,
    file: `src/test/java/com/acme/${module}/${feature}.java`,
  };
};
// The id recipe and history key of actions/flaky-quarantine/src/identity.ts (v2, historyKey).
const idOf = (t) => `v2:${t.file}|${t.classname}|${t.name}`;
function historyKey(id) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

async function writeReport(path, random) {
  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bench">\n');
  const perSuite = 1000;
  for (let s = 0; s < REPORT_CASES / perSuite; s++) {
    await write(`  <testsuite name="suite-${s}" tests="${perSuite}" failures="0" errors="0" time="12.5">\n`);
    for (let k = 0; k < perSuite; k++) {
      const t = testName(s * perSuite + k);
      const attrs = `classname="${t.classname}" name="${t.name}" file="${t.file}" time="0.${k % 1000}"`;
      const roll = random();
      if (roll < 0.004) {
        await write(
          `    <testcase ${attrs}>\n      <failure message="expected true but was false" type="AssertionError">java.lang.AssertionError: expected true but was false\n\tat ${t.classname}.${t.name}(${t.file}:42)</failure>\n      <system-out>noise</system-out>\n    </testcase>\n`,
        );
      } else if (roll < 0.005) {
        await write(
          `    <testcase ${attrs}>\n      <flakyFailure message="timeout" type="TimeoutException"><stackTrace>java.util.concurrent.TimeoutException</stackTrace></flakyFailure>\n    </testcase>\n`,
        );
      } else {
        await write(`    <testcase ${attrs}/>\n`);
      }
    }
    await write('  </testsuite>\n');
  }
  await write('</testsuites>\n');
  out.end();
  await once(out, 'finish');
}

function writeHistory(path, random) {
  const runs = Array.from({ length: HISTORY_RUNS }, (_, r) => ({
    key: `${9000 + r}:1`,
    commit: (r * 7919).toString(16).padStart(40, '0'),
    at: new Date(Date.parse('2026-01-01T00:00:00Z') + r * 3_600_000).toISOString(),
  }));
  // Cells run-length encoded as actions/flaky-quarantine/src/cells.ts does: `p` pass, `f` fail, `m` mixed.
  const parts = [];
  for (let i = 0; i < HISTORY_TESTS; i++) {
    let rle = '';
    let last = '';
    let count = 0;
    const flush = () => last && (rle += last + (count > 1 ? count : ''));
    for (let r = 0; r < HISTORY_RUNS; r++) {
      const roll = random();
      const cell = roll < 0.002 ? 'm' : roll < 0.005 ? 'f' : 'p';
      if (cell === last) count++;
      else {
        flush();
        last = cell;
        count = 1;
      }
    }
    flush();
    parts.push(JSON.stringify([historyKey(idOf(testName(i))), rle]));
  }
  writeFileSync(
    path,
    `{"version":2,"ids":"v2","branches":[["main",{"runs":${JSON.stringify(runs)},"tests":[${parts.join(',')}]}]],"quarantine":[]}`,
  );
}

/** User+system CPU seconds of one more run, from /usr/bin/time (wall time suffers on a shared machine). */
function cpuSeconds(command, args, options) {
  const r = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', command, ...args], {
    ...options,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return m ? Number(m[1]) + Number(m[2]) : NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'trunk-bench-flaky-'));
try {
  const random = prng(42);
  mkdirSync(join(dir, 'reports'));
  const report = join(dir, 'reports', 'junit-all.xml');
  await writeReport(report, random);
  const base = join(dir, 'history-base.json');
  writeHistory(base, random);
  const reportMb = statSync(report).size / 1024 / 1024;
  const historyMb = statSync(base).size / 1024 / 1024;
  console.log(
    `report ${reportMb.toFixed(1)} MB (${REPORT_CASES} cases), history ${historyMb.toFixed(1)} MB (${HISTORY_TESTS} tests x ${HISTORY_RUNS} runs)`,
  );

  const inputs = {
    INPUT_REPORTS: 'reports/*.xml',
    INPUT_TOKEN: 'unused-token-for-the-bench',
    'INPUT_HISTORY-RUNS': String(HISTORY_RUNS),
    'INPUT_QUARANTINE-FILE': '.github/flaky-tests.yml',
    'INPUT_AUTO-QUARANTINE': 'true',
    'INPUT_RELEASE-AFTER': '30',
    'INPUT_INFRA-FAILURE-RATIO': '0.8',
    'INPUT_CREATE-ISSUES': 'false',
    'INPUT_ISSUE-LABEL': 'flaky-test',
    'INPUT_ON-BAD-REPORT': 'fail',
  };
  /**
   * The bundle in `folder` as one measured command, with its own history, outputs and summary. Each
   * run starts from the same stored history, so each does the full fold and write; the copy and the
   * truncation of the output files run inside the measured node process, before the bundle loads.
   */
  const actionCommand = (folder, label) => {
    const history = join(dir, `history-${label}.json`);
    const summary = join(dir, `summary-${label}.md`);
    const outputs = join(dir, `outputs-${label}`);
    const prepare = [
      `import { copyFileSync, writeFileSync } from 'node:fs';`,
      `copyFileSync(${JSON.stringify(base)}, ${JSON.stringify(history)});`,
      `writeFileSync(${JSON.stringify(outputs)}, ''); writeFileSync(${JSON.stringify(summary)}, '');`,
      `await import(${JSON.stringify(join(folder, 'index.js'))});`,
    ].join(' ');
    return {
      command: process.execPath,
      args: ['--input-type=module', '-e', prepare],
      cwd: dir,
      env: {
        ...inputs,
        INPUT_STATE: `file:history-${label}.json`,
        GITHUB_WORKSPACE: dir,
        GITHUB_SHA: 'f'.repeat(40),
        GITHUB_REF_NAME: 'main',
        GITHUB_RUN_ID: '12345',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: outputs,
      },
      check: (last) => {
        // The verdict is fail: 0.4% of the tests fail and none was quarantined before.
        if (!/Blocking: \d+ tests?\b/.test(last.stdout))
          throw new Error(`unexpected ${label} output:\n${last.stdout.slice(-2000)}\n${last.stderr}`);
        // The 100,000 stored tests were matched (not added again): 330,000 tests after the fold.
        const stored = JSON.parse(readFileSync(history, 'utf8')).branches[0][1];
        if (stored.tests.length !== REPORT_CASES || stored.runs.length !== HISTORY_RUNS)
          throw new Error(
            `${label}: history has ${stored.tests.length} tests and ${stored.runs.length} runs after the fold`,
          );
      },
    };
  };
  // Baseline: saxes alone over the same report (no decoding, ids, history or output).
  const saxesScript = join(dir, 'saxes-only.mjs');
  writeFileSync(
    saxesScript,
    `import { createReadStream } from 'node:fs';\nimport { SaxesParser } from '${join(root, 'node_modules', 'saxes', 'saxes.js')}';\nconst p = new SaxesParser();\nlet n = 0;\np.on('opentag', (t) => { if (t.name === 'testcase') n++; });\nfor await (const chunk of createReadStream(process.argv[2], { encoding: 'utf8', highWaterMark: 1 << 20 })) p.write(chunk);\np.close();\nconsole.log(n);\n`,
  );
  const tools = [
    {
      name: 'flaky-quarantine (bundle, whole action: parse, fold, decide, write history, outputs, summary)',
      ...actionCommand(join(root, 'dist', 'flaky-quarantine'), 'action'),
    },
    {
      name: 'saxes alone: parse only, count testcases (baseline)',
      command: process.execPath,
      args: [saxesScript, report],
      cwd: dir,
    },
  ];
  // BENCH_BASELINE=<folder of an older flaky-quarantine bundle> measures it in the same rounds, for a
  // before/after comparison that the load on a shared machine does not skew.
  if (process.env.BENCH_BASELINE)
    tools.splice(1, 0, {
      name: 'flaky-quarantine, baseline bundle (BENCH_BASELINE), same rounds',
      ...actionCommand(process.env.BENCH_BASELINE, 'baseline'),
    });
  const fxp = peerBin('fxparser');
  if (fxp) tools.push({ name: 'fast-xml-parser CLI: parse only', command: fxp, args: [report], cwd: dir });
  else
    console.log(
      'peer missing: fast-xml-parser (fxparser) is not in .bench-peers; benched our side and saxes alone',
    );
  const loadBefore = loadavg();
  const measured = measureSideBySide(tools, { runs: RUNS });
  const loadAfter = loadavg();
  const cpu = tools.map((t) =>
    cpuSeconds(t.command, t.args, { cwd: t.cwd, env: { ...process.env, ...t.env } }),
  );
  const saxesAt = tools.findIndex((t) => t.args[0] === saxesScript);
  const [action, saxes, actionCpu, saxesCpu] = [measured[0], measured[saxesAt], cpu[0], cpu[saxesAt]];
  const load = (l) => l.map((x) => x.toFixed(1)).join(', ');
  const baseline = process.env.BENCH_BASELINE
    ? ` Against the baseline bundle in the same rounds: ${(action.median / measured[1].median).toFixed(2)}x wall time, ${(actionCpu / cpu[1]).toFixed(2)}x CPU.`
    : '';
  const rows = [
    '| tool | median | spread (min – max) | peak RSS | CPU (user+sys) |',
    '|---|---|---|---|---|',
    ...tools.map((t, i) => `${fmtRow(t.name, measured[i])} ${cpu[i].toFixed(2)} s |`),
  ];
  const target = action.median < 2000 && action.peakMb < 250;
  const table = [
    '# flaky-quarantine benchmark',
    '',
    `Input: one ${reportMb.toFixed(1)} MB JUnit report with ${REPORT_CASES.toLocaleString('en')} test cases (100,000 in the history, 230,000 new; 0.4% failing, 0.1% retried) folded into a ${historyMb.toFixed(1)} MB history of ${HISTORY_TESTS.toLocaleString('en')} tests x ${HISTORY_RUNS} runs (state: file:). ${RUNS} runs after one warm-up; machine: ${process.platform} ${process.arch}, node ${process.version}.`,
    '',
    ...rows,
    '',
    `Target (whole action under 2 s and 250 MB): ${target ? 'met' : 'NOT met'}. Ratio to saxes alone: ${(action.median / saxes.median).toFixed(1)}x wall time, ${(actionCpu / saxesCpu).toFixed(1)}x CPU.${baseline} Load average (1, 5, 15 min) before the rounds: ${load(loadBefore)}; after: ${load(loadAfter)}, on ${cpus().length} cores (wall times on a shared machine stretch with the load; CPU time less so; compare ratios within one run).`,
    '',
    'Reproduce: `node scripts/build.mjs flaky-quarantine && npm run bench:flaky` (BENCH_RUNS=n to change the count; BENCH_BASELINE=<folder> adds an older bundle, built with `node scripts/build.mjs --out <dir> flaky-quarantine` on its commit, to the same rounds).',
    '',
  ].join('\n');
  // Formatted as the repository's prettier check expects, so a fresh result can be committed as is.
  const { format } = await import('prettier');
  writeFileSync(join(root, 'bench', 'results-flaky.md'), await format(table, { parser: 'markdown' }));
  console.log(table);
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
