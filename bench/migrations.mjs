// `npm run bench:migrations`: the bundled migration-lint beside squawk (squawk-cli from
// `npm run bench:peers`) on generated migrations:
//   - a history of 500 files / 5,000 statements, linted whole (`all: true`; squawk gets every file);
//   - the same history as a pull request adding one file (the 499 earlier ones give schema state, 1 linted);
//   - a 20 MB file of seed data (INSERT/UPDATE with a CREATE TABLE + index every 1,000 statements);
//   - three public projects' histories (bench/real-migrations/cases.json): every file, and the newest
//     migration as a pull request against the rest.
// The pull-request rounds also time the floor in the same run: a bare node start, node compiling the
// parser's WebAssembly and parsing one statement, and the git calls a pull request cannot avoid.
// squawk's time grows with the square of the findings in one file (1 MB of DDL took it 60 s, 2 MB
// 236 s here), so the big file is the kind squawk can finish: data with little DDL.
// Whole-process wall time (median, spread), peak RSS. Writes bench/results-migrations.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLEARED_ENV, fmtMs, fmtRow, measureSideBySide, peerBin, root } from './lib.mjs';
import { phasesOf } from './phases.mjs';
import { gitDir, migrationPaths, projects } from './real-migrations/repos.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// BENCH_PROFILE_ONLY=1: only the breakdown (CPU profiles), keeping the last side-by-side tables
const PROFILE_ONLY = process.env.BENCH_PROFILE_ONLY === '1';
const PROFILE_RUNS = 5;
// BENCH_ONLY=regex: only the scenarios whose name matches (case-insensitive), e.g. 'every file'
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : undefined;
// BENCH_COMPARE=dir: also runs another build of the action (e.g. a copy of main's dist/migration-lint)
// in the same rounds, as a row beside this one
const COMPARE = process.env.BENCH_COMPARE;
// BENCH_CPU=1: each command runs under /usr/bin/time, and a CPU column (user + system, median) is added
const CPU = process.env.BENCH_CPU === '1';
const FILES = 500;
const STATEMENTS_PER_FILE = 10;
const BIG_BYTES = 20 * 1024 * 1024;

function prng(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** One realistic migration: a new table, columns, indexes, constraints, a backfill, comments. */
function historyFile(n, random) {
  const table = `t${n}`;
  const older = `t${Math.floor(random() * Math.max(1, n))}`;
  return [
    `-- ${n}: feature ${n}`,
    "SET lock_timeout = '2s';",
    `CREATE TABLE ${table} (id bigint PRIMARY KEY, owner_id bigint, name text NOT NULL, created_at timestamptz DEFAULT now());`,
    `CREATE INDEX ${table}_owner ON ${table} (owner_id);`,
    `ALTER TABLE ${older} ADD COLUMN c${n} text;`,
    `ALTER TABLE ${older} ADD CONSTRAINT ${older}_c${n}_check CHECK (length(c${n}) < 100) NOT VALID;`,
    `ALTER TABLE ${older} VALIDATE CONSTRAINT ${older}_c${n}_check;`,
    `INSERT INTO ${table} (id, owner_id, name) VALUES (1, 1, 'seed ''${n}''; not SQL');`,
    `UPDATE ${older} SET c${n} = 'x' WHERE id < 1000;`,
    `COMMENT ON TABLE ${table} IS 'feature ${n}';`,
    `CREATE INDEX ${older}_c${n} ON ${older} (c${n});`,
    '',
  ].join('\n');
}

function bigFile(path) {
  const parts = ['CREATE TABLE seed (id bigint PRIMARY KEY, name text, v int);\n'];
  let size = parts[0].length;
  for (let i = 1; size < BIG_BYTES; i++) {
    const line =
      i % 1000 === 0
        ? `CREATE TABLE x${i} (id bigint PRIMARY KEY, body text DEFAULT $$a;b$$);\nCREATE INDEX x${i}_body ON x${i} (body);\n`
        : i % 4
          ? `INSERT INTO seed (id, name, v) VALUES (${i}, 'name ${i}; with ''quotes'' and é', ${i % 100});\n`
          : `UPDATE seed SET v = v + 1 WHERE id = ${i}; -- backfill\n`;
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  writeFileSync(path, parts.join(''));
}

const work = mkdtempSync(join(tmpdir(), 'bench-migrations-'));
const git = (cwd, args) =>
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@x',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@x',
    },
  });
