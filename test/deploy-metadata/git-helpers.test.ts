import { Git } from '../../shared/git.js';
import { createRepo, type TestRepo } from '../support/git-repo.js';

// The git helpers deploy-metadata added to shared/git.ts, against a real repository.
let repo: TestRepo;
let git: Git;
const sha: string[] = [];

beforeAll(() => {
  repo = createRepo({ 'a.txt': 'a\n' });
  sha.push(repo.git(['rev-parse', 'HEAD']).trim());
  repo.git(['tag', 'v1.0.0']);
  sha.push(repo.commit('second\x1fwith a unit separator\n\nand a body\nwith lines', { 'b.txt': 'b\n' }));
  repo.git(['tag', '-a', 'deploy/prod/1', '-m', 'deploy line\n\n{"version":"1.0.0"}']);
  repo.git(['tag', 'deploy/prod/2']);
  repo.git(['tag', 'deploy/prod-eu/1']);
  sha.push(repo.commit('third (#3)', { 'c.txt': 'c\n' }));
  git = new Git(repo.dir);
});
afterAll(() => repo.cleanup());

test('commit: author, committer time and subject', async () => {
  expect(await git.commit(sha[2]!)).toEqual({
    sha: sha[2],
    authorName: 'Ada Lovelace',
    authorEmail: 'ada@example.com',
    committedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
    subject: 'third (#3)',
  });
});

test('log and countCommits: newest first, bounded, subjects intact', async () => {
  const commits = await git.log(sha[0]!, sha[2]!, { max: 10, firstParent: true });
  expect(commits.map((c) => c.sha)).toEqual([sha[2], sha[1]]);
  expect(commits[1]!.subject).toBe('second\x1fwith a unit separator');
  expect(await git.log(sha[0]!, sha[2]!, { max: 1 })).toHaveLength(1);
  expect(await git.countCommits(sha[0]!, sha[2]!, true)).toBe(2);
  expect(await git.log(sha[2]!, sha[2]!, { max: 5 })).toEqual([]);
});

test('tags under a path prefix, peeled to commits; messages of annotated tags', async () => {
  const tags = await git.tags('deploy/prod/');
  expect(tags.map((t) => [t.name, t.commit])).toEqual([
    ['deploy/prod/1', sha[1]],
    ['deploy/prod/2', sha[1]],
  ]);
  expect(tags[0]!.object).not.toBe(sha[1]); // an annotated tag is its own object
  expect(await git.tagMessage('deploy/prod/1')).toBe('deploy line\n\n{"version":"1.0.0"}\n');
  expect(await git.tagMessage('deploy/prod/2')).toBeUndefined();
  expect(await git.tagMessage('deploy/missing')).toBeUndefined();
});

test('tagsAt and describe', async () => {
  expect(await git.tagsAt(sha[1]!)).toEqual(['deploy/prod-eu/1', 'deploy/prod/1', 'deploy/prod/2']);
  expect(await git.describe(sha[2]!, ['v[0-9]*.[0-9]*.[0-9]*'])).toBe(`v1.0.0-2-g${sha[2]!.slice(0, 7)}`);
  expect(await git.describe(sha[2]!, ['nomatch*'])).toBeUndefined();
});
