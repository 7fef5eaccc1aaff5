import { InputError } from '../../shared/errors.js';
import { Git } from '../../shared/git.js';
import { readDeployedCommit } from '../../actions/deploy-metadata/src/deployed-commit.js';
import { createRepo, type TestRepo } from '../support/git-repo.js';

let repo: TestRepo;
const sha: Record<string, string> = {};

beforeAll(() => {
  repo = createRepo({ 'a.txt': 'a\n' });
  sha.first = repo.git(['rev-parse', 'HEAD']).trim();
  sha.tagged = repo.commit('release (#4)', { 'b.txt': 'b\n' });
  repo.git(['tag', 'v1.2.0']);
  repo.git(['tag', 'v1.10.0']);
  repo.git(['tag', 'not-semver']);
  sha.after = repo.commit('fix', { 'c.txt': 'c\n' });
});
afterAll(() => repo.cleanup());

// Listing the tags on a commit reads every tag: only a commit that describe finds tagged needs it.
test.each([
  ['the highest semver tag on the commit', 'tagged', {}, { version: '1.10.0', source: 'tag' }, true],
  [
    'git describe past the last tag',
    'after',
    {},
    { version: expect.stringMatching(/^1\.10\.0-1-g[0-9a-f]{7}$/), source: 'describe' },
    false,
  ],
  [
    'no tag behind the commit',
    'first',
    {},
    { version: expect.stringMatching(/^0\.0\.0-/), source: 'fallback' },
    false,
  ],
  [
    'the version input, v dropped',
    'after',
    { version: 'v2.0.0' },
    { version: '2.0.0', source: 'input' },
    false,
  ],
] as const)('version: %s', async (_name, commit, wanted, version, listsTags) => {
  const calls: string[] = [];
  const deployed = await readDeployedCommit(
    new Git(repo.dir, { trace: (line) => calls.push(line) }),
    { headSha: sha[commit]!, ref: 'refs/heads/main' },
    { requireSemver: false, ...wanted },
  );
  expect(deployed.commit.sha).toBe(sha[commit]);
  expect(deployed.version).toMatchObject(version);
  expect(deployed.ref).toBe('refs/heads/main');
  expect(calls.some((c) => c.startsWith('git tag --list'))).toBe(listsTags);
});

test('outside a runner: HEAD and the branch checked out', async () => {
  const deployed = await readDeployedCommit(
    new Git(repo.dir),
    { headSha: '', ref: '' },
    { requireSemver: false },
  );
  expect(deployed.commit).toMatchObject({ sha: sha.after, subject: 'fix' });
  expect(deployed.ref).toBe(repo.git(['symbolic-ref', 'HEAD']).trim());
});

test.each([
  [
    'not semver where semver is required',
    { version: 'build-7', requireSemver: true },
    /require-semver is true/,
  ],
  [
    'text that cannot be a version',
    { version: '1.0 beta', requireSemver: false },
    /Input "version" is "1.0 beta"/,
  ],
])('a version input %s is the user’s mistake', async (_name, wanted, message) => {
  const reading = readDeployedCommit(
    new Git(repo.dir),
    { headSha: sha.after!, ref: 'refs/heads/main' },
    wanted,
  );
  await expect(reading).rejects.toThrow(InputError);
  await expect(reading).rejects.toThrow(message);
});
