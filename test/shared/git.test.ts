import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Git, checkRevisionText } from '../../shared/git.js';
import { eventContext } from '../../shared/context.js';
import { planRange, resolveRange } from '../../shared/range.js';
import { type TestRepo, createRepo } from '../support/git-repo.js';
import { withGitBefore236 } from '../support/old-git.js';

describe('checkRevisionText', () => {
  it.each([
    ['-evil', /starts with "-"/],
    ['--output=/tmp/x', /starts with "-"/],
    ['a b', /cannot hold/],
    ['a\nb', /cannot hold/],
    ['x'.repeat(10_000), /10000 characters long/],
    ['', /is empty/],
  ])('refuses %j', (revision, message) => {
    expect(() => checkRevisionText('input base', revision)).toThrow(message);
  });
  it.each(['main', 'HEAD~1', 'HEAD^', 'v1.2.3', 'feature/x', 'zzz;id', '$(id)'])(
    'lets %j reach git as a plain argument',
    (revision) => {
      expect(() => checkRevisionText('input base', revision)).not.toThrow();
    },
  );
});

describe('Git against real repositories', () => {
  let origin: TestRepo;
  let first: string;
  let main2: string;
  let feature: string;
  beforeAll(() => {
    origin = createRepo({ 'a.txt': 'a\n', 'pkg/b.txt': 'b\n' });
    first = origin.git(['rev-parse', 'HEAD']).trim();
    for (let i = 0; i < 120; i++) origin.commit(`main ${i}`, { 'main.txt': `${i}\n` });
    main2 = origin.git(['rev-parse', 'HEAD']).trim();
    origin.git(['checkout', '-q', '-b', 'feature', first]);
    origin.git(['mv', 'pkg/b.txt', 'pkg/c.txt']);
    feature = origin.commit('rename b', { 'new.txt': 'n\n' });
    origin.git(['checkout', '-q', 'main']);
  });
  afterAll(() => origin.cleanup());

  it('lists changed files with both paths of a rename', async () => {
    const git = new Git(origin.dir);
    expect(await git.changedFiles(first, feature)).toEqual([
      { status: 'A', path: 'new.txt' },
      { status: 'R', path: 'pkg/c.txt', oldPath: 'pkg/b.txt' },
    ]);
  });

  it('reads many files at a revision in one process, missing ones as undefined', async () => {
    const files = await new Git(origin.dir).readFiles(feature, ['a.txt', 'pkg/c.txt', 'pkg/b.txt', 'pkg']);
    expect([...files]).toEqual([
      ['a.txt', 'a\n'],
      ['pkg/c.txt', 'b\n'],
      ['pkg/b.txt', undefined],
      ['pkg', undefined],
    ]);
  });

  it('reads a few small blobs through the cat-file kept open, many bytes through a cat-file of their own', async () => {
    const trace: string[] = [];
    const git = new Git(origin.dir, { trace: (line) => trace.push(line) });
    const small = { 'one.txt': 'é\n\nmissing\n', 'two.txt': '' };
    origin.write({ ...small, 'big.txt': 'b'.repeat(70_000) });
    const tree = await git.listTree(origin.commit('small and big'));
    const read = (paths: string[]) => git.readBlobs(paths.map((p) => [p, tree.get(p)!]));
    expect(Object.fromEntries(await read(['one.txt', 'two.txt']))).toEqual(small);
    expect(trace.at(-1)).toBe('git cat-file contents (2 blobs)');
    expect((await read(['one.txt', 'big.txt'])).get('big.txt')).toHaveLength(70_000);
    expect(trace.at(-1)).toBe('git cat-file --batch (2 blobs)');
  });

  it('starts the cat-file of many blobs while their sizes are checked, and feeds it nothing on a refusal', async () => {
    const many = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`many/${i}.txt`, `${i}\n`]));
    origin.write(many);
    const tree = await new Git(origin.dir).listTree(origin.commit('many'));
    const blobs = Object.keys(many).map((p) => [p, tree.get(p)!] as const);
    const trace: string[] = [];
    const git = new Git(origin.dir, { trace: (line) => trace.push(line) });
    expect(Object.fromEntries(await git.readBlobs(blobs))).toEqual(many);
    expect(trace.at(-1)).toBe('git cat-file --batch (300 blobs)');
    await expect(git.readBlobs(blobs, { maxBytes: 3 })).rejects.toThrow(
      /^many\/100\.txt \(blob [0-9a-f]{12}\) in git is 4 bytes/,
    );
  });

  it('leaves no temp file behind, whether cat-file succeeds or fails', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'git-test-tmp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      const big = 'x'.repeat(300_000);
      origin.write({ 'big.txt': big });
      const sha = origin.commit('big');
      expect((await new Git(origin.dir).readFiles(sha, ['big.txt'])).get('big.txt')).toBe(big);
      await expect(new Git(scratch).readFiles('HEAD', ['a.txt'])).rejects.toThrow(/not a git repository/);
      await expect(new Git(scratch).readBlobs([['a.txt', 'a'.repeat(40)]])).rejects.toThrow(
        /cat-file --batch-(check|command) failed/,
      );
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      process.env.TMPDIR = saved;
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('looks up revisions asked for together in one git process, and remembers the answers', async () => {
    const trace: string[] = [];
    const git = new Git(origin.dir, { trace: (line) => trace.push(line) });
    const mainNow = origin.git(['rev-parse', 'main']).trim();
    const answers = await Promise.all(
      ['main', 'feature', 'no-such-branch', 'main\nfeature', `${feature}~1`].map((r) => git.tryResolve(r)),
    );
    expect(answers).toEqual([mainNow, feature, undefined, undefined, first]);
    expect(trace).toEqual([
      `git cat-file info (main^{commit}, feature^{commit}, no-such-branch^{commit}, ${feature}~1^{commit})`,
    ]);
    expect(await git.tryResolve('main')).toBe(mainNow);
    expect(trace).toHaveLength(1);
    expect(await new Git(origin.dir).tryResolve('HEAD^{tree}')).toBeUndefined(); // a tree is no commit
  });

  it('asks a git older than 2.36 (no cat-file --batch-command) with --batch-check instead', async () => {
    await withGitBefore236(async () => {
      const git = new Git(origin.dir, { blobCap: { maxBytes: 2 } });
      const [mainNow, featureNow] = await Promise.all([git.tryResolve('main'), git.tryResolve('feature')]);
      expect([mainNow, featureNow]).toEqual([origin.git(['rev-parse', 'main']).trim(), feature]);
      const tree = await git.listTree(feature);
      expect((await git.readBlobs([['a.txt', tree.get('a.txt')!]])).get('a.txt')).toBe('a\n');
      await expect(git.readBlobs([['new.txt', tree.get('new.txt')!]], { maxBytes: 1 })).rejects.toThrow(
        /^new\.txt \(blob [0-9a-f]{12}\) in git is 2 bytes/,
      );
    });
  });

  it('does not let a revision act as an option', async () => {
    await expect(new Git(origin.dir).resolve('input base', '--output=/tmp/pwned')).rejects.toThrow(
      /starts with "-"/,
    );
    await expect(new Git(origin.dir).resolve('input base', 'no-such-branch')).rejects.toThrow(
      /Revision "no-such-branch" \(input base\) is not in this clone/,
    );
  });

  it('deepens a shallow clone step by step to find the merge-base', async () => {
    const clone = origin.clone({ depth: 1, branch: 'feature' });
    try {
      const git = new Git(clone.dir);
      expect(await git.isShallow()).toBe(true);
      const base = await git.resolve('input base', main2); // fetched by SHA
      expect(await git.mergeBase(base, feature)).toBe(first);
    } finally {
      clone.cleanup();
    }
  });

  it('gives up past its bound with advice instead of guessing', async () => {
    const clone = origin.clone({ depth: 1, branch: 'feature' });
    try {
      const git = new Git(clone.dir, { maxDeepen: 1 });
      const base = await git.resolve('input base', main2);
      await expect(git.mergeBase(base, feature)).rejects.toThrow(/fetch-depth: 0/);
    } finally {
      clone.cleanup();
    }
  });

  it('falls back to the default branch on a force push', async () => {
    const git = new Git(origin.dir);
    const ctx = eventContext(
      { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: feature },
      { before: main2, after: feature, repository: { default_branch: 'main' } },
    );
    const range = await resolveRange(git, planRange(ctx));
    expect(range.base).toBe(first);
    expect(range.warnings[0]).toMatch(/not an ancestor .*force push/);
  });
});

describe('a local run without an event payload', () => {
  it('compares with the branch git knows as the default (master here)', async () => {
    const repo = createRepo({ 'a.txt': '1' });
    try {
      repo.git(['branch', '-m', 'main', 'master']);
      const base = repo.git(['rev-parse', 'HEAD']).trim();
      repo.git(['checkout', '-q', '-b', 'topic']);
      const head = repo.commit('topic', { 'b.txt': '2' });
      const range = await resolveRange(new Git(repo.dir), planRange(eventContext({}, {})));
      expect(range).toMatchObject({
        base,
        head,
        rule: 'local run: merge-base with the default branch master',
      });
    } finally {
      repo.cleanup();
    }
  });
});
