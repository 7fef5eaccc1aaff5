import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allFiles, changedMigrations } from '../../actions/migration-lint/src/sources.js';
import { Git } from '../../shared/git.js';
import { createRepo } from '../support/git-repo.js';

describe('allFiles', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ml-sources-'));
    mkdirSync(join(root, 'db', 'migrations'), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('reads small and large files whole, as bytes; down migrations only when asked', () => {
    const small = Buffer.from('CREATE TABLE a (x int);\n');
    // larger than the first read, with a multi-byte character across its boundary
    const large = Buffer.concat([
      Buffer.alloc(64 * 1024 - 1, 'x'),
      Buffer.from('é'),
      Buffer.alloc(100_000, 'y'),
    ]);
    writeFileSync(join(root, 'db/migrations/V1__small.sql'), small);
    writeFileSync(join(root, 'db/migrations/V2__large.sql'), large);
    writeFileSync(join(root, 'db/migrations/V2__empty.sql'), '');
    writeFileSync(join(root, 'db/migrations/1_x.down.sql'), small);
    const read = (includeDown: boolean) =>
      allFiles(root, { patterns: ['**/V*__*.sql', '**/migrations/**/*.sql'], includeDown });
    expect(read(false)).toEqual([
      { path: 'db/migrations/V1__small.sql', content: small },
      { path: 'db/migrations/V2__empty.sql', content: Buffer.alloc(0) },
      { path: 'db/migrations/V2__large.sql', content: large },
    ]);
    expect(read(true).map((f) => f.path)).toContain('db/migrations/1_x.down.sql');
  });
});

describe('changedMigrations', () => {
  const selection = { patterns: ['db/**/*.sql'], includeDown: false };

  test('the history is read only when a migration changed; a modified one is linted, not replayed', async () => {
    const repo = createRepo({
      'db/V1__a.sql': 'CREATE TABLE a (x int);\n',
      'db/V2__b.sql': 'CREATE TABLE b (x int);\n',
      'README.md': 'x\n',
    });
    const git = new Git(repo.dir);
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    const readme = repo.commit('docs only', { 'README.md': 'y\n' });
    expect(await changedMigrations(git, repo.dir, base, readme, selection)).toEqual({ base: [], change: [] });

    const added = repo.commit('a migration', {
      'db/V2__b.sql': 'CREATE TABLE b (x int, y int);\n',
      'db/V3__c.sql': 'ALTER TABLE a DROP COLUMN x;\n',
    });
    const found = await changedMigrations(git, repo.dir, readme, added, selection);
    expect(found.base).toEqual([{ path: 'db/V1__a.sql', content: 'CREATE TABLE a (x int);\n' }]);
    expect(found.change.map((f) => [f.path, f.content.toString()])).toEqual([
      ['db/V2__b.sql', 'CREATE TABLE b (x int, y int);\n'],
      ['db/V3__c.sql', 'ALTER TABLE a DROP COLUMN x;\n'],
    ]);
    repo.cleanup();
  });
});
