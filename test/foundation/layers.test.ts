// The layers point down: the command line and the actions import shared/; shared/ imports neither;
// no action imports another. Read from the sources' import specifiers, static and dynamic alike.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { repoRoot } from '../support/harness.js';

function sources(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)));
}

/** The repository-relative files a source imports (relative specifiers only; packages are not layers). */
function importsOf(file: string, text = readFileSync(join(repoRoot, file), 'utf8')): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) =>
      relative(repoRoot, resolve(repoRoot, dirname(file), s))
        .split(sep)
        .join('/'),
    );
}

/** Which layer a repository-relative path belongs to: `shared`, `cli` or `action:<name>`. */
function layerOf(path: string): string {
  const [top, name] = path.split('/');
  return top === 'actions' ? `action:${name}` : top!;
}

describe('layers point down', () => {
  it('the import reader sees static, type-only and dynamic imports', () => {
    const text = [
      "import { a } from '../actions/x/src/main.js';",
      "import type { B } from './b.js';",
      "const m = await import('../cli/index.js');",
      "import 'zod/mini';",
    ].join('\n');
    expect(importsOf('shared/example.ts', text)).toEqual([
      'actions/x/src/main.js',
      'shared/b.js',
      'cli/index.js',
    ]);
  });

  it('no file under shared/ imports from actions/ or cli/', () => {
    const upward = sources('shared').flatMap((file) =>
      importsOf(file)
        .filter((target) => layerOf(target) !== 'shared')
        .map((target) => `${file} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('no action imports another action or the command line', () => {
    const sideways = sources('actions').flatMap((file) =>
      importsOf(file)
        .filter((target) => layerOf(target) !== 'shared' && layerOf(target) !== layerOf(file))
        .map((target) => `${file} -> ${target}`),
    );
    expect(sideways).toEqual([]);
  });

  it('the command line imports only shared/ and the actions’ entries', () => {
    const files = sources('cli');
    expect(files.length).toBeGreaterThan(0);
    const targets = files.flatMap((file) => importsOf(file));
    expect(targets.filter((t) => !/^(shared|cli)\/|^actions\/[^/]+\/src\/main\.js$/.test(t))).toEqual([]);
  });
});
