// Demo for `npm run demo`: a small repository with a release tag, an earlier deploy tag and merged
// pull requests since (from test/fixtures/deploy-metadata/demo/history.json), then the deploy record
// for production: version from git describe, changes since deploy/production/14 with PR numbers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixture = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../test/fixtures/deploy-metadata/demo/history.json',
);

export async function demo(tmpDir) {
  const history = JSON.parse(readFileSync(fixture, 'utf8'));
  let clock = 1_760_000_000;
  const git = (args, who = { author: 'Ada Lovelace', email: 'ada@example.com' }) =>
    execFileSync('git', args, {
      cwd: tmpDir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: who.author,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_COMMITTER_NAME: who.author,
        GIT_COMMITTER_EMAIL: who.email,
        GIT_AUTHOR_DATE: `${clock} +0000`,
        GIT_COMMITTER_DATE: `${clock} +0000`,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    });
  git(['init', '-q', '-b', 'main']);
  for (const commit of history.commits) {
    clock += 3600;
    if (commit.merge) git(['checkout', '-q', '-b', 'topic']);
    for (const [path, text] of Object.entries(commit.files)) {
      mkdirSync(dirname(join(tmpDir, path)), { recursive: true });
      writeFileSync(join(tmpDir, path), text);
    }
    git(['add', '-A']);
    git(['commit', '-q', '-m', commit.merge ? `Work for: ${commit.subject}` : commit.subject], commit);
    if (commit.merge) {
      git(['checkout', '-q', 'main']);
      git(['merge', '-q', '--no-ff', 'topic', '-m', commit.subject], commit);
      git(['branch', '-q', '-D', 'topic']);
    }
    for (const tag of commit.tags ?? []) git(['tag', tag]);
    if (commit.deployTag) {
      const { name, version, buildId } = commit.deployTag;
      const stored = { environment: 'production', version, buildId };
      git(
        ['tag', '-a', name, '-m', `deploy shop ${version} to production\n\n${JSON.stringify(stored)}`],
        commit,
      );
    }
  }
  return {
    title: 'deploy record for production, with the changes since the last deploy tag',
    args: ['--environment', 'production', '--service', 'shop', '--export-env', 'true'],
  };
}
