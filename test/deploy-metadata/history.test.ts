import { Git } from '../../shared/git.js';
import {
  findHistory,
  lookupFailedNote,
  noPreviousNote,
  unreachableNote,
} from '../../actions/deploy-metadata/src/history.js';
import { tagMessage, type DeployRecord } from '../../actions/deploy-metadata/src/record.js';
import { createRepo, type TestRepo } from '../support/git-repo.js';

// The previous deploy and the changes since it, found in real repositories (no GitHub: previous-lookup git).
let repo: TestRepo;
const sha: string[] = [];

/** A Git that records each git process it starts. */
function tracedGit(dir: string) {
  const calls: string[] = [];
  return { git: new Git(dir, { trace: (line) => calls.push(line) }), calls };
}

const stored = (version: string, buildId: string) =>
  tagMessage({ service: 'shop', environment: 'prod', version, buildId } as DeployRecord);

beforeAll(() => {
  repo = createRepo({ 'a.txt': 'a\n' });
  sha.push(repo.git(['rev-parse', 'HEAD']).trim());
  repo.git(['tag', 'deploy/prod/1']); // lightweight, as a tag pushed by hand
  repo.git(['tag', 'deploy/qa/1']);
  for (let i = 1; i <= 3; i++) sha.push(repo.commit(`change ${i} (#${i})`, { [`f${i}.txt`]: `${i}\n` }));
  repo.git(['tag', '-a', 'deploy/prod/2', '-m', stored('1.1.0', '900-1')]);
  for (let i = 4; i <= 6; i++) sha.push(repo.commit(`change ${i}`, { [`f${i}.txt`]: `${i}\n` }));
  repo.git(['tag', '-a', 'deploy/prod/3', '-m', stored('1.2.0', '1000-1')]); // this run's own, first attempt
  sha.push(repo.commit('change 7', { 'f7.txt': '7\n' }));
});
afterAll(() => repo.cleanup());

const head = () => sha.at(-1)!;

test('skips the tag this run made, reads the version from the previous one, lists the changes since', async () => {
  const { git } = tracedGit(repo.dir);
  const history = await findHistory(
    { git, tagPrefix: 'deploy/', maxChanges: 250 },
    { environment: 'prod', buildId: '1000-2', sha: head() },
  );
  expect(history.previous).toEqual({ sha: sha[3], tag: 'deploy/prod/2', source: 'tag', version: '1.1.0' });
  expect(history.changes?.count).toBe(4);
  expect(history.changes?.commits.map((c) => c.subject)).toEqual([
    'change 7',
    'change 6',
    'change 5',
    'change 4',
  ]);
  expect(history.notes).toEqual([]);
});

test.each([
  ['under the bound: the listed commits are the count, no second git process', 250, false],
  ['at the bound: the count is asked for', 1, true],
] as const)('%s', async (_name, maxChanges, counted) => {
  const { git, calls } = tracedGit(repo.dir);
  const history = await findHistory(
    { git, tagPrefix: 'deploy/', maxChanges },
    { environment: 'prod', buildId: '2000-1', sha: head() },
  );
  expect(history.previous?.tag).toBe('deploy/prod/3');
  expect(history.changes).toMatchObject({ count: 1, truncated: false });
  expect(history.changes!.commits.map((c) => c.subject)).toEqual(['change 7']);
  expect(calls.some((c) => c.startsWith('git rev-list --count'))).toBe(counted);
});

test('a lightweight deploy tag has no message, so none is read', async () => {
  const { git, calls } = tracedGit(repo.dir);
  const history = await findHistory(
    { git, tagPrefix: 'deploy/', maxChanges: 2 },
    { environment: 'qa', buildId: '3000-1', sha: sha[2]! },
  );
  expect(history.previous).toEqual({ sha: sha[0], tag: 'deploy/qa/1', source: 'tag' });
  expect(history.changes).toMatchObject({ count: 2, truncated: false });
  expect(calls.filter((c) => c.includes('%(contents)'))).toEqual([]);
});

test('more changes than the bound: the first ones listed, the count complete', async () => {
  const { git } = tracedGit(repo.dir);
  const history = await findHistory(
    { git, tagPrefix: 'deploy/', maxChanges: 2 },
    { environment: 'prod', buildId: '1000-2', sha: head() },
  );
  expect(history.changes).toMatchObject({ count: 4, truncated: true });
  expect(history.changes!.commits).toHaveLength(2);
});

test.each([
  [
    'no deploy tag of the environment in a full clone: the first deploy',
    () => repo.dir,
    'info',
    /this is the first one/,
  ],
  [
    'a shallow clone without tags: a warning naming fetch-depth',
    () => repo.clone({ depth: 1 }).dir,
    'warning',
    /shallow clone: .*fetch-depth: 0/,
  ],
] as const)('%s', async (_name, dir, level, text) => {
  const history = await findHistory(
    { git: new Git(dir()), tagPrefix: 'deploy/', maxChanges: 250 },
    { environment: 'staging', buildId: '1-1', sha: head() },
  );
  expect(history).toEqual({ notes: [{ level, text: expect.stringMatching(text) }] });
});

test.each([
  [noPreviousNote('prod', false), 'info', 'No earlier deploy of prod was found: this is the first one.'],
  [noPreviousNote('prod', true), 'warning', /^No earlier deploy of prod was found in this shallow clone/],
  [lookupFailedNote('HTTP 500'), 'warning', /^Could not look up the previous deploy on GitHub \(HTTP 500\)/],
  [
    unreachableNote({ sha: 'a'.repeat(40), tag: 'deploy/prod/4', source: 'tag' }),
    'warning',
    /^The previous deploy aaaaaaa \(deploy tag deploy\/prod\/4\) is not in this clone .*fetch-depth: 0\.$/,
  ],
  [
    unreachableNote({ sha: 'b'.repeat(40), source: 'deployment' }, 'no merge-base'),
    'warning',
    /\(the last successful deployment\) .*fetch-depth: 0\. \(no merge-base\)$/,
  ],
])('note %#', (note, level, text) => {
  expect(note.level).toBe(level);
  expect(note.text).toMatch(text);
});
