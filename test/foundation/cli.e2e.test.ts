import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionNames } from '../../shared/metadata.js';
import { createRepo } from '../support/git-repo.js';
import { repoRoot, runBundle } from '../support/harness.js';

const cwd = mkdtempSync(join(tmpdir(), 'trunk-cli-'));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli', 'index.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: cwd },
  });

describe('the bundled command line', () => {
  it('lists every action from its action.yml', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    for (const name of actionNames()) {
      expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
  });

  it('lists an action’s inputs with defaults', () => {
    const r = cli('migration-lint', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--fail-on \(default: error\)/);
  });

  it('exits 2 for an unknown action, an unknown input or a missing value', () => {
    expect(cli('nope').status).toBe(2);
    const unknown = cli('migration-lint', '--no-such-input', 'x');
    expect([unknown.status, unknown.stderr]).toEqual([
      2,
      expect.stringContaining('Unknown flag --no-such-input for migration-lint'),
    ]);
    expect(cli('migration-lint', '--fail-on').status).toBe(2);
  });

  it('exits 2 with one sentence for a bad input value, in text and JSON', () => {
    const text = cli('migration-lint', '--fail-on', 'sometimes');
    expect(text.status).toBe(2);
    expect(text.stderr).toContain(
      'Input "fail-on" is "sometimes", which is not allowed: allowed values are error, warning, never.',
    );
    const json = cli('migration-lint', '--fail-on=sometimes', '--json');
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      failed: true,
      message: expect.stringContaining('"fail-on"'),
      outputs: {},
    });
  });
});

describe('the command line runs the same code as the runner', () => {
  it('affected on a local repository: JSON outputs, exit 0', () => {
    const repo = createRepo({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': JSON.stringify({ name: 'a' }),
      'packages/b/package.json': JSON.stringify({ name: 'b', dependencies: { a: '*' } }),
    });
    try {
      repo.commit('change a', { 'packages/a/index.js': 'x' });
      const r = spawnSync(
        process.execPath,
        [join(repoRoot, 'dist', 'cli', 'index.js'), 'affected', '--base', 'HEAD~1', '--json'],
        {
          cwd: repo.dir,
          encoding: 'utf8',
          env: { PATH: process.env.PATH, HOME: repo.dir },
        },
      );
      expect(r.status).toBe(0);
      const result = JSON.parse(r.stdout);
      expect(result).toMatchObject({ failed: false, message: '' });
      expect(JSON.parse(result.outputs.projects)).toEqual(['a', 'b']);
    } finally {
      repo.cleanup();
    }
  });
});

describe('--input name=value', () => {
  it('spells any input by its action.yml name', () => {
    const bad = cli('migration-lint', '--input', 'fail-on=sometimes');
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('Input "fail-on" is "sometimes"')]);
    expect(cli('migration-lint', '--input', 'nope=1').status).toBe(2);
  });
});

