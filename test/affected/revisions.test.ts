import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { readHead, readLockfiles } from '../../actions/affected/src/revisions.js';
import { Git } from '../../shared/git.js';
import { createRepo } from '../support/git-repo.js';

describe('reading a revision', () => {
  const repo = createRepo({
    'package.json': '{"name":"r","workspaces":["p/*"]}',
    'p/a/package.json': '{"name":"ä-ü ☃"}',
    'p/with space/package.json': '{"name":"spaced"}',
    'p/a/src/x.ts': 'x',
    'go.mod': 'module m\n',
  });
  afterAll(() => repo.cleanup());
  const git = new Git(repo.dir);

  test('readHead lists every file and reads exactly the manifests, by blob id', async () => {
    const head = await readHead(git, repo.git(['rev-parse', 'HEAD']).trim());
    expect(head.files.sort()).toEqual([
      'go.mod',
      'p/a/package.json',
      'p/a/src/x.ts',
      'p/with space/package.json',
      'package.json',
    ]);
    expect(Object.fromEntries(head.contents)).toEqual({
      'go.mod': 'module m\n',
      'p/a/package.json': '{"name":"ä-ü ☃"}',
      'p/with space/package.json': '{"name":"spaced"}',
      'package.json': '{"name":"r","workspaces":["p/*"]}',
    });
  });

  test('readHead reads the pnpm lockfiles the links need with the manifests, in one read, and apart from them', async () => {
    const other = createRepo({
      'package.json': '{"name":"r"}',
      'pnpm-workspace.yaml': 'packages:\n  - p/*\n',
      'p/a/package.json': '{"name":"a"}',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'p/a/test/fixtures/pnpm-lock.yaml': 'not read\n',
    });
    try {
      const trace: string[] = [];
      const head = await readHead(
        new Git(other.dir, { trace: (line) => trace.push(line) }),
        other.git(['rev-parse', 'HEAD']).trim(),
      );
      expect([...head.contents.keys()].sort()).toEqual([
        'p/a/package.json',
        'package.json',
        'pnpm-workspace.yaml',
      ]);
      expect([...head.lockfiles]).toEqual([['pnpm-lock.yaml', "lockfileVersion: '9.0'\n"]]);
      expect(trace.filter((line) => / (contents|--batch) \(\d+ blobs\)/.test(line))).toEqual([
        'git cat-file contents (4 blobs)',
      ]);
    } finally {
      other.cleanup();
    }
  });

  test('readFiles: names with spaces, missing paths and trees come back right, in order', async () => {
    const files = await git.readFiles('HEAD', [
      'p/with space/package.json',
      'no such file',
      'p/a',
      'p/a/package.json',
      'no such/other file',
    ]);
    expect([...files]).toEqual([
      ['p/with space/package.json', '{"name":"spaced"}'],
      ['no such file', undefined],
      ['p/a', undefined],
      ['p/a/package.json', '{"name":"ä-ü ☃"}'],
      ['no such/other file', undefined],
    ]);
    const blobs = await git.readBlobs([
      ['a', 'not-an-id'],
      ['b', '0'.repeat(40)],
    ]);
    expect([blobs.get('a'), blobs.get('b')]).toEqual([undefined, undefined]);
  });

  test('head files are read from the listing by blob id: a link, a folder or a missing path is undefined', async () => {
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    repo.write({ 'yarn.lock': 'a: 1\n', 'p/a/yarn.lock': 'b: 2\n' });
    repo.git(['rm', '-q', 'go.mod']);
    mkdirSync(join(repo.dir, 'link'));
    symlinkSync('../yarn.lock', join(repo.dir, 'link', 'yarn.lock'));
    const head = await readHead(git, repo.commit('lockfiles'));
    const changes = [
      { status: 'A', path: 'yarn.lock' },
      { status: 'A', path: 'p/a/yarn.lock' },
      { status: 'A', path: 'link/yarn.lock' },
      { status: 'A', path: 'p/a' },
      { status: 'D', path: 'go.mod' },
    ];
    expect(await readLockfiles(git, base, head, changes)).toEqual([
      { path: 'yarn.lock', before: undefined, after: 'a: 1\n' },
      { path: 'p/a/yarn.lock', before: undefined, after: 'b: 2\n' },
      { path: 'link/yarn.lock', before: undefined, after: undefined },
      { path: 'p/a', before: undefined, after: undefined },
      { path: 'go.mod', before: 'module m\n', after: undefined },
    ]);
  });
});
