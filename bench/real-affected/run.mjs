// `npm run bench:real`: the affected action on the real history of public monorepos, run by hand (it
// needs the repositories that the `fetch` tool brings to /work/.mirror; CI has no network).
//
//   node bench/real-affected/run.mjs --select          pick the commits and compute the expected sets
//                                                      (expected.mjs, independent of the action) -> cases.json
//   node bench/real-affected/run.mjs [--label before] [--bundle dist/affected/index.js] [--peers] [--only vite]
//                                                      run the bundle (and turbo, pnpm, nx) on every case
//                                                      -> runs/<label>.json, runs/peers.json, results.md
//   node bench/real-affected/run.mjs --membership      expected.mjs's projects beside pnpm/yarn/npm/cargo's
//   node bench/real-affected/run.mjs --render          results.md again (after editing verdicts.json)
//   node bench/real-affected/run.mjs --speed [--only astro] [--bundle B] [--before B0] [--runs 7]
//                                                      times the bundle(s) and the peers side by side
//                                                      on the spaced cases -> speed.md
//
// Each case is one ordinary first-parent commit of the default branch, compared with its parent. A case
// is checked out in a local clone of the mirror (objects shared), and the bundle runs there as a runner
// runs it: inputs from the environment (defaults from the action.yml beside the bundle), GITHUB_OUTPUT.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fmtRow, measureSideBySide } from '../lib.mjs';
import { expectedAffected, projectsAt } from './expected.mjs';
import { runnerEnv } from './runner-env.mjs';

const here = dirname(new URL(import.meta.url).pathname);
const root = resolve(here, '..', '..');
const MIRRORS = process.env.MIRRORS ?? '/work/.mirror';
const CLONES = join(tmpdir(), 'real-affected-clones');

