import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findFiles } from '../../shared/files.js';
import { UserError } from '../../shared/errors.js';

describe('findFiles', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'find-files-'));
    for (const path of [
      'db/migrations/V2__b.sql',
      'db/migrations/V1__a.sql',
      'db/migrations/nested/deep/V3__c.sql',
      'db/migrations/notes.md',
      'node_modules/pkg/V9__dep.sql',
      '.git/V8__git.sql',
      'reports/a b.xml',
    ]) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), 'x');
    }
    const outside = mkdtempSync(join(tmpdir(), 'find-files-outside-'));
    writeFileSync(join(outside, 'V7__outside.sql'), 'x');
    symlinkSync(outside, join(root, 'db', 'link'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives sorted root-relative paths with `/`, skipping .git, node_modules and links', () => {
    expect(findFiles(root, ['**/*.sql'])).toEqual([
      'db/migrations/V1__a.sql',
      'db/migrations/V2__b.sql',
      'db/migrations/nested/deep/V3__c.sql',
    ]);
    expect(findFiles(root, ['reports/*.xml'])).toEqual(['reports/a b.xml']);
    expect(findFiles(root, ['db/migrations/*.sql', '!**/V2__*'])).toEqual(['db/migrations/V1__a.sql']);
  });

  it('stops with the input named when too many files match', () => {
    expect(() => findFiles(root, ['**/*.sql'], { maxFiles: 2, inputName: 'paths' })).toThrow(UserError);
    expect(() => findFiles(root, ['**/*.sql'], { maxFiles: 2, inputName: 'paths' })).toThrow(
      'More than 2 files match input "paths"',
    );
  });
});
