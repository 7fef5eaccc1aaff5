import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/harness.js';

/** Every file below a folder, relative, sorted. */
function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listTree(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    )
    .sort();
}

describe('generated files are in sync with the sources', () => {
  it('dist/ is byte for byte what `npm run bundle` produces', () => {
    const out = mkdtempSync(join(tmpdir(), 'trunk-dist-'));
    try {
      execFileSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: repoRoot, stdio: 'pipe' });
      const committed = join(repoRoot, 'dist');
      expect(listTree(committed)).toEqual(listTree(out));
      const stale = listTree(out).filter(
        (file) => !readFileSync(join(out, file)).equals(readFileSync(join(committed, file))),
      );
      expect(stale).toEqual([]); // rebuild with `npm run bundle` and commit dist/
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);

  it("each bundle's licenses.txt names every package it ships, lazily loaded chunks included", () => {
    const dist = join(repoRoot, 'dist');
    const missing = readdirSync(dist).flatMap((bundle) => {
      const files = readdirSync(join(dist, bundle));
      const named = new Set(readFileSync(join(dist, bundle, 'licenses.txt'), 'utf8').split('\n'));
      const packages = new Set(
        files
          .filter((f) => f.endsWith('.js.map'))
          .flatMap((f) => JSON.parse(readFileSync(join(dist, bundle, f), 'utf8')).sources as string[])
          .filter((source) => source.includes('node_modules/'))
          .map((source) => {
            const [scope, name] = source.split('node_modules/').at(-1)!.split('/');
            return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
          }),
      );
      return [...packages].filter((name) => !named.has(name)).map((name) => `${bundle}: ${name}`);
    });
    expect(missing).toEqual([]);
  });

  it('action-catalog.md is what `npm run catalog` produces', () => {
    const result = (() => {
      try {
        execFileSync(process.execPath, ['scripts/catalog.mjs', '--check'], { cwd: repoRoot, stdio: 'pipe' });
        return 'in sync';
      } catch (error) {
        return String((error as { stderr?: Buffer }).stderr);
      }
    })();
    expect(result).toBe('in sync');
  });
});
