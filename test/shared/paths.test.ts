import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveInside } from '../../shared/paths.js';

describe('resolveInside', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'trunk-ws-'));
  mkdirSync(join(workspace, 'reports'));
  symlinkSync('/etc', join(workspace, 'escape'));

  it('accepts paths inside the workspace', () => {
    expect(resolveInside(workspace, 'reports/junit.xml', 'reports')).toBe(
      join(workspace, 'reports/junit.xml'),
    );
    expect(resolveInside(workspace, 'new/dir/out.sarif', 'sarif-file')).toBe(
      join(workspace, 'new/dir/out.sarif'),
    );
  });
  it.each([
    ['../outside.txt', /leads outside the workspace/],
    ['/etc/passwd', /leads outside the workspace/],
    ['escape/passwd', /through a symbolic link|leads outside/],
    ['a\0b', /NUL/],
  ])('refuses %j', (path, message) => {
    expect(() => resolveInside(workspace, path, 'env-file')).toThrow(message);
  });
  it('allows an extra root such as RUNNER_TEMP', () => {
    const temp = mkdtempSync(join(tmpdir(), 'trunk-temp-'));
    expect(resolveInside(workspace, join(temp, 'x.env'), 'env-file', [temp])).toBe(join(temp, 'x.env'));
  });
});