describe('a first run at a terminal, on the user’s own repository', () => {
  const run = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli', 'index.js'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir },
    });

  it('migration-lint from a subfolder lints the DROP COLUMN migration and says an uncommitted one is skipped', () => {
    const repo = createRepo({
      'db/migrations/001_init.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, name text);\n',
      'services/api/index.js': '',
    });
    try {
      repo.commit('drop', { 'db/migrations/002_drop.sql': 'ALTER TABLE users DROP COLUMN name;\n' });
      repo.write({ 'db/migrations/003_new.sql': 'ALTER TABLE users ADD COLUMN id2 serial;\n' });
      const r = run(join(repo.dir, 'services', 'api'), 'migration-lint', '--base', 'HEAD~1');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('db/migrations/002_drop.sql:1:19: error: migration-lint drop-column');
      expect(r.stderr).toContain(
        'warning: 1 file not committed yet (db/migrations/003_new.sql) is skipped: migration-lint compares commits.',
      );
      expect(r.stdout).toContain('files=["db/migrations/002_drop.sql"]');
    } finally {
      repo.cleanup();
    }
  });

  it('flaky-quarantine needs only the reports: commit sha, branch, a run id per run and a state file from git', () => {
    const repo = createRepo({
      'junit.xml':
        '<testsuite name="s"><testcase classname="cart" name="adds" file="cart.test.js"/></testsuite>',
    });
    try {
      repo.git(['checkout', '-q', '-b', 'feature']);
      const head = repo.git(['rev-parse', 'HEAD']).trim();
      mkdirSync(join(repo.dir, 'src'));
      for (let i = 0; i < 2; i++)
        expect(run(join(repo.dir, 'src'), 'flaky-quarantine', '--reports', 'junit.xml').status).toBe(0);
      const history = JSON.parse(
        readFileSync(join(repo.dir, '.git', 'trunk-actions', 'flaky-history.json'), 'utf8'),
      );
      const [[branch, { runs }]] = history.branches;
      expect(branch).toBe('feature');
      expect(runs.map((r: { commit: string }) => r.commit)).toEqual([head, head]);
      expect(new Set(runs.map((r: { key: string }) => r.key)).size).toBe(2);
      // A revision given by name is stored as the commit it names, never as the text HEAD.
      expect(run(repo.dir, 'flaky-quarantine', '--reports', 'junit.xml', '--commit', 'HEAD').status).toBe(0);
      const again = JSON.parse(
        readFileSync(join(repo.dir, '.git', 'trunk-actions', 'flaky-history.json'), 'utf8'),
      );
      expect(again.branches[0][1].runs.at(-1).commit).toBe(head);
    } finally {
      repo.cleanup();
    }
  });

  it('--summary-file writes exactly the Markdown the runner writes; the terminal gets it as plain text', async () => {
    const repo = createRepo({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': JSON.stringify({ name: 'a' }),
      'packages/b/package.json': JSON.stringify({ name: 'b', dependencies: { a: '*' } }),
    });
    try {
      repo.commit('change a', { 'packages/a/index.js': 'x' });
      const onRunner = await runBundle('affected', { inputs: { base: 'HEAD~1' }, workspace: repo.dir });
      const r = run(repo.dir, 'affected', '--base', 'HEAD~1', '--summary-file', 'out/summary.md');
      expect(r.status).toBe(0);
      expect(readFileSync(join(repo.dir, 'out', 'summary.md'), 'utf8')).toBe(onRunner.summary);
      expect(onRunner.summary).toContain('```mermaid');
      expect(r.stdout).toContain(
        '(A Mermaid diagram, drawn on GitHub, is left out here: it is in out/summary.md.)',
      );
      expect(r.stdout).not.toMatch(/\x1b\[|```|\\\|/); // no colour off a terminal, no fences, no escapes
    } finally {
      repo.cleanup();
    }
  });

  it('refuses --env-file, which Node reads itself, naming the flag to use', () => {
    // Node 20 loads an existing file named by --env-file anywhere on its command line (and stops on a
    // missing one before any script runs): refused even when Node let it through.
    writeFileSync(join(cwd, 'deploy.env'), 'DEPLOY_ENV=staging\n');
    const r = run(cwd, 'deploy-metadata', '--env-file', 'deploy.env');
    expect([r.status, r.stderr]).toEqual([
      2,
      'Write --dotenv-file for input "env-file": Node itself reads --env-file on some versions.\n',
    ]);
  });

  it('a missing file is the user’s mistake in one sentence, not a bug', () => {
    const repo = createRepo({ 'README.md': 'hello' });
    try {
      const r = run(repo.dir, 'error-budget-gate', '--slo', 'missing.yaml', '--file', 'sli.om');
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^error: .*missing\.yaml.*\.\n$/m);
      expect(r.stderr).not.toContain('a bug in trunk-actions');
    } finally {
      repo.cleanup();
    }
  });

  it('prints its version', () => {
    const r = run(cwd, '--version');
    expect([r.status, r.stdout]).toEqual([
      0,
      `${JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version}\n`,
    ]);
  });
});
