import { cpSync, existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { type TestRepo, createRepo } from '../support/git-repo.js';
import { repoRoot } from '../support/harness.js';

/**
 * One repository with something for every action: an npm workspace, migrations, a JUnit report,
 * an SLO with an export, and a symlink that leads out of the workspace. Two commits: base, head.
 */
export function hostileWorkspace(): { repo: TestRepo; base: string; head: string } {
  const repo = createRepo({
    'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
    'packages/a/package.json': JSON.stringify({ name: 'a', version: '1.0.0' }),
    'packages/b/package.json': JSON.stringify({ name: 'b', version: '1.0.0', dependencies: { a: '*' } }),
    'packages/a/index.js': 'export const a = 1;\n',
    'migrations/V1__init.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
  });
  const base = repo.git(['rev-parse', 'HEAD']).trim();
  cpSync(join(repoRoot, 'test/fixtures/error-budget-gate/demo'), join(repo.dir, 'slo'), { recursive: true });
  if (!existsSync(join(repo.dir, 'escape'))) symlinkSync('/etc', join(repo.dir, 'escape'));
  const head = repo.commit('change', {
    'packages/a/index.js': 'export const a = 2;\n',
    'migrations/V2__email.sql': 'ALTER TABLE users ADD COLUMN name text;\n',
    'reports/junit.xml':
      '<?xml version="1.0"?><testsuite name="s" tests="2"><testcase classname="c" name="ok"/><testcase classname="c" name="also ok"/></testsuite>\n',
  });
  return { repo, base, head };
}
