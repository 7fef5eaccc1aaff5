// `node bench/deploy-metadata.mjs`: the bundled deploy-metadata action (dist/deploy-metadata) on a
// small repository and on a large one (20,000 commits, 1,000 deploy tags, 1,000 commits since the
// last deploy), against the bare git commands it has to run (describe, tag listing, log, count) as
// the floor. No peer: docker/metadata-action and the deployment actions run only inside a runner and
// have no command line to time side by side. Writes bench/results-deploy-metadata.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmtRow, measure, root } from './lib.mjs';

const bundle = join(root, 'dist', 'deploy-metadata', 'index.js');
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
  const action = measure(process.execPath, [bundle], {
    cwd: dir,
    env,
    runs: 7,
    check: (r) => {
      if (r.status !== 0) throw new Error(`deploy-metadata failed on ${label}: ${r.stdout}${r.stderr}`);
    },
  });
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
  const floor = measure('sh', ['-c', script], { cwd: dir, runs: 7 });
  rows.push(
    `| ${label} | | | | |`,
    fmtRow('deploy-metadata (bundle)', action) + ` ${(action.median / floor.median).toFixed(1)}x |`,
    fmtRow('bare git commands (floor)', floor) + ' 1.0x |',
  );
}

const table = [
  '### deploy-metadata',
  '',
  `The bundled action on repositories built with git fast-import (median of 7 whole-process runs after a warm-up; no API: the GitHub sinks are measured by the end-to-end tests, not here). The floor is the git work alone (describe, deploy-tag listing, first-parent log of up to 250 changes, count) in one shell. No peer runs outside a GitHub runner.`,
  '',
  '| repository / tool | median | spread (min – max) | peak RSS | vs floor |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
].join('\n');
writeFileSync(join(root, 'bench', 'results-deploy-metadata.md'), `${table}\n`);
console.log(table);
rmSync(temp, { recursive: true, force: true });
