import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { actionNames } from '../../shared/metadata.js';
import { repoRoot } from '../support/harness.js';

describe('npm run demo', () => {
  it('runs every action through the CLI on shipped sample data, with no network and no token', () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_TOKEN: 'must-not-be-used' };
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'demo.mjs')], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    for (const name of actionNames()) {
      expect(run.stdout).toMatch(new RegExp(`^== ${name}: .+\\n\\$ trunk-actions ${name}`, 'm'));
    }
    expect(run.stdout).not.toContain('(no demo yet)');
    expect(run.stdout).not.toMatch(/exit \d+: (crash|usage)/);
  }, 120_000);
});
