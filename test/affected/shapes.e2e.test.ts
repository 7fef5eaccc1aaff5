import { type Files, affectedBy, pkg } from './run.js';

/** Shapes from real repositories where tools disagree (issue 9), plus globals, ignore, moves and lockfiles. */

const npmWorkspace = (
  packages: Record<string, Record<string, unknown>>,
  root: Record<string, unknown> = {},
): Files => ({
  'package.json': pkg('root', { private: true, workspaces: ['packages/*'], ...root }),
  ...Object.fromEntries(
    Object.entries(packages).map(([name, fields]) => [`packages/${name}/package.json`, pkg(name, fields)]),
  ),
});

const lock = (lodash: string, react = '18.2.0') =>
  JSON.stringify({
    name: 'root',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'root', workspaces: ['packages/*'] },
      'node_modules/a': { resolved: 'packages/a', link: true },
      'node_modules/b': { resolved: 'packages/b', link: true },
      'node_modules/c': { resolved: 'packages/c', link: true },
      'packages/a': { name: 'a', version: '1.0.0', dependencies: { lodash: '^4.17.0' } },
      'packages/b': { name: 'b', version: '1.0.0', dependencies: { react: '^18.0.0' } },
      'packages/c': { name: 'c', version: '1.0.0', dependencies: { a: '*' } },
      'node_modules/lodash': {
        version: lodash,
        resolved: `https://registry.npmjs.org/lodash/-/lodash-${lodash}.tgz`,
        integrity: `sha512-${lodash}`,
      },
      'node_modules/react': {
        version: react,
        resolved: `https://registry.npmjs.org/react/-/react-${react}.tgz`,
        integrity: `sha512-${react}`,
      },
    },
  });

