// Builds the repository an action's demo runs on, from actions/<name>/demo.yml: the data is the
// action's, the building is here, so `npm run demo`, `npm run screenshots` and the tests that replay a
// demo all see the same repository. A demo's `repository` is one of:
//   branch-from: DIR  DIR/base committed on main, then DIR/change laid over it on a branch, as a pull
//                     request would look (with branch, base-message, change-message);
//   copy: DIR         DIR copied as it is (an export, reports and a state file: no git needed);
//   history: FILE     the commits, tags and deploy tags of FILE replayed with fixed authors and dates.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const DEMO_AUTHOR = { author: 'Demo', email: 'demo@example.com' };

/** The demos' first commit time (seconds): fixed, like authors, so hashes and pictures never change. */
const EPOCH = 1_760_000_000;

/** Runs git in `dir` as `who` at `clock`. */
function gitIn(dir, args, who, clock) {
  return execFileSync('git', args, {
    cwd: dir,
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
}

function branchFromFixtures(dir, spec) {
  const fixtures = join(root, spec['branch-from']);
  const git = (args, clock = EPOCH) => gitIn(dir, args, DEMO_AUTHOR, clock);
  cpSync(join(fixtures, 'base'), dir, { recursive: true });
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', spec['base-message']]);
  git(['checkout', '-q', '-b', spec.branch]);
  cpSync(join(fixtures, 'change'), dir, { recursive: true });
  git(['add', '-A']);
  git(['commit', '-q', '-m', spec['change-message']], EPOCH + 3600);
}

/** Replays history.json: merges come from a topic branch, deploy tags carry the record they stored. */
function replayHistory(dir, spec) {
  const history = JSON.parse(readFileSync(join(root, spec.history), 'utf8'));
  let clock = EPOCH;
  const git = (args, who) =>
    gitIn(dir, args, who ?? { author: 'Ada Lovelace', email: 'ada@example.com' }, clock);
  git(['init', '-q', '-b', 'main']);
  for (const commit of history.commits) {
    clock += 3600;
    if (commit.merge) git(['checkout', '-q', '-b', 'topic']);
    for (const [path, text] of Object.entries(commit.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
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
      const stored = { environment: spec.environment, version, buildId };
      const message = `deploy ${spec.service} ${version} to ${spec.environment}\n\n${JSON.stringify(stored)}`;
      git(['tag', '-a', name, '-m', message], commit);
    }
  }
}

/**
 * Builds the demo of action `name` in the empty folder `dir`.
 * @returns {{ title: string, args: string[] }} what the demo asks, and the command-line arguments
 *   (`--<input> <value>` pairs) to run the action with in `dir`
 */
export function prepareDemo(name, dir) {
  const demo = parse(readFileSync(join(root, 'actions', name, 'demo.yml'), 'utf8'));
  const spec = demo.repository;
  if (spec['branch-from']) branchFromFixtures(dir, spec);
  else if (spec.copy) cpSync(join(root, spec.copy), dir, { recursive: true });
  else if (spec.history) replayHistory(dir, spec);
  else throw new Error(`actions/${name}/demo.yml: repository needs branch-from, copy or history`);
  return { title: demo.title, args: demo.args.map(String) };
}
