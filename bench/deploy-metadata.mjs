// `node bench/deploy-metadata.mjs [--baseline DIR]`: the bundled deploy-metadata action
// (dist/deploy-metadata) on a small repository and on two large ones, against the bare git commands
// it has to run (describe, tag listing, log, count) as the floor, side by side in one run. With
// `--baseline DIR` (a copy of an earlier dist/deploy-metadata) that bundle runs in the same rounds,
// so a change is compared within one run. No peer: docker/metadata-action and the deployment actions
// run only inside a runner and have no command line to time side by side.
// Writes bench/results-deploy-metadata.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmtRow, measureSideBySide, root } from './lib.mjs';

const bundle = join(root, 'dist', 'deploy-metadata', 'index.js');
const at = process.argv.indexOf('--baseline');
const baseline = at > 0 ? join(process.argv[at + 1], 'index.js') : undefined;
const RUNS = 7;
const temp = mkdtempSync(join(tmpdir(), 'bench-deploy-'));

/** A linear history of `commits` commits with a deploy tag every `every` commits, via fast-import. */
function makeRepo(name, commits, every) {
  const dir = join(temp, name);
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const lines = [];
  for (let i = 1; i <= commits; i++) {
    const when = 1_700_000_000 + i * 60;
    const message = `Change ${i} (#${i})\n`;
    const content = `line ${i}\n`;
    lines.push(
      'commit refs/heads/main',
      `mark :${i}`,
      `author Ada <1+ada@users.noreply.github.com> ${when} +0000`,
      `committer Ada <1+ada@users.noreply.github.com> ${when} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      `M 644 inline file-${i % 100}.txt`,
      `data ${Buffer.byteLength(content)}`,
      content,
    );
    if (i === 1) lines.push('reset refs/tags/v1.0.0', 'from :1', '');
    if (i % every === 0 && commits - i >= every)
      lines.push(`reset refs/tags/deploy/production/${i / every}`, `from :${i}`, '');
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: `${lines.join('\n')}\n` });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
  return dir;
}

const repos = [
  ['small: 60 commits, 2 deploy tags', makeRepo('small', 60, 20)],
  ['large: 20,000 commits, 19 deploy tags, 1,000 changes', makeRepo('large', 20_000, 1000)],
  ['many tags: 20,000 commits, 1,999 deploy tags, 10 changes', makeRepo('tags', 20_000, 10)],
];

const rows = [];
for (const [label, dir] of repos) {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  const out = join(temp, 'output');
  const env = {
    INPUT_ENVIRONMENT: 'production',
    GITHUB_WORKSPACE: dir,
    GITHUB_SHA: head,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '1',
    GITHUB_OUTPUT: out,
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
  };
  writeFileSync(out, '');
  const check = (r) => {
    if (r.status !== 0) throw new Error(`deploy-metadata failed on ${label}: ${r.stdout}${r.stderr}`);
  };
  const last = spawnSync(
    'git',
    [
      'for-each-ref',
      '--count=1',
      '--sort=-version:refname',
      '--format=%(objectname)',
      'refs/tags/deploy/production/',
    ],
    { cwd: dir, encoding: 'utf8' },
  ).stdout.trim();
  const script = [
    `git describe --tags --long --match 'v[0-9]*.[0-9]*.[0-9]*' ${head}`,
    'git for-each-ref refs/tags/deploy/production/ >/dev/null',
    `git log --first-parent --max-count=250 --format=%H%x00%an%x00%s ${last}..${head} >/dev/null`,
    `git rev-list --count --first-parent ${last}..${head}`,
  ].join(' && ');
  const tools = [
    ['deploy-metadata (bundle)', { command: process.execPath, args: [bundle], cwd: dir, env, check }],
    ...(baseline
      ? [['baseline bundle', { command: process.execPath, args: [baseline], cwd: dir, env, check }]]
      : []),
    ['bare git commands (floor)', { command: 'sh', args: ['-c', script], cwd: dir }],
  ];
  const results = measureSideBySide(
    tools.map(([, command]) => command),
    { runs: RUNS },
  );
  const floor = results.at(-1);
  rows.push(`| ${label} | | | | | |`);
  tools.forEach(([name, command], i) => {
    // `::debug::git ...` lines: the git processes the action started (the runner hides them).
    const gits =
      command.command === 'sh' ? 4 : (results[i].last.stdout.match(/^::debug::git /gm) ?? []).length;
    rows.push(`${fmtRow(name, results[i])} ${gits} | ${(results[i].median / floor.median).toFixed(1)}x |`);
  });
}

const load = loadavg()
  .map((n) => n.toFixed(1))
  .join(', ');
const table = [
  '### deploy-metadata',
  '',
  `The bundled action on repositories built with git fast-import, side by side: ${RUNS} rounds after a warm-up, each round running every command once; medians. No API: the GitHub sinks are measured by the end-to-end tests, not here. The floor is the git work alone (describe, deploy-tag listing, first-parent log of up to 250 changes, count) in one shell. No peer runs outside a GitHub runner. Load average at the end: ${load} (1, 5, 15 min) on this 2-core machine shared with other work, so compare ratios within the run.`,
  '',
  '| repository / tool | median | spread (min – max) | peak RSS | git processes | vs floor |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  `Git processes: the \`::debug::git\` lines of one run. Reproduce: \`npm run bundle deploy-metadata && node bench/deploy-metadata.mjs${baseline ? ' --baseline DIR' : ''}\`${baseline ? ', with DIR a copy of an earlier dist/deploy-metadata (here: the bundle before the change being measured)' : ''}.`,
].join('\n');
writeFileSync(join(root, 'bench', 'results-deploy-metadata.md'), `${table}\n`);
console.log(table);
rmSync(temp, { recursive: true, force: true });
