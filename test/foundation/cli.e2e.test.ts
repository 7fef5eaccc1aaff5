import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRepo } from '../support/git-repo.js';
import { repoRoot } from '../support/harness.js';

const cwd = mkdtempSync(join(tmpdir(), 'trunk-cli-'));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli', 'index.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: cwd },
  });

describe('the bundled command line', () => {
  it('lists the five actions from their action.yml files', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    for (const name of [
      'affected',
      'deploy-metadata',
      'flaky-quarantine',
      'migration-lint',
      'error-budget-gate',
    ]) {
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
      expect.stringContaining('Unknown input --no-such-input'),
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
  it('spells any input, including names Node 20 would take as its own option (--env-file)', () => {
    const bad = cli('migration-lint', '--input', 'fail-on=sometimes');
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('Input "fail-on" is "sometimes"')]);
    expect(cli('migration-lint', '--input', 'nope=1').status).toBe(2);
  });
});
