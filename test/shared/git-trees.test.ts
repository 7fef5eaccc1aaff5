import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Git, checkoutFileCount } from '../../shared/git.js';
import { type TestRepo, createRepo } from '../support/git-repo.js';
import { withGitBefore236 } from '../support/old-git.js';

// The file list, the diff and the merge-base read through the kept-open cat-file (tree and commit
// objects) must give exactly what `git ls-tree`, `git diff --name-status -M` and `git merge-base`
// give: every case is checked against the git command it replaces.

/** A tree entry to commit: path bytes (segments joined by `/`), mode and object id. */
type Entry = { path: Buffer; mode: string; oid: string };

/** A commit of exactly these entries (an index of its own: any mode, any path bytes). */
function commitEntries(repo: TestRepo, entries: readonly Entry[], parents: string[] = []): string {
  const index = join(repo.dir, '.git', 'test-index');
  rmSync(index, { force: true });
  const env = { ...process.env, GIT_INDEX_FILE: index };
  const input = Buffer.concat(
    entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.oid}\t`), e.path, Buffer.from([0])])),
  );
  execFileSync('git', ['update-index', '--add', '-z', '--index-info'], { cwd: repo.dir, env, input });
  const tree = execFileSync('git', ['write-tree'], { cwd: repo.dir, env }).toString().trim();
  return commitTree(repo, tree, parents);
}

function commitTree(repo: TestRepo, tree: string, parents: string[] = []): string {
  return repo.git(['commit-tree', tree, '-m', 'x', ...parents.flatMap((p) => ['-p', p])]).trim();
}

const blob = (repo: TestRepo, content: string | Buffer) =>
  execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: content }).toString().trim();

/** What `git ls-tree -r -z` lists as regular files, path -> blob id, in its order. */
function lsTree(repo: TestRepo, commit: string): [string, string][] {
  const out = repo.git(['ls-tree', '-r', '-z', '--full-tree', commit]);
  return out
    .split('\0')
    .filter((line) => /^100(644|755) blob /.test(line))
    .map((line) => [line.slice(line.indexOf('\t') + 1), line.split(' ')[2]!.split('\t')[0]!]);
}

/** What `git diff --name-status -z -M` says, as changedFiles gives it. */
function gitDiff(repo: TestRepo, base: string, head: string) {
  const fields = repo.git(['diff', '--name-status', '-z', '-M', base, head]).split('\0');
  const files: { status: string; path: string; oldPath?: string }[] = [];
  for (let i = 0; i + 1 < fields.length;) {
    const letter = fields[i++]![0]!;
    if (letter === 'R' || letter === 'C') {
      const oldPath = fields[i++]!;
      files.push({ status: letter, path: fields[i++]!, oldPath });
    } else files.push({ status: letter, path: fields[i++]! });
  }
  return files;
}

/** Whether changedFiles answered without `git diff` (from the trees alone). */
async function diffWithTrace(repo: TestRepo, base: string, head: string) {
  const trace: string[] = [];
  const files = await new Git(repo.dir, { trace: (line) => trace.push(line) }).changedFiles(base, head);
  return { files, byGit: trace.some((line) => line.startsWith('git diff')) };
}

describe('trees read through the kept-open cat-file', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = createRepo();
  });
  afterAll(() => repo.cleanup());

  it('lists regular files as ls-tree does: nested folders, links and submodules left out, odd names', async () => {
    const b = (text: string) => blob(repo, text);
    const entries: Entry[] = [
      ['a', '100644'],
      ['a-b/x', '100644'],
      ['a.b', '100755'],
      ['a/b/c/d.txt', '100644'],
      ['a/link', '120000'],
      ['a0', '100644'],
      ['é/ü.txt', '100644'],
      ['x y/tab\tname', '100644'],
      ['new\nline', '100644'],
      ['sub', '160000'],
      ['日本/語.json', '100755'],
    ].flatMap(([path, mode]) =>
      path === 'a'
        ? []
        : [{ path: Buffer.from(path!), mode: mode!, oid: mode === '160000' ? 'c'.repeat(40) : b(path!) }],
    );
    entries.push({ path: Buffer.from([0x62, 0x61, 0x64, 0xff, 0x2f, 0x66]), mode: '100644', oid: b('bad') });
    entries.push({ path: Buffer.from([0x7a, 0xc3]), mode: '100644', oid: b('cut') });
    const commit = commitEntries(repo, entries);
    const listed = await new Git(repo.dir).listTree(commit);
    expect([...listed]).toEqual(lsTree(repo, commit));
    expect([...listed.keys()]).toContain('bad\ufffd/f');
    expect([...listed.keys()]).not.toContain('a/link');
    expect([...listed.keys()]).not.toContain('sub');
  });

  it('reads odd old modes (100664) as git does', async () => {
    const oid = blob(repo, 'old\n');
    const raw = Buffer.concat([Buffer.from('100664 old.txt\0'), Buffer.from(oid, 'hex')]);
    const tree = execFileSync('git', ['hash-object', '-t', 'tree', '-w', '--stdin', '--literally'], {
      cwd: repo.dir,
      input: raw,
    })
      .toString()
      .trim();
    const commit = commitTree(repo, tree);
    expect([...(await new Git(repo.dir).listTree(commit))]).toEqual(lsTree(repo, commit));
  });

  it('answers like git diff -M for exact renames (an empty file and a link too) and type changes', async () => {
    const b = (text: string) => blob(repo, text);
    const e = (path: string, mode: string, oid: string): Entry => ({ path: Buffer.from(path), mode, oid });
    const base = commitEntries(repo, [
      e('keep.txt', '100644', b('keep')),
      e('move/from.txt', '100644', b('moved')),
      e('mode.sh', '100644', b('mode')),
      e('to-link', '100644', b('target')),
      e('deep/a/b/.keep', '100644', b('')),
      e('link', '120000', b('link target')),
      e('exec-renamed', '100644', b('exec-renamed')),
      e('é/old', '100644', b('unicode moved')),
    ]);
    const head = commitEntries(repo, [
      e('keep.txt', '100644', b('keep')),
      e('elsewhere/to.txt', '100644', b('moved')),
      e('mode.sh', '100755', b('mode')),
      e('to-link', '120000', b('target')),
      e('deep/c/.keep', '100644', b('')),
      e('link moved', '120000', b('link target')),
      e('renamed-exec', '100755', b('exec-renamed')),
      e('ü/new', '100644', b('unicode moved')),
    ]);
    const { files, byGit } = await diffWithTrace(repo, base, head);
    expect(byGit).toBe(false);
    expect(files).toEqual(gitDiff(repo, base, head));
    expect(files).toContainEqual({ status: 'T', path: 'to-link' });
    expect(files).toContainEqual({ status: 'R', path: 'elsewhere/to.txt', oldPath: 'move/from.txt' });
  });

  it('leaves to git diff what only it can tell: similar renames, one content at several paths, submodules', async () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i}\n`).join('');
    const e = (path: string, content: string, mode = '100644'): Entry => ({
      path: Buffer.from(path),
      mode,
      oid: mode === '160000' ? content : blob(repo, content),
    });
    const cases: [Entry[], Entry[]][] = [
      [[e('a.txt', text)], [e('b.txt', `${text}one more\n`)]],
      [
        [e('a.txt', 'same'), e('b.txt', 'same')],
        [e('c.txt', 'same'), e('d.txt', 'same')],
      ],
      [[e('a.txt', 'same'), e('b.txt', 'same')], [e('c.txt', 'same')]],
      [[e('a.txt', 'same')], [e('c.txt', 'same'), e('d.txt', 'same')]],
      [[e('sub', 'a'.repeat(40), '160000')], [e('sub', 'b'.repeat(40), '160000')]],
      [[e('sub', 'a'.repeat(40), '160000')], [e('moved', 'a'.repeat(40), '160000')]],
      [[e('sub', 'a'.repeat(40), '160000')], [e('sub', 'file')]],
      [
        [e('to-dir', 'file'), e('from-dir/x', 'x')],
        [e('to-dir/y', 'y'), e('from-dir', 'dir')],
      ],
    ];
    for (const [before, after] of cases) {
      const [base, head] = [commitEntries(repo, before), commitEntries(repo, after)];
      const { files, byGit } = await diffWithTrace(repo, base, head);
      expect(byGit).toBe(true);
      expect(files).toEqual(gitDiff(repo, base, head));
    }
  });

  it('leaves a folder past 64 KiB of tree (some 1,500 entries) to ls-tree and git diff, with their answers', async () => {
    const one = blob(repo, 'same\n');
    const many = (count: number): Entry[] =>
      Array.from({ length: count }, (_, i) => ({
        path: Buffer.from(`packages/package-number-${i}/package.json`),
        mode: '100644',
        oid: i === 7 ? blob(repo, `${count}\n`) : one,
      }));
    const [base, head] = [commitEntries(repo, many(2000)), commitEntries(repo, many(2001))];
    const trace: string[] = [];
    const git = new Git(repo.dir, { trace: (line) => trace.push(line) });
    expect([...(await git.listTree(head))]).toEqual(lsTree(repo, head));
    expect(await git.changedFiles(base, head)).toEqual(gitDiff(repo, base, head));
    expect(
      trace.filter((line) => /^git (ls-tree|diff) /.test(line)).map((line) => line.split(' ')[1]),
    ).toEqual(['ls-tree', 'diff']);
  });

  it('compares folders of up to 64 KiB of tree each, however many bytes the question holds', async () => {
    const one = blob(repo, 'same\n');
    const many = (count: number): Entry[] =>
      Array.from({ length: count }, (_, i) => ({
        path: Buffer.from(`packages/p-${i}/package.json`),
        mode: '100644',
        oid: i === 7 ? blob(repo, `${count}\n`) : one,
      }));
    // some 50 KB of tree each: the two together, asked at once, are past 64 KiB
    const [base, head] = [commitEntries(repo, many(1500)), commitEntries(repo, many(1501))];
    const { files, byGit } = await diffWithTrace(repo, base, head);
    expect(byGit).toBe(false);
    expect(files).toEqual(gitDiff(repo, base, head));
  });

  it('agrees with ls-tree and git diff -M on random trees and changes', async () => {
    let seed = 20;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const folders = ['', 'a/', 'a/b/', 'a-b/', 'a.b/', 'é/', 'x y/', 'p/q/r/', 'a0/'];
    const names = ['a', 'a-b', 'a.b', 'a0', 'b', 'z.json', 'é', 'ü.txt', 'x y', 'package.json', '日本'];
    const long = Array.from({ length: 40 }, (_, i) => `shared line ${i}\n`).join('');
    let made = 0;
    const content = () => (random() < 0.2 ? `${long}unique ${made++}\n` : `content ${made++}\n`);
    const modes = ['100644', '100644', '100644', '100755', '120000'];
    /** Adds an entry unless a file and a folder would share a name. */
    const add = (tree: Map<string, Entry>, path: string, mode: string, oid: string) => {
      const clash = [...tree.keys()].some((p) => p.startsWith(`${path}/`) || path.startsWith(`${p}/`));
      if (!clash) tree.set(path, { path: Buffer.from(path), mode, oid });
    };
    const oids = new Map<string, string>();
    const oidOf = (text: string) => oids.get(text) ?? (oids.set(text, blob(repo, text)), oids.get(text)!);
    const texts = new Map<string, string>(); // oid -> text, for similar edits
    const put = (text: string) => (texts.set(oidOf(text), text), oidOf(text));
    let byTrees = 0;
    for (let round = 0; round < 30; round++) {
      const base = new Map<string, Entry>();
      for (let i = 0; i < 12; i++) add(base, pick(folders) + pick(names), pick(modes), put(content()));
      const head = new Map(base);
      for (const [path, entry] of base) {
        const r = random();
        if (r < 0.1) head.delete(path);
        else if (r < 0.2) head.set(path, { ...entry, oid: put(content()) });
        else if (r < 0.27) head.set(path, { ...entry, mode: pick(modes) });
        else if (r < 0.37) {
          head.delete(path);
          add(head, pick(folders) + pick(names), entry.mode, entry.oid);
        } else if (r < 0.42) {
          head.delete(path);
          const text = texts.get(entry.oid) ?? '';
          add(head, pick(folders) + pick(names), entry.mode, put(`${text}edited\n`));
        } else if (r < 0.45) {
          head.delete(path);
          add(head, `${path}/${pick(names)}`, '100644', put(content()));
        }
      }
      for (let i = Math.floor(random() * 3); i > 0; i--)
        add(
          head,
          pick(folders) + pick(names),
          pick(modes),
          random() < 0.3 ? pick([...base.values()]).oid : put(content()),
        );
      if (random() < 0.1) add(head, pick(folders) + 'sub', '160000', 'd'.repeat(40));
      const [b, h] = [commitEntries(repo, [...base.values()]), commitEntries(repo, [...head.values()])];
      const git = new Git(repo.dir);
      expect([...(await git.listTree(h))]).toEqual(lsTree(repo, h));
      const { files, byGit } = await diffWithTrace(repo, b, h);
      expect(files).toEqual(gitDiff(repo, b, h));
      if (!byGit) byTrees++;
    }
    expect(byTrees).toBeGreaterThanOrEqual(5); // this seed: 5 of 30 told from the trees alone, the rest by git diff
  });
});

