import { createRepo } from '../support/git-repo.js';
import { type Files, affectedBy, pkg, runAffected } from './run.js';

/** The classes of issue 15, each on a repository built with the shape real monorepos have. */

const pnpmWorkspace = (packages: Record<string, Record<string, unknown>>, yaml = ''): Files => ({
  'package.json': pkg('root', { private: true }),
  'pnpm-workspace.yaml': `packages:\n  - packages/*\n${yaml}`,
  ...Object.fromEntries(
    Object.entries(packages).map(([name, fields]) => [`packages/${name}/package.json`, pkg(name, fields)]),
  ),
});

const warnings = (r: { annotations: { level: string; message: string }[] }) =>
  r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);

describe('affected on real monorepo shapes (issue 15)', () => {
  test('cycles through peer and dev dependencies are one unit each, noted once, never an error', async () => {
    const initial = pnpmWorkspace({
      core: { devDependencies: { 'test-utils': 'workspace:*' } },
      'test-utils': { dependencies: { core: 'workspace:*' } },
      react: { peerDependencies: { 'react-dom': '*' } },
      'react-dom': { dependencies: { react: 'workspace:*' } },
      app: { dependencies: { core: 'workspace:*' } },
      other: {},
    });
    const r = await affectedBy(initial, { 'packages/test-utils/index.js': 'x' });
    expect(r.exitCode).toBe(0);
    expect(r.reasons).toEqual({
      'test-utils': 'added packages/test-utils/index.js',
      core: 'in a dependency cycle with test-utils (changed)',
      app: 'depends on core → test-utils (changed)',
    });
    expect(r.projects).toEqual(['app', 'core', 'test-utils']); // sorted, whatever the discovery order
    expect(r.summary).toContain('Dependency cycles (2), each built as one unit');
    expect(r.summary.split('`core` ↔ `test-utils`')).toHaveLength(2);
    expect(r.summary.split('`react` ↔ `react-dom`')).toHaveLength(2);
    // Without dependents, the cycle still builds together.
    const alone = await affectedBy(
      initial,
      { 'packages/react/index.js': 'x' },
      { 'include-dependents': 'false' },
    );
    expect(alone.projects).toEqual(['react', 'react-dom']);
  });

  test('Go modules replacing each other in both directions are a cycle, not a failure', async () => {
    const r = await affectedBy(
      {
        'api/go.mod':
          'module example.com/api\n\nrequire example.com/sdk v0.0.0\n\nreplace example.com/sdk => ../sdk\n',
        'sdk/go.mod':
          'module example.com/sdk\n\nrequire example.com/api v0.0.0\n\nreplace example.com/api => ../api\n',
        'tool/go.mod': 'module example.com/tool\n',
      },
      { 'sdk/client.go': 'package sdk' },
    );
    expect(r.exitCode).toBe(0);
    expect(r.projects).toEqual(['example.com/api', 'example.com/sdk']);
  });

  test('membership comes from the root globs only: fixture workspace files, numeric catalogs, a fixture inside a package', async () => {
    const initial: Files = {
      ...pnpmWorkspace(
        { a: { dependencies: { react: 'catalog:' } }, b: { dependencies: { vue: 'catalog:' } } },
        '  - "!packages/private"\ncatalog:\n  react: 18\n  vue: 3.4\n',
      ),
      'packages/private/package.json': pkg('private'),
      // A fixture workspace (invalid YAML and JSON: the root does not select it, so it is never read).
      'packages/a/test/fixtures/ws/pnpm-workspace.yaml': 'packages: [\n',
      'packages/a/test/fixtures/ws/package.json': '{"workspaces": [',
      'packages/a/test/fixtures/ws/packages/x/package.json': pkg('fixture-x'),
      'packages/a/tests/fixture-pkg/package.json': pkg('fixture-pkg'),
      'examples/demo/package.json': pkg('demo', { workspaces: ['*'] }),
      'fixtures/rust/Cargo.toml': '[workspace\nmembers = [',
      'fixtures/go/go.mod': 'go 1.22\n',
    };
    const r = await affectedBy(initial, {
      'packages/a/tests/fixture-pkg/index.js': 'x',
      'packages/a/test/fixtures/ws/packages/x/index.js': 'y',
    });
    expect(r.exitCode).toBe(0);
    // The fixture packages are not projects: their files are the real package's.
    expect(r.reasons).toEqual({ a: 'added packages/a/test/fixtures/ws/packages/x/index.js and 1 more' });
    // A catalog value YAML reads as a number: compared as text, no crash.
    const bump = await affectedBy(initial, {
      'pnpm-workspace.yaml':
        'packages:\n  - packages/*\n  - "!packages/private"\ncatalog:\n  react: 19\n  vue: 3.4\n',
    });
    expect(bump.exitCode).toBe(0);
    expect(bump.reasons).toEqual({ a: 'catalog entry react (default catalog) changed' });
  });

  test('uv: workspaces in test fixtures (cyclic ones included) are test data of the root project', async () => {
    const fixture = (name: string, other: string) =>
      `[project]\nname = "${name}"\ndependencies = ["${other}"]\n[tool.uv.workspace]\nmembers = ["member"]\n[tool.uv.sources]\n${other} = { workspace = true }\n`;
    const r = await affectedBy(
      {
        'pyproject.toml': '[project]\nname = "tool"\nversion = "1.0"\n',
        'src/tool/__init__.py': '',
        'test/ecosystem/pyx/pyproject.toml': fixture('pyx', 'pyx-member'),
        'test/ecosystem/pyx/member/pyproject.toml': fixture('pyx-member', 'pyx'),
        'test/ecosystem/broken/pyproject.toml': '[project\n',
      },
      { 'test/ecosystem/pyx/member/x.py': 'x' },
    );
    expect(r.exitCode).toBe(0);
    expect(r.reasons).toEqual({ tool: 'added test/ecosystem/pyx/member/x.py' });
  });

  test('a nested Cargo [workspace] (fuzz) is not a project; members come from globs, defaults and inherited paths; a root crate owns its [[bin]] anywhere', async () => {
    const rootToml = (unsafeCode: string) =>
      [
        '[package]',
        'name = "app"',
        'version = "0.1.0"',
        'build = "tools/build.rs"',
        '[lib]',
        'path = "lib.rs"',
        '[[bin]]',
        'name = "app-cli"',
        'path = "crates/cli/main.rs"',
        '[dependencies]',
        'core = { path = "crates/core" }',
        '[workspace]',
        'members = ["crates/*"]',
        'exclude = ["crates/cli"]',
        'default-members = ["crates/core"]',
        '[workspace.dependencies]',
        'shared = { version = "0.1", path = "./vendor-libs/shared" }',
        '[workspace.lints.rust]',
        `unsafe_code = "${unsafeCode}"`,
        '',
      ].join('\n');
    const initial: Files = {
      'Cargo.toml': rootToml('deny'),
      'lib.rs': '',
      'crates/cli/main.rs': 'mod args; fn main() {}',
      'crates/cli/args.rs': '',
      'crates/core/Cargo.toml':
        '[package]\nname = "core"\nversion = "0.1.0"\ninclude = ["src/**", "data/*.json", "Cargo.toml"]\n[lints]\nworkspace = true\n',
      'crates/core/src/lib.rs': '',
      'crates/core/data/table.json': '{}',
      'crates/core/notes/todo.txt': '',
      'crates/extra/Cargo.toml':
        '[package]\nname = "extra"\nversion = "0.1.0"\n[dependencies]\nshared.workspace = true\n[[test]]\nname = "it"\npath = "checks/it.rs"\n',
      'vendor-libs/shared/Cargo.toml': '[package]\nname = "shared"\nversion = "0.1.0"\n',
      'vendor-libs/shared/src/lib.rs': '',
      'fuzz/Cargo.toml':
        '[package]\nname = "app-fuzz"\nversion = "0.0.0"\n[dependencies]\napp = { path = ".." }\n[[bin]]\nname = "parse"\npath = "fuzz_targets/parse.rs"\n[workspace]\nmembers = ["."]\n',
      'fuzz/fuzz_targets/parse.rs': '',
    };
    const cases: [Files, Record<string, string>][] = [
      [{ 'crates/cli/main.rs': 'fn main() { }' }, { app: 'changed crates/cli/main.rs' }],
      [{ 'crates/cli/args.rs': 'x' }, { app: 'changed crates/cli/args.rs' }],
      [{ 'tools/build.rs': 'fn main() {}' }, { app: 'added tools/build.rs' }],
      [{ 'lib.rs': 'pub fn x() {}' }, { app: 'changed lib.rs' }],
      // The fuzzing workspace is separate (cargo metadata at the root does not list it).
      [{ 'fuzz/fuzz_targets/parse.rs': 'x' }, {}],
      [
        { 'crates/core/data/table.json': '{"a":1}', 'crates/core/notes/todo.txt': 'x' },
        { core: 'changed crates/core/data/table.json', app: 'depends on core (changed)' },
      ],
      [{ 'crates/extra/checks/it.rs': 'x' }, { extra: 'added crates/extra/checks/it.rs' }],
      // Inherited lints changed: the crates that inherit them.
      [
        { 'Cargo.toml': rootToml('forbid') },
        { core: '[workspace.lints] changed', app: 'depends on core (changed)' },
      ],
      // A member only through a [workspace.dependencies] path that a member inherits.
      [
        { 'vendor-libs/shared/src/lib.rs': 'x' },
        { shared: 'changed vendor-libs/shared/src/lib.rs', extra: 'depends on shared (changed)' },
      ],
    ];
    for (const [change, reasons] of cases) {
      const r = await affectedBy(initial, change, { 'global-files': 'none' });
      expect(r.exitCode).toBe(0);
      expect(r.reasons).toEqual(reasons);
    }
  });

  test('files no project owns affect none; a shared tsconfig affects exactly the projects extending it', async () => {
    const initial: Files = {
      ...pnpmWorkspace({ a: {}, b: {}, c: {}, config: {} }),
      'tsconfig.base.json': '{ "compilerOptions": { "strict": true } }',
      'tsconfig.build.json': '{\n  // shared build settings\n  "extends": "./tsconfig.base.json",\n}\n',
      'packages/a/tsconfig.json': '{ "extends": "../../tsconfig.build.json" }',
      'packages/b/tsconfig.json': '{ "compilerOptions": {} }',
      'packages/c/tsconfig.lib.json': '{ "extends": ["config/strict.json"] }',
      'packages/config/strict.json': '{}',
      '.github/workflows/ci.yml': 'on: push',
      Makefile: 'all:',
    };
    const unowned = await affectedBy(initial, {
      '.github/workflows/ci.yml': 'on: [push]',
      Makefile: 'all: x',
      '.vscode/settings.json': '{}',
    });
    expect(unowned.outputs.all).toBe('false');
    expect(unowned.projects).toEqual([]);
    expect(unowned.summary).toContain('Changed files no project owns (they affect no project) (3)');
    expect(unowned.summary).toContain('`.github/workflows/ci.yml`');
    const base = await affectedBy(initial, { 'tsconfig.base.json': '{}' });
    expect(base.reasons).toEqual({ a: 'changed tsconfig.base.json, which its tsconfig extends' });
    const shared = await affectedBy(initial, { 'packages/config/strict.json': '{"x":1}' });
    expect(shared.reasons).toEqual({
      c: 'changed packages/config/strict.json, which its tsconfig extends',
      config: 'changed packages/config/strict.json',
    });
    const toolchain = await affectedBy(initial, { '.nvmrc': '22' });
    expect(toolchain.outputs.all).toBe('true');
  });

  test('the root package.json is read by field: devDependencies reach no project, workspaces edits exactly the joined', async () => {
    const root = (fields: Record<string, unknown>) =>
      pkg('root', {
        private: true,
        workspaces: ['packages/*'],
        devDependencies: { eslint: '^8' },
        ...fields,
      });
    const initial: Files = {
      'package.json': root({}),
      'packages/a/package.json': pkg('a'),
      'packages/b/package.json': pkg('b', { dependencies: { a: '*' } }),
      'tools/gen/package.json': pkg('gen'),
    };
    const dev = await affectedBy(initial, { 'package.json': root({ devDependencies: { eslint: '^9' } }) });
    expect(dev.projects).toEqual([]);
    const joined = await affectedBy(initial, {
      'package.json': root({ workspaces: ['packages/*', 'tools/*'] }),
    });
    expect(joined.reasons).toEqual({ gen: 'joined the workspace' });
    // A root that ships code is a project; its devDependencies still count only through the lockfile.
    const shipping: Files = { ...initial, 'package.json': root({ main: 'index.js' }) };
    const shippingDev = await affectedBy(shipping, {
      'package.json': root({ main: 'index.js', devDependencies: { eslint: '^9' } }),
    });
    expect(shippingDev.projects).toEqual([]);
    const shippingMain = await affectedBy(shipping, { 'package.json': root({ main: 'main.js' }) });
    expect(shippingMain.reasons).toEqual({ root: 'changed package.json' });
  });

  test('a two-document pnpm lockfile (pnpm 11 env document first) is diffed per project', async () => {
    const lockfile = (lodash: string) =>
      [
        '---',
        "lockfileVersion: '9.0'",
        '',
        'importers:',
        '  .:',
        '    configDependencies: {}',
        '    packageManagerDependencies:',
        '      pnpm:',
        '        specifier: 11.0.3',
        '        version: 11.0.3',
        '',
        'packages:',
        '  pnpm@11.0.3:',
        '    resolution: {integrity: sha512-pnpm}',
        '',
        'snapshots:',
        '  pnpm@11.0.3: {}',
        '',
        '---',
        "lockfileVersion: '9.0'",
        '',
        'importers:',
        '  .: {}',
        '  packages/a:',
        '    dependencies:',
        '      lodash:',
        '        specifier: ^4',
        `        version: ${lodash}`,
        '  packages/b:',
        '    dependencies:',
        '      ms:',
        '        specifier: ^2',
        '        version: 2.1.3',
        '',
        'packages:',
        `  lodash@${lodash}:`,
        `    resolution: {integrity: sha512-${lodash}}`,
        '  ms@2.1.3:',
        '    resolution: {integrity: sha512-ms}',
        '',
        'snapshots:',
        `  lodash@${lodash}: {}`,
        '  ms@2.1.3: {}',
        '',
      ].join('\n');
    const initial: Files = {
      ...pnpmWorkspace({
        a: { dependencies: { lodash: '^4' } },
        b: { dependencies: { ms: '^2' } },
        c: { dependencies: { a: 'workspace:*' } },
      }),
      'pnpm-lock.yaml': lockfile('4.17.20'),
    };
    const r = await affectedBy(initial, { 'pnpm-lock.yaml': lockfile('4.17.21') });
    expect(r.exitCode).toBe(0);
    expect(warnings(r)).toEqual([]);
    expect(r.reasons).toEqual({
      a: expect.stringMatching(/lodash 4\.17\.20 -> 4\.17\.21/),
      c: 'depends on a (changed)',
    });
  });

  test('a workspace package linked as the peer of an external package (pnpm overrides) makes a dependency edge', async () => {
    const lockfile = [
      "lockfileVersion: '9.0'",
      '',
      'overrides:',
      '  a: workspace:*',
      '',
      'importers:',
      '  .: {}',
      '  packages/a: {}',
      '  packages/b:',
      '    devDependencies:',
      '      ext:',
      '        specifier: ^1',
      '        version: 1.0.0(a@packages+a)',
      '  packages/c: {}',
      '',
      'packages:',
      '  ext@1.0.0:',
      '    resolution: {integrity: sha512-ext}',
      '    peerDependencies:',
      "      a: '*'",
      '',
      'snapshots:',
      '  ext@1.0.0(a@packages+a):',
      '    dependencies:',
      '      a: link:packages/a',
      '',
    ].join('\n');
    const r = await affectedBy(
      {
        ...pnpmWorkspace(
          { a: {}, b: { devDependencies: { ext: '^1' } }, c: {} },
          'overrides:\n  a: workspace:*\n',
        ),
        'pnpm-lock.yaml': lockfile,
      },
      { 'packages/a/src/x.js': 'x' },
    );
    expect(r.reasons).toEqual({ a: 'added packages/a/src/x.js', b: 'depends on a (changed)' });
  });

  test('a move across projects affects the old owner (base layout) and the new owner (head layout)', async () => {
    const initial: Files = {
      ...pnpmWorkspace({ a: {}, b: {}, c: {} }),
      'packages/a/src/util.js': 'export const util = () => "a long enough body for rename detection";\n',
    };
    const r = await affectedBy(initial, {
      'packages/a/src/util.js': null,
      'packages/b/src/util.js': 'export const util = () => "a long enough body for rename detection";\n',
    });
    expect(r.reasons).toEqual({ a: 'moved packages/a/src/util.js', b: 'moved packages/b/src/util.js' });
    // A whole project moved: its old paths count in the base layout, its new ones in the head layout.
    const repo = createRepo({
      'package.json': pkg('root', { workspaces: ['packages/*', 'libs/*'] }),
      'packages/a/package.json': pkg('a'),
      'packages/a/index.js': 'module.exports = "unchanged content of a";\n',
      'packages/b/package.json': pkg('b'),
    });
    try {
      repo.git(['checkout', '-q', '-b', 'feature']);
      repo.commit('move a to libs', {
        'packages/a': null,
        'libs/a/package.json': pkg('a'),
        'libs/a/index.js': 'module.exports = "unchanged content of a";\n',
      });
      const moved = await runAffected(repo, { inputs: { base: 'main' } });
      expect(moved.exitCode).toBe(0);
      expect(moved.reasons).toEqual({ a: 'moved packages/a/index.js and 3 more' });
      expect(moved.summary).toContain('Moved projects (1)');
    } finally {
      repo.cleanup();
    }
  });

  test('a 1,000-package chain explains every project in well under 1 MB of outputs', async () => {
    const packages: Record<string, Record<string, unknown>> = {};
    for (let i = 0; i < 1000; i++)
      packages[`p${String(i).padStart(4, '0')}`] = i
        ? { dependencies: { [`p${String(i - 1).padStart(4, '0')}`]: 'workspace:*' } }
        : {};
    const r = await affectedBy(pnpmWorkspace(packages), { 'packages/p0000/index.js': 'x' });
    expect(r.exitCode).toBe(0);
    expect(r.projects).toHaveLength(1000);
    expect(r.reasons.p0999).toBe('depends on p0998 → … → p0000 (changed, 999 links)');
    const size = Object.values(r.outputs).reduce((sum, value) => sum + Buffer.byteLength(value), 0);
    expect(size).toBeLessThan(400_000);
    expect(Buffer.byteLength(r.summary)).toBeLessThan(200_000);
  });
});
