// Every shell block of the README marked `<!-- runnable -->` runs, line by line, in a repository made
// here: the docs cannot drift from the command line. `npx trunk-actions` finds the bundle as it would
// after any of the README's installs (node_modules/.bin); `npx github:org/trunk-actions#v1` is the same
// package fetched from GitHub, so it runs the same bin. The set-up block (`npm ci`, `npm test`) is what
// .ci/run and CI run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { type TestRepo, createRepo } from '../support/git-repo.js';
import { repoRoot } from '../support/harness.js';

/** The lines of the README's runnable shell blocks. */
function runnableCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/<!-- runnable -->\s*```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((block) => block.split('\n').filter((line) => line.trim() && !line.startsWith('#')));
}

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const commands = runnableCommands(readme);

let repo: TestRepo;
beforeAll(() => {
  repo = createRepo({
    'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['packages/*'] }),
    'packages/cart/package.json': JSON.stringify({ name: 'cart' }),
    'packages/web/package.json': JSON.stringify({ name: 'web', dependencies: { cart: '*' } }),
    'db/migrations/001_init.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, name text);\n',
    'reports/junit.xml':
      '<testsuite name="cart"><testcase classname="cart" name="adds" file="cart.test.js"/></testsuite>',
  });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit('drop the name column', {
    'packages/cart/index.js': 'export const total = 0;\n',
    'db/migrations/002_drop_name.sql': 'ALTER TABLE users DROP COLUMN name;\n',
  });
  // The bin as an install leaves it, kept out of git as node_modules always is.
  mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(
    join(repoRoot, 'dist', 'cli', 'index.js'),
    join(repo.dir, 'node_modules', '.bin', 'trunk-actions'),
  );
  repo.write({ '.git/info/exclude': 'node_modules/\nsummary.md\n' });
});
afterAll(() => repo.cleanup());

it('the README has runnable blocks, and each runs trunk-actions', () => {
  expect(commands.length).toBeGreaterThanOrEqual(5);
  for (const command of commands)
    expect(command).toMatch(/^npx (trunk-actions|github:org\/trunk-actions#v1) /);
});

it.each(commands)('%s', (command) => {
  const r = spawnSync(
    'bash',
    ['-c', command.replace('npx github:org/trunk-actions#v1', 'npx trunk-actions')],
    {
      cwd: repo.dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: repo.dir,
        npm_config_offline: 'true',
        npm_config_update_notifier: 'false',
        npm_config_cache: join(repo.dir, '.git', 'npm-cache'),
      },
    },
  );
  // 0 or 1 (migration-lint finds the DROP COLUMN): never a usage error, a missing file or a bug.
  expect({ command, status: r.status, stderr: r.stderr }).toEqual({
    command,
    status: /migration-lint --base/.test(command) ? 1 : 0,
    stderr: expect.not.stringMatching(/a bug in trunk-actions|^error: (?!migration-lint)/m),
  });
  if (command.includes('--summary-file summary.md'))
    expect(existsSync(join(repo.dir, 'summary.md'))).toBe(true);
});