/** The corpus: repository, ecosystem, evenly spaced commits among the last `window` first-parent ones. */
export const REPOS = [
  { repo: 'vitejs/vite', eco: 'pnpm', even: 5 },
  { repo: 'withastro/astro', eco: 'pnpm', even: 5 },
  { repo: 'jestjs/jest', eco: 'yarn berry', even: 5 },
  { repo: 'documenso/documenso', eco: 'npm', even: 5 },
  { repo: 'tokio-rs/tokio', eco: 'cargo', even: 5 },
  { repo: 'astral-sh/uv', eco: 'cargo', even: 5 },
  { repo: 'LemmyNet/lemmy', eco: 'cargo', even: 5 },
  { repo: 'open-telemetry/opentelemetry-go', eco: 'go', even: 5 },
];
const WINDOW = 400;
/** Extra picks per repository: the newest commit whose changed files match. */
const SPECIAL = {
  lockfile: /^(pnpm-lock\.yaml|yarn\.lock|package-lock\.json|Cargo\.lock|(.*\/)?go\.sum)$/,
  manifest: /^(package\.json|pnpm-workspace\.yaml|Cargo\.toml|go\.work|(.*\/)?go\.mod)$/,
  workflow: /^\.github\/workflows\//,
};

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const git = (dir, argv) =>
  execFileSync('git', ['-C', dir, ...argv], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const mirror = (repo) => join(MIRRORS, repo.replace('/', '+'), 'repo');
const casesFile = join(here, 'cases.json');
const runsDir = join(here, 'runs');
const short = (sha) => sha.slice(0, 10);

function selectCases() {
  const cases = [];
  for (const { repo, eco, even } of REPOS) {
    const dir = mirror(repo);
    if (!existsSync(dir)) {
      console.log(`skip ${repo}: not fetched`);
      continue;
    }
    // Ordinary commits only: one parent, on the first-parent line.
    const log = git(dir, [
      'log',
      '--first-parent',
      `-n${WINDOW}`,
      '--format=%x00%H %P%x01%s',
      '--name-status',
      '-M',
    ])
      .split('\0')
      .filter(Boolean)
      .map((block) => {
        const [head, rest] = block.split('\x01');
        const [sha, ...parents] = head.trim().split(' ');
        const [subject, ...lines] = rest.split('\n');
        const files = lines.filter(Boolean).map((l) => l.split('\t'));
        return { sha, parents, subject, files };
      })
      .filter((c) => c.parents.length === 1);
    const picks = new Map();
    for (let k = 0; k < even; k++) picks.set(log[Math.floor((k * log.length) / even)].sha, 'spaced');
    for (const [kind, re] of Object.entries(SPECIAL)) {
      const c = log.find((x) => !picks.has(x.sha) && x.files.some((f) => re.test(f.at(-1))));
      if (c) picks.set(c.sha, kind);
    }
    const moved = log.find(
      (x) =>
        !picks.has(x.sha) &&
        x.files.some((f) => f[0].startsWith('R') && f[1].split('/')[0] !== f[2].split('/')[0]),
    );
    if (moved) picks.set(moved.sha, 'rename');
    for (const c of log.filter((x) => picks.has(x.sha))) {
      process.stdout.write(`${repo} ${short(c.sha)} ${picks.get(c.sha)}: expected... `);
      const e = expectedAffected(dir, c.parents[0], c.sha);
      console.log(`${e.projects.length}/${e.total}${e.unsure.length ? ' (unsure)' : ''}`);
      cases.push({
        repo,
        eco,
        pick: picks.get(c.sha),
        commit: c.sha,
        base: c.parents[0],
        subject: c.subject.slice(0, 100),
        changedFiles: c.files.length,
        projects: e.total,
        expected: e.projects.map((p) => p.dir),
        expectedNames: e.projects.map((p) => p.name),
        seeds: e.seeds,
        unsure: e.unsure,
      });
    }
  }
  writeFileSync(casesFile, `${JSON.stringify(cases, null, 1)}\n`);
  console.log(`${cases.length} cases -> ${relative(root, casesFile)}`);
}

/** A clone of the mirror sharing its objects, checked out clean at `sha`. */
function checkout(repo, sha) {
  const dir = join(CLONES, repo.replace('/', '+'));
  if (!existsSync(dir)) {
    mkdirSync(CLONES, { recursive: true });
    execFileSync('git', ['clone', '-q', '--no-checkout', '--shared', mirror(repo), dir]);
  }
  // A snapshot may lack its largest blobs (images, fonts): check out everything else, through a
  // sparse-checkout file that leaves exactly those paths out.
  const entries = git(dir, ['ls-tree', '-r', '-z', sha]).split('\0').filter(Boolean);
  const check = spawnSync('git', ['-C', dir, 'cat-file', '--batch-check'], {
    input: entries.map((e) => e.split('\t')[0].split(' ')[2]).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  }).stdout.split('\n');
  const absent = entries.filter((_, i) => check[i].endsWith(' missing')).map((e) => e.split('\t')[1]);
  git(dir, ['config', 'core.sparseCheckout', 'true']);
  writeFileSync(
    join(dir, '.git', 'info', 'sparse-checkout'),
    ['/*', ...absent.map((p) => `!/${p}`), ''].join('\n'),
  );
  git(dir, ['checkout', '-q', '-f', '--detach', sha]);
  git(dir, ['clean', '-qffdx']);
  return dir;
}

/** One line of a GITHUB_OUTPUT file: `name=value` or a `name<<DELIM` block. */
function outputs(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const end = lines.indexOf(m[2], i + 1);
      out[m[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('='))
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
  }
  return out;
}

/** Runs the bundle as the runner does; returns { dirs } or { crash }. */
function runOurs(bundle, dir, c) {
  const temp = join(tmpdir(), `real-affected-run-${process.pid}`);
  const env = runnerEnv(bundle, dir, c, temp);
  const started = Date.now();
  const r = spawnSync(process.execPath, [bundle], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 1 << 30,
  });
  const ms = Date.now() - started;
  const out = outputs(readFileSync(env.GITHUB_OUTPUT, 'utf8'));
  rmSync(temp, { recursive: true, force: true });
  if (r.status !== 0 || out.matrix === undefined) {
    const error =
      `${r.stdout}\n${r.stderr}`.split('\n').find((l) => l.startsWith('::error')) ?? r.stderr.split('\n')[0];
    return {
      crash: `exit ${r.status ?? r.signal}: ${(error ?? '').replace(/^::error[^:]*::/, '').slice(0, 300)}`,
      ms,
    };
  }
  const include = JSON.parse(out.matrix).include;
  return {
    dirs: include.map((p) => p.path).sort(),
    reasons: Object.fromEntries(include.map((p) => [p.path, p.reason.slice(0, 200)])),
    all: out.all === 'true',
    ms,
  };
}