describe('merge-base through the kept-open cat-file', () => {
  let repo: TestRepo;
  const shas: string[] = [];
  beforeAll(() => {
    repo = createRepo({ 'a.txt': '0\n' });
    for (let i = 1; i <= 80; i++) shas.push(repo.commit(`c${i}`, { 'a.txt': `${i}\n` }));
  });
  afterAll(() => repo.cleanup());

  const mergeBase = async (base: string, head: string) => {
    const trace: string[] = [];
    const answer = await new Git(repo.dir, { trace: (line) => trace.push(line) }).mergeBase(base, head);
    expect(answer).toBe(repo.git(['merge-base', base, head]).trim());
    return trace.some((line) => line.startsWith('git merge-base')) ? 'git' : 'walk';
  };

  it('answers an ancestor a few commits back (a push, a pull request merge commit) without git merge-base', async () => {
    expect(await mergeBase(shas[70]!, shas[79]!)).toBe('walk');
    expect(await mergeBase(shas[79]!, shas[79]!)).toBe('walk');
    repo.git(['checkout', '-q', '-b', 'side', shas[50]!]);
    const side = repo.commit('side', { 'b.txt': 'b\n' });
    repo.git(['checkout', '-q', 'main']);
    // the merge commit GitHub makes for a pull request: first parent the base tip
    const merge = repo
      .git(['commit-tree', `${side}^{tree}`, '-p', shas[79]!, '-p', side, '-m', 'merge'])
      .trim();
    expect(await mergeBase(shas[79]!, merge)).toBe('walk');
    expect(await mergeBase(side, merge)).toBe('walk');
  });

  it('asks git merge-base when base is far back or not an ancestor', async () => {
    expect(await mergeBase(shas[0]!, shas[79]!)).toBe('git');
    expect(await mergeBase(shas[79]!, shas[70]!)).toBe('git');
    repo.git(['checkout', '-q', '-b', 'other', shas[60]!]);
    const other = repo.commit('other', { 'c.txt': 'c\n' });
    repo.git(['checkout', '-q', 'main']);
    expect(await mergeBase(other, shas[79]!)).toBe('git');
  });

  it('stops at the boundary of a shallow clone and deepens it with git', async () => {
    const clone = repo.clone({ depth: 2 });
    try {
      const trace: string[] = [];
      const git = new Git(clone.dir, { trace: (line) => trace.push(line) });
      const base = await git.resolve('input base', shas[70]!);
      expect(await git.mergeBase(base, shas[79]!)).toBe(shas[70]);
      expect(trace.some((line) => line.startsWith('git merge-base'))).toBe(true);
    } finally {
      clone.cleanup();
    }
  });
});