describe('affected: real-repository shapes', () => {
  test('peer and optional dependencies on workspace packages are edges', async () => {
    const r = await affectedBy(
      npmWorkspace({
        core: {},
        compat: { peerDependencies: { core: '>=1' } },
        ssr: { optionalDependencies: { core: '1.0.0' } },
        other: {},
      }),
      { 'packages/core/index.js': 'x' },
    );
    expect(r.reasons).toEqual({
      core: 'added packages/core/index.js',
      compat: 'depends on core (changed)',
      ssr: 'depends on core (changed)',
    });
  });

  test('a pnpm catalog entry change marks exactly the projects using it', async () => {
    const ws = (react: string): Files => ({
      'package.json': pkg('root', { private: true }),
      'pnpm-workspace.yaml': `packages: ["packages/*"]\ncatalog:\n  react: ${react}\n  lodash: ^4\ncatalogs:\n  legacy:\n    react: ^16\n`,
      'packages/ui/package.json': pkg('ui', { dependencies: { react: 'catalog:' } }),
      'packages/old/package.json': pkg('old', { dependencies: { react: 'catalog:legacy' } }),
      'packages/util/package.json': pkg('util', { dependencies: { lodash: 'catalog:' } }),
      'packages/app/package.json': pkg('app', { dependencies: { ui: 'workspace:*' } }),
    });
    const r = await affectedBy(ws('^18.2.0'), {
      'pnpm-workspace.yaml': ws('^18.3.0')['pnpm-workspace.yaml']!,
    });
    expect(r.reasons).toEqual({
      ui: 'catalog entry react (default catalog) changed',
      app: 'depends on ui (changed)',
    });
  });

  test('a yarn catalog entry change in .yarnrc.yml marks exactly its users', async () => {
    const ws = (vitest: string): Files => ({
      ...npmWorkspace({
        a: { devDependencies: { vitest: 'catalog:testing' } },
        b: { devDependencies: { typescript: 'catalog:' } },
      }),
      '.yarnrc.yml': `nodeLinker: node-modules\ncatalog:\n  typescript: ^5.6.0\ncatalogs:\n  testing:\n    vitest: ${vitest}\n`,
    });
    const r = await affectedBy(ws('^2.0.0'), { '.yarnrc.yml': ws('^2.1.0')['.yarnrc.yml']! });
    expect(r.reasons).toEqual({ a: 'catalog entry vitest (catalog testing) changed' });
  });

  test('a tooling root package.json depending on workspace packages does not make everything affected', async () => {
    const initial = npmWorkspace(
      { a: {}, b: {} },
      { devDependencies: { a: '*', b: '*', prettier: '^3' }, scripts: { lint: 'x' } },
    );
    const r = await affectedBy(initial, {
      'packages/a/index.js': 'x',
      'package.json': initial['package.json']!.replace('"lint": "x"', '"lint": "y"'),
      '.prettierrc': '{}',
    });
    expect(r.projects).toEqual(['a']);
    expect(r.outputs.all).toBe('false');
  });

  test('a root Cargo package: docs, CI and other crates are not its inputs; inputs input widens them', async () => {
    const initial: Files = {
      'Cargo.toml':
        '[package]\nname = "app"\nversion = "0.1.0"\n[dependencies]\nlib = { path = "crates/lib" }\n[workspace]\nmembers = ["crates/*"]\n',
      'src/main.rs': 'fn main() {}',
      'crates/lib/Cargo.toml': '[package]\nname = "lib"\nversion = "0.1.0"\n',
      'crates/lib/src/lib.rs': '',
      'crates/tool/Cargo.toml': '[package]\nname = "tool"\nversion = "0.1.0"\n',
      'README.md': '# app',
    };
    const change = {
      'README.md': '# app!',
      '.github/workflows/extra.yml': 'x',
      'crates/tool/src/main.rs': 'fn main() {}',
      'scripts/release.sh': 'x',
    };
    const r = await affectedBy(initial, change, { 'global-files': 'none' });
    expect(r.reasons).toEqual({ tool: 'added crates/tool/src/main.rs' });
    expect(r.summary).toMatch(/Files ignored as non-inputs of their project \(3\)/);
    const widened = await affectedBy(initial, change, {
      'global-files': 'none',
      inputs: 'app: ["**"]\nrust: ["src/**"]',
    });
    expect(widened.projects).toEqual(['app', 'tool']);
    const ignoredKey = widened.annotations.find((a) => a.level === 'warning')?.message;
    expect(ignoredKey).toMatch(/"rust", which is neither a project nor an ecosystem/);
  });

  test('a root Go module with a nested module: the nested one owns its files; embedded files count, other non-inputs do not', async () => {
    const r = await affectedBy(
      {
        'go.mod': 'module example.com/root\n\ngo 1.22\n',
        'main.go': 'package main\n',
        'api/go.mod': 'module example.com/root/api\n\ngo 1.22\n',
        'api/api.go': 'package api\n',
        Makefile: 'all:\n',
        'web/server.go': 'package web\n\nimport "embed"\n\n//go:embed static\nvar Static embed.FS\n',
        'web/static/app.js': 'x',
        'web/notes.txt': 'x',
      },
      {
        'api/api.go': 'package api\n\nfunc X() {}\n',
        Makefile: 'all: x\n',
        'docs/guide.md': 'x',
        'pkg/testdata/case.json': '{}',
        'web/static/app.js': 'y',
        'web/notes.txt': 'y',
      },
    );
    expect(r.reasons).toEqual({
      'example.com/root': 'added pkg/testdata/case.json and 1 more',
      'example.com/root/api': 'changed api/api.go',
    });
    expect(r.summary).toMatch(/web\/notes\.txt \(example\.com\/root\)/);
    expect(r.summary).not.toMatch(/web\/static\/app\.js \(example/);
  });

  test('a root package.json with its own source is a project; Markdown at the root does not mark it', async () => {
    const initial = npmWorkspace({ a: {} }, { main: 'index.js', dependencies: { a: '*' } });
    initial['index.js'] = 'x';
    const docs = await affectedBy(initial, { 'CONTRIBUTING.md': 'x', '.vscode/settings.json': '{}' });
    expect(docs.projects).toEqual([]);
    const code = await affectedBy(initial, { 'packages/a/index.js': 'y' });
    expect(code.reasons).toEqual({ a: 'added packages/a/index.js', root: 'depends on a (changed)' });
  });

  test('Cargo: [workspace.dependencies] entries mark their users only; dev, build deps and a new crate', async () => {
    const root = (serde: string, members = '"crates/*"') =>
      `[workspace]\nmembers = [${members}]\nexclude = ["crates/fuzz"]\n[workspace.dependencies]\nserde = "${serde}"\ncore = { path = "crates/core" }\n`;
    const initial: Files = {
      'Cargo.toml': root('1.0.100'),
      'crates/core/Cargo.toml':
        '[package]\nname = "core"\nversion = "0.1.0"\n[dependencies]\nserde = { workspace = true }\n',
      'crates/cli/Cargo.toml':
        '[package]\nname = "cli"\nversion = "0.1.0"\n[dev-dependencies]\ncore.workspace = true\n',
      'crates/gen/Cargo.toml':
        '[package]\nname = "gen"\nversion = "0.1.0"\n[build-dependencies]\ncore = { path = "../core" }\n',
      'crates/other/Cargo.toml': '[package]\nname = "other"\nversion = "0.1.0"\n',
      'crates/fuzz/Cargo.toml':
        '[package]\nname = "fuzz"\nversion = "0.1.0"\n[dependencies]\ncore = { path = "../core" }\n',
    };
    const r = await affectedBy(initial, {
      'Cargo.toml': root('1.0.200'),
      'crates/new/Cargo.toml': '[package]\nname = "new"\nversion = "0.1.0"\n',
      'crates/new/src/lib.rs': '',
      'crates/fuzz/src/main.rs': 'x',
    });
    expect(r.reasons).toEqual({
      core: '[workspace.dependencies] serde changed',
      cli: 'depends on core (changed)',
      gen: 'depends on core (changed)',
      new: 'added crates/new/Cargo.toml and 1 more',
    });
  });

  test('Go without go.work: replace links, and a module moved to a new folder is one project with a new path', async () => {
    const initial: Files = {
      'libs/util/go.mod': 'module example.com/util\n\ngo 1.22\n',
      'libs/util/util.go': 'package util\n',
      'svc/go.mod':
        'module example.com/svc\n\ngo 1.22\n\nrequire example.com/util v0.0.0\n\nreplace example.com/util => ../libs/util\n',
    };
    const r = await affectedBy(initial, {
      'libs/util/go.mod': null,
      'libs/util/util.go': null,
      'pkg/util/go.mod': initial['libs/util/go.mod']!,
      'pkg/util/util.go': initial['libs/util/util.go']!,
      'svc/go.mod': initial['svc/go.mod']!.replace('../libs/util', '../pkg/util'),
    });
    expect(r.matrix.include).toEqual([
      { project: 'example.com/svc', path: 'svc', reason: 'changed svc/go.mod' },
      { project: 'example.com/util', path: 'pkg/util', reason: 'moved libs/util/go.mod and 3 more' },
    ]);
    expect(r.summary).toMatch(/Moved projects \(1\)/);
  });

  test('a package folder moved keeping its name is one project; its dependents follow', async () => {
    const initial = npmWorkspace({ a: {}, b: { dependencies: { a: '*' } } });
    initial['packages/a/index.js'] = 'module.exports = 1;\n';
    const r = await affectedBy(
      { ...initial, 'package.json': pkg('root', { private: true, workspaces: ['packages/*', 'libs/*'] }) },
      {
        'packages/a/package.json': null,
        'packages/a/index.js': null,
        'libs/a/package.json': initial['packages/a/package.json']!,
        'libs/a/index.js': initial['packages/a/index.js']!,
      },
    );
    expect(r.matrix.include).toEqual([
      { project: 'a', path: 'libs/a', reason: 'moved packages/a/index.js and 3 more' },
      { project: 'b', path: 'packages/b', reason: 'depends on a (changed)' },
    ]);
  });

  test('include-dependencies adds what the affected projects build on; include-dependents false keeps only the changed', async () => {
    const initial = npmWorkspace({
      lib: {},
      mid: { dependencies: { lib: '*' } },
      app: { dependencies: { mid: '*' } },
    });
    const both = await affectedBy(initial, { 'packages/mid/x.js': 'x' }, { 'include-dependencies': 'true' });
    expect(both.reasons).toEqual({
      mid: 'added packages/mid/x.js',
      app: 'depends on mid (changed)',
      lib: 'dependency of mid',
    });
    const only = await affectedBy(initial, { 'packages/mid/x.js': 'x' }, { 'include-dependents': 'false' });
    expect(only.projects).toEqual(['mid']);
  });

  test('global files mark everything and name the file; ignore drops files first', async () => {
    const initial = npmWorkspace({ a: {}, b: {} });
    const global = await affectedBy(initial, { '.nvmrc': '22' });
    expect(global.outputs.all).toBe('true');
    expect(global.projects).toEqual(['a', 'b']);
    expect(global.reasons.a).toBe('global file .nvmrc changed');
    const ignored = await affectedBy(
      initial,
      { 'packages/a/notes.txt': 'x', 'packages/b/x.js': 'y' },
      { ignore: '**/*.txt' },
    );
    expect(ignored.projects).toEqual(['b']);
    expect(JSON.parse(ignored.outputs['changed-files']!)).toEqual(['packages/b/x.js']);
  });

  test('a lockfile change marks only the projects whose resolved dependencies changed, and their dependents', async () => {
    const initial = {
      ...npmWorkspace({
        a: { dependencies: { lodash: '^4.17.0' } },
        b: { dependencies: { react: '^18.0.0' } },
        c: { dependencies: { a: '*' } },
      }),
      'package-lock.json': lock('4.17.20'),
    };
    const r = await affectedBy(initial, { 'package-lock.json': lock('4.17.21') });
    expect(r.projects).toEqual(['a', 'c']);
    expect(r.reasons.a).toMatch(/lodash/);
    expect(r.reasons.c).toMatch(/lodash 4.17.20 -> 4.17.21/); // c reaches lodash through its workspace link to a
  });

  test('an unreadable lockfile is a warning naming it and the fallback: the projects declaring external dependencies', async () => {
    const initial = {
      ...npmWorkspace({ a: { dependencies: { lodash: '^4' } }, b: { dependencies: { a: '*' } }, c: {} }),
      'packages/a/go.mod': 'module x\n',
      'package-lock.json': lock('4.17.20'),
    };
    const r = await affectedBy(initial, { 'package-lock.json': '{ this is not json' });
    expect(r.exitCode).toBe(0);
    // a declares lodash; b only links a workspace package (and depends on a); c declares nothing.
    expect(r.reasons).toEqual({
      a: 'lockfile package-lock.json changed and could not be diffed',
      b: 'depends on a (changed)',
    });
    const warning = r.annotations.find((a) => a.level === 'warning')?.message;
    expect(warning).toMatch(
      /^Lockfile package-lock\.json could not be diffed \(.*\); fell back to the 1 js project it covers whose manifests declare external dependencies: a\.$/,
    );
  });

  test('more than 256 affected projects are split into matrix-N chunks', async () => {
    const packages: Record<string, Record<string, unknown>> = { base: {} };
    for (let i = 0; i < 300; i++)
      packages[`p${String(i).padStart(3, '0')}`] = { dependencies: { base: '*' } };
    const r = await affectedBy(npmWorkspace(packages), { 'packages/base/index.js': 'x' });
    expect(r.outputs.count).toBe('301');
    expect(r.outputs['matrix-count']).toBe('2');
    expect(JSON.parse(r.outputs['matrix-1']!).include).toHaveLength(256);
    expect(JSON.parse(r.outputs['matrix-2']!).include).toHaveLength(45);
    expect(JSON.parse(r.outputs['matrix-3']!).include).toEqual([]);
    expect(r.annotations.some((a) => a.level === 'warning' && /more than the 256 jobs/.test(a.message))).toBe(
      true,
    );
  });
});