const peerBin = (name) => {
  const bin = join(root, '.bench-peers', 'node_modules', '.bin', name);
  return existsSync(bin) ? bin : undefined;
};

/** turbo, pnpm and nx where they run on the checkout without an install: [tool, command, argv, env, read]. */
function peerCommands(dir, c) {
  const list = [];
  const js = c.eco !== 'cargo' && c.eco !== 'go';
  if (peerBin('turbo') && existsSync(join(dir, 'turbo.json')))
    list.push([
      'turbo',
      peerBin('turbo'),
      ['ls', '--affected', '--output=json'],
      { TURBO_SCM_BASE: c.base, TURBO_SCM_HEAD: c.commit, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
      (out) =>
        JSON.parse(out.slice(out.indexOf('{'))).packages.items.map((p) => p.path.replace(/\/$/, '') || '.'),
    ]);
  if (peerBin('pnpm') && existsSync(join(dir, 'pnpm-workspace.yaml')))
    list.push([
      'pnpm',
      peerBin('pnpm'),
      ['ls', '-r', '--filter', `...[${c.base}]`, '--depth', '-1', '--json'],
      { pnpm_config_pm_on_fail: 'ignore', npm_config_manage_package_manager_versions: 'false' },
      (out) => JSON.parse(out.slice(out.indexOf('['))).map((p) => relative(dir, p.path) || '.'),
    ]);
  if (peerBin('nx') && js) {
    const dirsByName = new Map(projectsAt(dir, c.commit).map((p) => [p.name, p.dir]));
    list.push([
      'nx',
      peerBin('nx'),
      ['show', 'projects', '--affected', `--base=${c.base}`, `--head=${c.commit}`, '--json'],
      { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', NX_TUI: 'false' },
      (out) => JSON.parse(out.slice(out.indexOf('['))).map((n) => dirsByName.get(n) ?? `? ${n}`),
    ]);
  }
  return list;
}

/** Nx runs only where it is installed: lend it the peers' node_modules while `work` runs. */
function withPeerModules(dir, work) {
  const link = join(dir, 'node_modules');
  if (peerBin('nx') && !existsSync(link)) symlinkSync(join(root, '.bench-peers', 'node_modules'), link);
  try {
    return work();
  } finally {
    rmSync(link, { force: true });
  }
}

/** The peers' answers on the checkout: { tool: {dirs} | {error} }. */
function runPeers(dir, c) {
  const result = {};
  withPeerModules(dir, () => {
    for (const [tool, command, argv, env, read] of peerCommands(dir, c)) {
      const r = spawnSync(command, argv, {
        cwd: dir,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 300_000,
        maxBuffer: 1 << 30,
      });
      try {
        if (r.status !== 0) {
          const lines = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim());
          const why =
            lines.find((l) => /error|NX {2}|ERR_/i.test(l) && !/--verbose/.test(l)) ?? lines.find(Boolean);
          throw new Error(`exit ${r.status ?? r.signal}: ${why}`);
        }
        result[tool] = { dirs: [...new Set(read(r.stdout))].filter((d) => d !== '.').sort() };
      } catch (e) {
        result[tool] = { error: String(e.message).slice(0, 200) };
      }
    }
  });
  return result;
}

/**
 * `--speed`: the bundle (and `--before`, an older one) beside the peers on the spaced cases of one
 * repository, side by side round by round (bench/lib.mjs), each answer checked against the expected
 * set. Writes speed.md.
 */
function speed() {
  const runs = Number(option('runs', '7'));
  const bundles = [
    ['trunk-actions affected', resolve(option('bundle', join(root, 'dist', 'affected', 'index.js')))],
    ...(option('before') ? [['affected before', resolve(option('before'))]] : []),
  ];
  const only = option('only', 'astro');
  const cases = JSON.parse(readFileSync(casesFile, 'utf8')).filter(
    (c) => c.repo.includes(only) && c.pick === 'spaced',
  );
  const rows = [];
  for (const c of cases.slice(0, Number(option('cases', '2')))) {
    const dir = checkout(c.repo, c.commit);
    const temps = bundles.map((_, i) => join(tmpdir(), `real-affected-speed-${process.pid}-${i}`));
    const commands = [
      ...bundles.map(([tool, bundle], i) => ({
        tool,
        command: process.execPath,
        args: [bundle],
        env: runnerEnv(bundle, dir, c, temps[i]),
        read: () =>
          JSON.parse(outputs(readFileSync(join(temps[i], 'output'), 'utf8')).matrix).include.map(
            (p) => p.path,
          ),
      })),
      ...peerCommands(dir, c).map(([tool, command, args, env, read]) => ({
        tool,
        command,
        args,
        env,
        read: (r) => read(r.stdout),
      })),
    ].map((t) => ({ ...t, cwd: dir }));
    const timings = withPeerModules(dir, () => measureSideBySide(commands, { runs }));
    const expected = [...c.expected].sort();
    rows.push(
      `| **${c.repo} ${short(c.commit)}**: ${c.projects} projects, ${c.changedFiles} changed files, ${expected.length} expected | | | | |`,
    );
    commands.forEach((t, i) => {
      let verdict;
      try {
        const got = [...new Set(t.read(timings[i].last))].filter((d) => d !== '.').sort();
        const d = diff(got, expected);
        verdict =
          d.missing.length || d.extra.length ? `differs (-${d.missing.length} +${d.extra.length})` : 'exact';
      } catch (e) {
        verdict = `failed: ${String(e.message).split('\n')[0].slice(0, 80)}`;
      }
      rows.push(`${fmtRow(t.tool, timings[i])} ${verdict} |`);
    });
    for (const temp of temps) rmSync(temp, { recursive: true, force: true });
  }
  const text = [
    '# affected on the largest repository of the corpus, beside the peers',
    '',
    `Measured by \`node bench/real-affected/run.mjs --speed --only ${only}\` on ${new Date().toISOString().slice(0, 10)}: whole process, median of ${runs} rounds after a warm-up, each round running every tool once (bench/lib.mjs); the action as on a runner's push event (base and head given), the peers as in results.md (on the checkout, no install). Node ${process.version}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ', ',
      )} on ${cpus().length} cores: other work shared the machine, so compare within a case. "exact": the answer is the expected set of folders.`,
    '',
    '| tool | median | spread | peak RSS | answer |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(join(here, 'speed.md'), text);
  console.log(text);
}

/** What `got` lacks and adds against `want`; a folder listed twice (two jobs for one project) is extra. */
const diff = (got, want) => ({
  missing: want.filter((d) => !got.includes(d)),
  extra: got.filter((d, i) => !want.includes(d) || got.indexOf(d) !== i),
});

function runAll() {
  const label = option('label', 'before');
  const bundle = resolve(option('bundle', join(root, 'dist', 'affected', 'index.js')));
  const only = option('only');
  const cases = JSON.parse(readFileSync(casesFile, 'utf8')).filter((c) => !only || c.repo.includes(only));
  mkdirSync(runsDir, { recursive: true });
  const oursFile = join(runsDir, `${label}.json`);
  const peersFile = join(runsDir, 'peers.json');
  const ours = existsSync(oursFile) ? JSON.parse(readFileSync(oursFile, 'utf8')) : {};
  const peers = existsSync(peersFile) ? JSON.parse(readFileSync(peersFile, 'utf8')) : {};
  const bundleRepo = resolve(dirname(bundle), '..', '..');
  ours.__bundle = {
    commit: git(bundleRepo, ['rev-parse', '--short', 'HEAD']).trim(),
    dirty: git(bundleRepo, ['status', '--porcelain', '--', 'actions', 'shared']).trim() !== '',
  };
  for (const c of cases) {
    const id = `${c.repo}@${short(c.commit)}`;
    if (flag('resume') && ours[id] && (!flag('peers') || peers[id])) continue;
    const dir = checkout(c.repo, c.commit);
    const r = runOurs(bundle, dir, c);
    const d = r.dirs && diff(r.dirs, c.expected);
    ours[id] = { ...r, ...(d && { missing: d.missing, extra: d.extra }) };
    console.log(
      `${id} ${c.pick}: ours ${r.crash ? `CRASH ${r.crash.slice(0, 120)}` : d.missing.length + d.extra.length ? `wrong (-${d.missing.length} +${d.extra.length})` : 'exact'} (${r.ms} ms)`,
    );
    if (flag('peers')) {
      peers[id] = runPeers(dir, c);
      for (const [tool, p] of Object.entries(peers[id]))
        console.log(
          `   ${tool}: ${p.error ? `failed ${p.error.slice(0, 100)}` : JSON.stringify(diff(p.dirs, c.expected)).slice(0, 150)}`,
        );
    }
    writeFileSync(oursFile, `${JSON.stringify(ours, null, 1)}\n`);
    if (flag('peers')) writeFileSync(peersFile, `${JSON.stringify(peers, null, 1)}\n`);
  }
  writeFileSync(join(here, 'results.md'), render());
}

/** results.md from cases.json, runs/*.json and verdicts.json. */
function render() {
  const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
  const load = (f) =>
    existsSync(join(runsDir, f)) ? JSON.parse(readFileSync(join(runsDir, f), 'utf8')) : {};
  const peers = load('peers.json');
  const verdicts = existsSync(join(here, 'verdicts.json'))
    ? JSON.parse(readFileSync(join(here, 'verdicts.json'), 'utf8'))
    : {};
  const labels = ['before', 'after', 'merged'].filter((l) => existsSync(join(runsDir, `${l}.json`)));
  const list = (xs) => (xs.length > 3 ? `${xs.slice(0, 3).join(', ')} +${xs.length - 3}` : xs.join(', '));
  /** ok, wrong (-missing +extra), crash (ours) / failed (a peer), or not run. */
  const cell = (r, c, wrong = 'wrong') => {
    if (!r) return 'not run';
    if (r.crash) return 'crash';
    if (r.error) return 'failed';
    const d = diff(r.dirs, c.expected);
    return d.missing.length + d.extra.length ? `${wrong} (-${d.missing.length} +${d.extra.length})` : 'ok';
  };
  const auto = (r, c) => {
    if (r.crash) return r.crash.replace(/\|/g, '\\|');
    const d = diff(r.dirs, c.expected);
    return [d.missing.length && `missing ${list(d.missing)}`, d.extra.length && `extra ${list(d.extra)}`]
      .filter(Boolean)
      .join('; ');
  };
  const out = [
    '# affected on real monorepos',
    '',
    `Generated by \`npm run bench:real\` (bench/real-affected/run.mjs). ${cases.length} ordinary first-parent commits of ${new Set(cases.map((c) => c.repo)).size} public repositories (${[...new Set(cases.map((c) => c.eco))].join(', ')}), each compared with its parent. The expected set comes from bench/real-affected/expected.mjs, which follows issue 15's rule and shares no code with the action. Sets are compared by project folder. \`-n +m\`: n expected projects missing, m extra. Peers run on the checkout without an install (turbo where the repository has a turbo.json, pnpm on pnpm workspaces, nx on every JS workspace); their root project is left out.`,
    '',
  ];
  for (const label of labels) {
    const ours = load(`${label}.json`);
    const rows = cases.filter((c) => ours[`${c.repo}@${short(c.commit)}`]);
    const status = rows.map((c) => cell(ours[`${c.repo}@${short(c.commit)}`], c));
    const crashes = status.filter((s) => s === 'crash').length;
    const exact = status.filter((s) => s === 'ok').length;
    out.push(
      `## ${label}: ours on ${{ before: 'the bundle before the issue 15 fixes', after: 'the affected-fix branch', merged: 'the merged main, with the hardening and first-run work' }[label]}${ours.__bundle ? ` (built from ${ours.__bundle.commit}${ours.__bundle.dirty ? ' with uncommitted changes' : ''})` : ''}`,
      '',
      `**${rows.length} cases: ${exact} exact, ${rows.length - exact - crashes} disagreements, ${crashes} crashes.**`,
      '',
      '| repo | commit | pick | projects | expected | ours | turbo | pnpm | nx | disagreement / verdict |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const c of rows) {
      const id = `${c.repo}@${short(c.commit)}`;
      const r = ours[id];
      const p = peers[id] ?? {};
      const why =
        verdicts[`${label}:${id}`] ?? (cell(r, c) === 'ok' ? '' : (verdicts[label]?.[id] ?? auto(r, c)));
      out.push(
        `| ${c.repo} | ${short(c.commit)} | ${c.pick} | ${c.projects} | ${c.expected.length}${c.unsure.length ? ' (unsure)' : ''} | ${cell(r, c)} | ${['turbo', 'pnpm', 'nx'].map((t) => cell(p[t], c, 'differs').replace('not run', '–')).join(' | ')} | ${why} |`,
      );
    }
    out.push('');
  }
  if (Object.keys(peers).length) {
    out.push('## Peers against the expected sets', '');
    for (const tool of ['turbo', 'pnpm', 'nx']) {
      const runs = cases.map((c) => [c, peers[`${c.repo}@${short(c.commit)}`]?.[tool]]).filter(([, p]) => p);
      const ok = runs.filter(([c, p]) => cell(p, c) === 'ok').length;
      const failed = runs.filter(([, p]) => p.error).length;
      out.push(
        `- **${tool}**: ${runs.length} cases run, ${ok} equal to the expected set, ${runs.length - ok - failed} different, ${failed} failed.`,
      );
      // One line per verdict, with the cases it explains.
      const byVerdict = new Map();
      for (const [c, p] of runs) {
        if (cell(p, c) === 'ok') continue;
        const id = `${c.repo}@${short(c.commit)}`;
        const why =
          verdicts.peers?.[`${tool}:${id}`] ?? (p.error ? p.error : `no verdict yet: ${auto(p, c)}`);
        byVerdict.set(why, [...(byVerdict.get(why) ?? []), `${id} ${cell(p, c, 'differs')}`]);
      }
      for (const [why, ids] of byVerdict) out.push(`  - ${why.replace(/\|/g, '\\|')}: ${ids.join(', ')}`);
    }
    out.push('');
  }
  if (existsSync(join(runsDir, 'membership.md')))
    out.push(
      '## Membership: expected.mjs beside the package managers',
      '',
      "Projects found by expected.mjs at each repository's newest case, beside the package manager's own offline listing (`--membership`; the JS tooling root left out).",
      '',
      readFileSync(join(runsDir, 'membership.md'), 'utf8'),
    );
  out.push(
    '## Re-running',
    '',
    '```sh',
    'npm run bundle && npm run bench:peers          # the bundle, and turbo/pnpm/nx into .bench-peers/',
    '# fetch the repositories listed in REPOS (run.mjs) to /work/.mirror/<owner>+<name>/repo, then:',
    'npm run bench:real -- --select                 # only to pick commits again: rewrites cases.json',
    'npm run bench:real -- --label before --peers   # ours + peers on every case -> runs/, results.md',
    'npm run bench:real -- --label after --bundle /tmp/af/dist/affected/index.js',
    'npm run bench:real -- --membership             # expected.mjs beside pnpm/yarn/npm/cargo listings',
    'npm run bench:real -- --render                 # results.md again from cases.json, runs/, verdicts.json',
    '```',
    '',
    'verdicts.json holds the one-line verdicts written by hand: `before`/`after` map `<repo>@<commit>` to the verdict on ours, `peers` maps `<tool>:<repo>@<commit>` to the verdict on a peer.',
    '',
  );
  return out.join('\n');
}

/**
 * Membership proof: the projects expected.mjs finds at each repository's newest case, beside what the
 * package manager itself lists offline (pnpm ls -r, yarn workspaces list, npm query .workspace with
 * --package-lock-only, cargo metadata --no-deps). Go modules have no lister without a go.work.
 */
function membership() {
  const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
  const rows = [];
  for (const repo of [...new Set(cases.map((c) => c.repo))]) {
    const c = cases.find((x) => x.repo === repo);
    const dir = checkout(repo, c.commit);
    const ours = projectsAt(mirror(repo), c.commit).map((p) => p.dir);
    const sh = (command, argv, env = {}) =>
      execFileSync(command, argv, {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    let tool;
    let listed;
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) {
      tool = 'pnpm ls -r --depth -1';
      const out = sh(peerBin('pnpm'), ['ls', '-r', '--depth', '-1', '--json'], {
        pnpm_config_pm_on_fail: 'ignore',
      });
      listed = JSON.parse(out.slice(out.indexOf('['))).map((p) => relative(dir, p.path) || '.');
    } else if (existsSync(join(dir, '.yarnrc.yml'))) {
      tool = 'yarn workspaces list';
      const yarn = readdirSync(join(dir, '.yarn', 'releases')).find((f) => f.endsWith('.cjs'));
      listed = sh(process.execPath, [join(dir, '.yarn', 'releases', yarn), 'workspaces', 'list', '--json'])
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).location);
    } else if (existsSync(join(dir, 'package-lock.json'))) {
      tool = 'npm query .workspace --package-lock-only';
      listed = JSON.parse(sh('npm', ['query', '.workspace', '--package-lock-only'])).map((p) => p.location);
    } else if (existsSync(join(dir, 'Cargo.toml'))) {
      tool = 'cargo metadata --no-deps';
      const m = JSON.parse(
        sh('cargo', ['metadata', '--no-deps', '--offline', '--format-version', '1'], {
          RUSTUP_TOOLCHAIN: 'stable',
        }),
      );
      const members = new Set(m.workspace_members);
      listed = m.packages
        .filter((p) => members.has(p.id))
        .map((p) => relative(dir, dirname(p.manifest_path)) || '.');
      // The uv root [project] is Python: cargo does not list it.
      if (
        existsSync(join(dir, 'pyproject.toml')) &&
        !m.packages.some((p) => dirname(p.manifest_path) === dir)
      ) {
        listed.push('.');
        tool += ' + the root pyproject [project]';
      }
    } else continue;
    listed = listed.filter((d) => d !== '.' || ours.includes('.'));
    const d = diff(ours, listed);
    rows.push(
      `| ${repo} | ${short(c.commit)} | ${tool} | ${listed.length} | ${ours.length} | ${d.missing.length + d.extra.length ? `missing ${d.missing.join(', ') || '-'}; extra ${d.extra.join(', ') || '-'}` : 'same'} |`,
    );
    console.log(rows.at(-1));
  }
  writeFileSync(
    join(runsDir, 'membership.md'),
    [
      '| repo | commit | lister | listed | expected.mjs | difference |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

/** The written files, formatted as the repository's format check expects. */
function tidy() {
  const prettier = join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  if (existsSync(prettier)) execFileSync(process.execPath, [prettier, '--log-level=warn', '--write', here]);
}

if (flag('membership')) membership();
else if (flag('speed')) speed();
else if (flag('select')) selectCases();
else if (flag('render')) writeFileSync(join(here, 'results.md'), render());
else runAll();
tidy();