describe('a git older than 2.36 (no cat-file --batch-command)', () => {
  it('lists, diffs and finds the merge-base with the git commands themselves', async () => {
    const repo = createRepo({ 'a.txt': 'a\n', 'pkg/b.txt': 'b\n' });
    try {
      await withGitBefore236(async () => {
        const first = repo.git(['rev-parse', 'HEAD']).trim();
        repo.git(['mv', 'pkg/b.txt', 'pkg/c.txt']);
        const second = repo.commit('rename', { 'new.txt': 'n\n' });
        const trace: string[] = [];
        const git = new Git(repo.dir, { trace: (line) => trace.push(line) });
        expect([...(await git.listTree(second))]).toEqual(lsTree(repo, second));
        expect(await git.changedFiles(first, second)).toEqual(gitDiff(repo, first, second));
        expect(await git.mergeBase(first, second)).toBe(first);
        expect(trace.filter((line) => /^git (ls-tree|diff|merge-base) /.test(line))).toHaveLength(3);
      });
    } finally {
      repo.cleanup();
    }
  });
});

describe("the checkout's file count, which chooses how a tree is listed", () => {
  const many = (count: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`f/${i % 3}/${i}.txt`, `${i}\n`]));

  it("counts the index's entries from any folder of the checkout, of a linked worktree too", () => {
    const repo = createRepo(many(30));
    try {
      mkdirSync(join(repo.dir, 'deep', 'er'), { recursive: true });
      expect(checkoutFileCount(repo.dir, {})).toBe(30);
      expect(checkoutFileCount(join(repo.dir, 'deep', 'er'), {})).toBe(30);
      const worktree = `${repo.dir}-worktree`;
      repo.git(['worktree', 'add', '-q', worktree]);
      try {
        repo.commit('one more', { 'g.txt': 'g\n' });
        expect(checkoutFileCount(worktree, {})).toBe(30);
        expect(checkoutFileCount(repo.dir, {})).toBe(31);
      } finally {
        rmSync(worktree, { recursive: true, force: true });
      }
    } finally {
      repo.cleanup();
    }
  });

  it('is unknown where the environment points git elsewhere, or there is no readable index', () => {
    const repo = createRepo(many(3));
    try {
      const index = join(repo.dir, '.git', 'index');
      expect(checkoutFileCount(repo.dir, { GIT_DIR: join(repo.dir, '.git') })).toBeUndefined();
      expect(checkoutFileCount(repo.dir, { GIT_INDEX_FILE: index })).toBeUndefined();
      rmSync(index);
      expect(checkoutFileCount(repo.dir, {})).toBeUndefined();
      execFileSync('mkfifo', [index]); // opened without waiting for a writer, then refused
      expect(checkoutFileCount(repo.dir, {})).toBeUndefined();
      rmSync(index);
      writeFileSync(index, 'not an index, longer than a header');
      expect(checkoutFileCount(repo.dir, {})).toBeUndefined();
      const linked = join(repo.dir, 'linked');
      mkdirSync(linked);
      writeFileSync(join(linked, '.git'), 'gitdir: ../nowhere\n');
      expect(checkoutFileCount(linked, {})).toBeUndefined();
    } finally {
      repo.cleanup();
    }
  });

  it('lists a checkout of more than 1,024 files with ls-tree at once, and a smaller one tree by tree', async () => {
    for (const [count, listedBy] of [
      [1100, ['ls-tree']],
      [40, []],
    ] as const) {
      const repo = createRepo(many(count));
      try {
        const head = repo.git(['rev-parse', 'HEAD']).trim();
        const trace: string[] = [];
        const git = new Git(repo.dir, { trace: (line) => trace.push(line) });
        expect([...(await git.listTree(head))]).toEqual(lsTree(repo, head));
        expect(trace.filter((line) => line.startsWith('git ls-tree')).map((l) => l.split(' ')[1])).toEqual(
          listedBy,
        );
        expect(trace.some((line) => line.startsWith('git cat-file contents'))).toBe(!listedBy.length);
      } finally {
        repo.cleanup();
      }
    }
  });
});