try {
  const history = join(work, 'history');
  mkdirSync(join(history, 'db', 'migrations'), { recursive: true });
  const random = prng(42);
  const paths = [];
  for (let n = 1; n <= FILES; n++) {
    const rel = `db/migrations/V${n}__feature_${n}.sql`;
    writeFileSync(join(history, rel), historyFile(n, random));
    paths.push(rel);
  }
  git(history, ['init', '-q', '-b', 'main']);
  git(history, ['add', '-A', ...paths.slice(0, -1)]);
  git(history, ['reset', '-q', '--', paths.at(-1)]);
  git(history, ['commit', '-q', '-m', 'history']);
  git(history, ['add', paths.at(-1)]);
  git(history, ['commit', '-q', '-m', 'the pull request']);

  // the commonest pull request: one that changes no migration (the 499-file history, a README edit)
  const docs = join(work, 'docs');
  git(work, ['clone', '-q', history, docs]);
  git(docs, ['reset', '-q', '--hard', 'HEAD~1']);
  writeFileSync(join(docs, 'README.md'), 'docs\n');
  git(docs, ['add', 'README.md']);
  git(docs, ['commit', '-q', '-m', 'docs only']);

  const big = join(work, 'big');
  mkdirSync(big);
  bigFile(join(big, 'seed_data.sql'));

  // each project's history at its commit, the newest migration committed on its own
  const real = projects.map((project) => {
    const dir = gitDir(project.repo);
    const files = migrationPaths(project, dir);
    const repo = join(work, project.name);
    mkdirSync(repo);
    for (const path of files) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(
        join(repo, path),
        execFileSync('git', ['--git-dir', dir, 'show', `${project.commit}:${path}`]),
      );
    }
    git(repo, ['init', '-q', '-b', 'main']);
    git(repo, ['add', '-A', '--', ...files.slice(0, -1)]);
    git(repo, ['commit', '-q', '-m', 'history']);
    git(repo, ['add', '--', files.at(-1)]);
    git(repo, ['commit', '-q', '-m', 'the pull request']);
    return { project, repo, files };
  });

  const action = join(root, 'dist', 'migration-lint', 'index.js');
  function ours(cwd, inputs, label = 'migration-lint (bundle)', lints = true) {
    const env = {
      GITHUB_WORKSPACE: cwd,
      GITHUB_OUTPUT: join(work, 'out'),
      GITHUB_STEP_SUMMARY: join(work, 'summary'),
      'INPUT_FAIL-ON': 'never',
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    return {
      label,
      command: process.execPath,
      args: [action],
      cwd,
      env,
      check: (r) => {
        if (r.status !== 0) throw new Error(`migration-lint failed: ${r.stdout}\n${r.stderr}`);
        if (lints && !readFileSync(join(work, 'out'), 'utf8').includes('.sql"]'))
          throw new Error('migration-lint linted no file');
      },
    };
  }
  const squawk = peerBin('squawk');
  const peer = (cwd, files) => (squawk ? { label: 'squawk', command: squawk, args: files, cwd } : undefined);
  // What no linter of a pull request can go below: node's own start, the parser ready to parse, git.
  const floors = (cwd, file) => [
    { label: 'floor: bare `node -e 0`', command: process.execPath, args: ['-e', '0'], cwd },
    {
      label: 'floor: node + parser WebAssembly compiled, one statement parsed',
      command: process.execPath,
      args: [join(root, 'bench', 'parser-floor.mjs')],
      cwd,
    },
    {
      label: 'floor: git calls of a pull request, from a shell',
      command: 'sh',
      args: [
        '-c',
        `git rev-parse HEAD~1 HEAD >/dev/null && git diff --name-status HEAD~1 HEAD >/dev/null && git ls-tree -r HEAD~1 >/dev/null && git cat-file -p HEAD:${file} >/dev/null`,
      ],
      cwd,
    },
  ];

  const scenarios = [
    ['500 files / 5,000 statements, every file', [ours(history, { all: 'true' }), peer(history, paths)]],
    [
      'pull request adding 1 file to the 500 (499 in its history)',
      [ours(history, { base: 'HEAD~1' }), peer(history, [paths.at(-1)]), ...floors(history, paths.at(-1))],
    ],
    [
      'pull request changing no migration (499 in the history; squawk has no file to lint)',
      [ours(docs, { base: 'HEAD~1' }, 'migration-lint (bundle)', false), ...floors(docs, 'README.md')],
    ],
    [
      '20 MB file of seed data (INSERT/UPDATE, a table + index every 1,000 statements)',
      [ours(big, { all: 'true', paths: 'seed_data.sql' }), peer(big, ['seed_data.sql'])],
    ],
    ...real.flatMap(({ project, repo, files }) => {
      const inputs = { paths: project.paths.replace(/\*/g, '**'), runner: project.runner };
      return [
        [
          `${project.repo}: every file (${files.length})`,
          [ours(repo, { ...inputs, all: 'true' }), peer(repo, files)],
        ],
        [
          `${project.repo}: pull request adding its newest migration (${files.length - 1} in its history)`,
          [
            ours(repo, { ...inputs, base: 'HEAD~1' }),
            peer(repo, [files.at(-1)]),
            ...floors(repo, files.at(-1)),
          ],
        ],
      ];
    }),
  ];
  const startLoad = loadavg();
  const lines = [
    '# migration-lint benchmark',
    '',
    `Measured by \`npm run bench:migrations\` on ${new Date().toISOString().slice(0, 10)}: whole process, median of ${RUNS} rounds after a warm-up (each round runs every command of a scenario once), spread min – max, peak RSS from /usr/bin/time. Peer: ${squawk ? 'squawk-cli 2.66 (`.bench-peers`)' : 'squawk missing (run `npm run bench:peers`)'}.${CLEARED_ENV.length ? ` Both tools ran without ${CLEARED_ENV.join(', ')} (set here for every process, not on GitHub's runners; node reads the CA bundle at start-up).` : ''}`,
    '',
    '| Scenario | Tool | Median | Spread | Peak RSS | Ratio (ours / squawk) |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  if (CPU) lines[4] = lines[4].replace(' Ratio', ' CPU (user + system) | Ratio');
  if (CPU) lines[5] += ' --- |';
  for (const [name, commands] of PROFILE_ONLY ? [] : scenarios.filter(([n]) => !ONLY || ONLY.test(n))) {
    // side by side, round by round: a burst of load on this shared machine falls on all alike
    const present = commands.filter(Boolean);
    if (COMPARE)
      present.push({
        ...present[0],
        label: `migration-lint (${COMPARE})`,
        args: [join(COMPARE, 'index.js')],
      });
    const timed = CPU
      ? present.map((c) => ({
          ...c,
          command: '/usr/bin/time',
          args: ['-f', 'cpu %U %S', c.command, ...c.args],
        }))
      : present;
    const cpu = present.map(() => []);
    const afterEach = (i, r) => {
      const [user, system] = r.stderr.trim().split('\n').pop().split(' ').slice(1).map(Number);
      cpu[i].push(1000 * (user + system));
    };
    const results = measureSideBySide(timed, { runs: RUNS, afterEach: CPU ? afterEach : undefined });
    const peerIndex = present.findIndex((c) => c.label === 'squawk');
    const peerResult = results[peerIndex];
    present.forEach((c, i) => {
      const ratio = peerResult ? `${(results[i].median / peerResult.median).toFixed(2)}x` : 'n/a';
      const sorted = cpu[i].sort((a, b) => a - b);
      const cpuCell = CPU ? ` ${fmtMs(sorted[Math.floor(sorted.length / 2)])} |` : '';
      lines.push(`| ${name} ${fmtRow(c.label, results[i])}${cpuCell} ${ratio} |`);
      console.log(lines.at(-1));
    });
    if (!squawk) lines.push(`| ${name} | squawk | missing | | | |`);
  }
  const endLoad = loadavg();
  if (!squawk)
    lines.push('', 'squawk is missing: run `npm run bench:peers` to install it into .bench-peers/.');
  lines.push(
    '',
    'squawk lints each file alone (no schema state across files, no runner transaction model); migration-lint also replays the history for schema state. squawk-cli from npm is a node script that starts the native squawk binary, so its time holds one node start too.',
    '',
    `Load average (1, 5, 15 min) at the start ${startLoad.map((l) => l.toFixed(2)).join(', ')}, at the end ${endLoad.map((l) => l.toFixed(2)).join(', ')}: other work shared the machine's ${cpus().length} cores, so compare ratios within one scenario (measured round by round), not times across runs.`,
  );
  if (ONLY || COMPARE)
    // a partial or comparing run is for reading, not for the committed results
    console.log(
      `\n${lines.at(-1)}\n(BENCH_ONLY or BENCH_COMPARE: bench/results-migrations.md left as it was)`,
    );
  else
    await writeResults(lines, {
      work,
      profiled: [
        ['every file', ours(history, { all: 'true' })],
        ['pull request', ours(history, { base: 'HEAD~1' })],
      ],
    });
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Profiles the bundle on the history and writes bench/results-migrations.md: tables, notes, breakdown. */
async function writeResults(lines, { work, profiled: commands }) {
  // the breakdown: CPU profiles of the bundle on the history, every file and the pull request
  const profiled = commands.map(([name, c]) => {
    const dir = join(work, `profile-${name.replace(/ /g, '-')}`);
    for (let i = 0; i < PROFILE_RUNS; i++)
      execFileSync(c.command, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200', ...c.args], {
        cwd: c.cwd,
        env: { ...process.env, ...c.env },
        stdio: 'ignore',
      });
    return [name, phasesOf(dir)];
  });
  const phaseNames = [...new Set(profiled.flatMap(([, r]) => r.phases.map((p) => p.name)))];
  const cell = (r, name) => {
    const ms = r.phases.find((p) => p.name === name)?.ms ?? 0;
    return `${ms.toFixed(0)} ms (${((100 * ms) / r.total).toFixed(0)}%)`;
  };
  const breakdown = [
    '## Where the time goes',
    '',
    `\`BENCH_PROFILE_ONLY=1 npm run bench:migrations\` redoes this part alone: ${PROFILE_RUNS} runs of the bundle under \`node --cpu-prof\` on the 500-file history; the run of median length is shown. A sample of the main thread counts in the first phase whose function is on its stack; the WebAssembly compile runs on V8's threads and git in its own processes, so the main thread shows them as idle. Profiling slows the run; compare shares, and see the floor rows above for what the pieces cost without the action. Load average during the profiles: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}.`,
    '',
    `| Phase | ${profiled.map(([name]) => name).join(' | ')} |`,
    `| --- | ${profiled.map(() => '---').join(' | ')} |`,
    ...phaseNames.map((name) => `| ${name} | ${profiled.map(([, r]) => cell(r, name)).join(' | ')} |`),
    `| **total, process start to exit** | ${profiled.map(([, r]) => `${r.total.toFixed(0)} ms`).join(' | ')} |`,
  ];
  const resultsFile = join(root, 'bench', 'results-migrations.md');
  const previous = readFileSync(resultsFile, 'utf8');
  // the hand-written notes sit between the tables and the breakdown; a profile-only run keeps the tables
  const notes = readFileSync(join(root, 'bench', 'migrations-notes.md'), 'utf8').trim();
  const cut = Math.min(
    ...[notes.split('\n')[0], '## Where the time goes'].map((h) => previous.indexOf(h) >>> 0),
  );
  const tables = PROFILE_ONLY ? previous.slice(0, cut).trimEnd().split('\n') : lines;
  // formatted as the repository's `prettier --check` expects
  const { format } = await import('prettier');
  writeFileSync(
    resultsFile,
    await format(`${[...tables, '', notes, '', ...breakdown].join('\n')}\n`, { parser: 'markdown' }),
  );
  console.log(`\nwrote bench/results-migrations.md`);
}
