import { discoverWorkspace, staticPrefix } from '../../actions/affected/src/discover.js';
import { manifestPaths, memberMatcher } from '../../actions/affected/src/manifests.js';
import { UserError } from '../../shared/errors.js';
import { loadYaml } from '../../shared/yaml.js';

// The pure readers under test fall back to the full YAML parser, which a run loads on demand (withYaml).
beforeAll(loadYaml);

/** Discovers from a file map (path -> content), reading only what discovery asks for. */
function discover(files: Record<string, string>, explicit = [] as Parameters<typeof discoverWorkspace>[2]) {
  const paths = Object.keys(files);
  const contents = new Map(manifestPaths(paths).map((p) => [p, files[p]]));
  return discoverWorkspace(paths, contents, explicit);
}

/** name -> [dir, sorted link names] */
function shape(files: Record<string, string>) {
  const ws = discover(files);
  return Object.fromEntries(ws.projects.map((p) => [p.name, [p.dir, p.links.map((l) => l.name).sort()]]));
}

const pkg = (name: string, fields: Record<string, unknown> = {}) => JSON.stringify({ name, ...fields });

describe('discoverWorkspace', () => {
  test.each([
    [
      'npm workspaces with every range syntax',
      {
        'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
        'packages/a/package.json': pkg('a'),
        'packages/b/package.json': pkg('b', { dependencies: { a: '*' } }),
        'packages/c/package.json': pkg('c', { devDependencies: { a: '^1.0.0', b: 'workspace:*' } }),
        'packages/d/package.json': pkg('d', {
          dependencies: { x: 'file:../a', y: 'link:../b', z: 'npm:c@^1' },
        }),
        'packages/e/package.json': pkg('e', {
          peerDependencies: { a: '>=1' },
          optionalDependencies: { d: '1' },
        }),
      },
      {
        a: ['packages/a', []],
        b: ['packages/b', ['a']],
        c: ['packages/c', ['a', 'b']],
        d: ['packages/d', ['a', 'b', 'c']],
        e: ['packages/e', ['a', 'd']],
      },
    ],
    [
      'yarn classic workspaces.packages with a negation; a bare name is anchored',
      {
        'package.json': JSON.stringify({ workspaces: { packages: ['libs/**', '!libs/private', 'app'] } }),
        'libs/x/package.json': pkg('@s/x'),
        'libs/deep/y/package.json': pkg('@s/y', { dependencies: { '@s/x': 'workspace:^' } }),
        'libs/private/package.json': pkg('private'),
        'app/package.json': pkg('app', { dependencies: { '@s/y': '1.0.0' } }),
        'other/app/package.json': pkg('not-a-member'),
      },
      { '@s/x': ['libs/x', []], '@s/y': ['libs/deep/y', ['@s/x']], app: ['app', ['@s/y']] },
    ],
    [
      'pnpm-workspace.yaml; a tooling-only root is not a project',
      {
        'package.json': pkg('root', { private: true, devDependencies: { a: 'workspace:*' } }),
        'pnpm-workspace.yaml': 'packages:\n  - "packages/*"\n',
        'packages/a/package.json': pkg('a'),
      },
      { a: ['packages/a', []] },
    ],
    [
      'a pnpm-workspace.yaml without packages (settings, catalogs) leaves a one-package repository',
      {
        'package.json': pkg('solo', { dependencies: { react: 'catalog:' } }),
        'pnpm-workspace.yaml': 'catalog:\n  react: ^18\n',
      },
      { solo: ['', []] },
    ],
    [
      'a workspace root with its own source is a project',
      {
        'package.json': pkg('root', {
          workspaces: ['packages/*'],
          main: 'index.js',
          dependencies: { a: '*' },
        }),
        'index.js': '',
        'packages/a/package.json': pkg('a'),
      },
      { a: ['packages/a', []], root: ['', ['a']] },
    ],
    [
      'Nx project.json names and implicitDependencies',
      {
        'package.json': pkg('ws', { workspaces: ['libs/*'] }),
        'libs/a/package.json': pkg('@org/a'),
        'libs/a/project.json': JSON.stringify({ name: 'lib-a' }),
        'libs/b/package.json': pkg('@org/b', { dependencies: { '@org/a': '*' } }),
        'apps/web/project.json': JSON.stringify({ name: 'web', implicitDependencies: ['lib-a', '@org/b'] }),
        'apps/api/project.json': JSON.stringify({ implicitDependencies: ['*', '!web'] }),
      },
      {
        '@org/b': ['libs/b', ['lib-a']],
        'lib-a': ['libs/a', []],
        web: ['apps/web', ['@org/b', 'lib-a']],
        api: ['apps/api', ['@org/b', 'lib-a']],
      },
    ],
    [
      'Go modules linked by go.work and by replace, nested modules included',
      {
        'go.work': 'go 1.22\n\nuse (\n\t./svc\n\t./lib\n)\n',
        'svc/go.mod':
          'module example.com/svc\n\nrequire (\n\texample.com/lib v0.0.0\n\tgithub.com/x/y v1.2.3\n)\n',
        'lib/go.mod': 'module example.com/lib\n',
        'tools/go.mod':
          'module example.com/tools\n\nrequire example.com/util v1.0.0\nreplace example.com/util => ../util // local\n',
        'util/go.mod': 'module "example.com/util"\n',
        'util/sub/go.mod': 'module example.com/util/sub\n',
        'lib/testdata/go.mod': 'module ignored\n',
      },
      {
        'example.com/lib': ['lib', []],
        'example.com/svc': ['svc', ['example.com/lib']],
        'example.com/tools': ['tools', ['example.com/util']],
        'example.com/util': ['util', []],
        'example.com/util/sub': ['util/sub', []],
      },
    ],
    [
      'Cargo: member globs, exclude, implicit members, workspace.dependencies, dev and build path deps, root package',
      {
        'Cargo.toml':
          '[package]\nname = "app"\n[dependencies]\ncore = { workspace = true }\n[workspace]\nmembers = ["crates/*"]\nexclude = ["crates/fuzz"]\n[workspace.dependencies]\ncore = { path = "crates/core" }\nserde = "1"\n',
        'crates/core/Cargo.toml': '[package]\nname = "core"\n[dependencies]\nserde.workspace = true\n',
        'crates/cli/Cargo.toml':
          '[package]\nname = "cli"\n[dev-dependencies]\ncore = { path = "../core" }\n[build-dependencies]\ngen = { path = "../gen" }\n',
        'crates/gen/Cargo.toml':
          '[package]\nname = "gen"\n[target.\'cfg(unix)\'.dependencies]\ncore = { path = "../core" }\nmacros = { path = "../../vendored/macros" }\n',
        'crates/fuzz/Cargo.toml': '[package]\nname = "fuzz"\n[dependencies]\ncore = { path = "../core" }\n',
        'vendored/macros/Cargo.toml': '[package]\nname = "macros"\n',
      },
      {
        app: ['', ['core']],
        cli: ['crates/cli', ['core', 'gen']],
        core: ['crates/core', []],
        gen: ['crates/gen', ['core', 'macros']],
        macros: ['vendored/macros', []],
      },
    ],
    [
      'uv workspace with workspace sources from the root and the member',
      {
        'pyproject.toml':
          '[project]\nname = "root-app"\ndependencies = ["Lib_One>=1"]\n[tool.uv.workspace]\nmembers = ["packages/*"]\nexclude = ["packages/skip"]\n[tool.uv.sources]\nlib-one = { workspace = true }\n',
        'packages/lib-one/pyproject.toml': '[project]\nname = "lib-one"\n',
        'packages/lib-two/pyproject.toml':
          '[project]\nname = "lib-two"\ndependencies = ["requests"]\n[project.optional-dependencies]\nx = ["lib-one[extra]; python_version > \'3.9\'"]\n',
        'packages/skip/pyproject.toml': '[project]\nname = "skip"\n',
      },
      {
        'lib-one': ['packages/lib-one', []],
        'lib-two': ['packages/lib-two', ['lib-one']],
        'root-app': ['', ['lib-one']],
      },
    ],
  ])('%s', (_name, files, expected) => {
    expect(shape(files)).toEqual(expected);
  });

  test('the projects input adds projects and links, and overrides ownership', () => {
    const ws = discover({ 'package.json': pkg('a', {}), 'infra/main.tf': '' }, [
      { name: 'infra', paths: ['infra/**', 'modules/**'], dependsOn: ['a'] },
      { name: 'a', paths: ['web/**'], dependsOn: [] },
    ]);
    expect(ws.byName.get('infra')).toMatchObject({
      dir: 'infra',
      ecosystem: 'custom',
      links: [{ name: 'a', kind: 'depends-on' }],
    });
    expect(ws.byName.get('a')).toMatchObject({ dir: '', paths: ['web/**'] });
  });

  test('an unknown depends-on name is an input error', () => {
    expect(() => discover({}, [{ name: 'x', paths: ['x/**'], dependsOn: ['nope'] }])).toThrow(
      /projects.*x depends on nope/,
    );
  });

  test.each([
    ['package.json', '{"workspaces": ['],
    ['pnpm-workspace.yaml', 'packages: [\n'],
    ['Cargo.toml', '[package\nname='],
    ['go.mod', 'go 1.22\n'],
  ])('a malformed %s is a user error naming the file', (file, text) => {
    const files: Record<string, string> = {
      'package.json': pkg('r', { workspaces: ['p/*'] }),
      'p/a/package.json': pkg('a'),
    };
    files[file] = text;
    expect(() => discover(files)).toThrow(UserError);
    expect(() => discover(files)).toThrow(new RegExp(file.replace('.', '\\.')));
  });

  test('a malformed package.json outside the workspace is not read as a project', () => {
    expect(
      shape({
        'package.json': pkg('r', { workspaces: ['p/*'] }),
        'p/a/package.json': pkg('a'),
        'fixtures/bad/package.json': '{',
      }),
    ).toEqual({ a: ['p/a', []] });
  });

  test('duplicate names are made unique with a warning', () => {
    const ws = discover({ 'a/go.mod': 'module m\n', 'b/go.mod': 'module m\n' });
    expect(ws.projects.map((p) => p.name)).toEqual(['m', 'm (b)']);
    expect(ws.warnings[0]).toMatch(/Two projects are named m/);
  });

  test('catalog users and shared values are recorded', () => {
    const ws = discover({
      'package.json': pkg('r'),
      'pnpm-workspace.yaml':
        'packages: ["p/*"]\ncatalog:\n  react: ^18\ncatalogs:\n  legacy:\n    react: ^16\n',
      'p/a/package.json': pkg('a', { dependencies: { react: 'catalog:' } }),
      'p/b/package.json': pkg('b', { dependencies: { react: 'catalog:legacy' } }),
    });
    expect(ws.byName.get('a')!.sharedEntries).toEqual(['catalog\t\tdefault\treact']);
    expect(ws.byName.get('b')!.sharedEntries).toEqual(['catalog\t\tlegacy\treact']);
    expect(ws.sharedValues.get('catalog\t\tlegacy\treact')).toBe('^16');
  });

  test('catalog values YAML reads as numbers or mappings are compared as text, never a crash', () => {
    const ws = discover({
      'package.json': pkg('r'),
      // An anchor sends the file to the full parser, which reads 18 as a number.
      'pnpm-workspace.yaml':
        'packages: ["p/*"]\ncatalog:\n  react: &v 18\n  vue: *v\n  odd:\n    nested: 1\ncatalogs:\n  "2":\n    x: 1.0\n',
      'p/a/package.json': pkg('a', { dependencies: { react: 'catalog:', odd: 'catalog:', x: 'catalog:2' } }),
    });
    expect(ws.sharedValues.get('catalog\t\tdefault\treact')).toBe('18');
    expect(ws.sharedValues.get('catalog\t\tdefault\todd')).toBe('{"nested":1}');
    expect(ws.sharedValues.get('catalog\t\t2\tx')).toBe('1');
    // The fast reader keeps scalars as written and gives mappings without a prototype.
    const fast = discover({
      'package.json': pkg('r'),
      'pnpm-workspace.yaml': 'packages: ["p/*"]\ncatalog:\n  odd:\n    nested: 1\n',
      'p/a/package.json': pkg('a'),
    });
    expect(fast.sharedValues.get('catalog\t\tdefault\todd')).toBe('{"nested":"1"}');
  });

  test('membership comes from the outermost root: nested and fixture workspaces are not read', () => {
    expect(
      shape({
        'package.json': pkg('r', { workspaces: ['packages/*', 'packages/*/examples/*', '!packages/skip'] }),
        'packages/a/package.json': pkg('a'),
        'packages/a/examples/demo/package.json': pkg('demo', { dependencies: { a: '*' } }),
        'packages/a/pnpm-workspace.yaml': 'packages: [\n',
        'packages/skip/package.json': pkg('skip'),
        'packages/a/test/fixtures/ws/package.json': '{"workspaces": [',
        'tools/package.json': pkg('tools', { workspaces: ['*'] }),
        'tools/x/package.json': pkg('x'),
      }),
    ).toEqual({ a: ['packages/a', []], demo: ['packages/a/examples/demo', ['a']] });
    // Without a root manifest, each outermost root stands alone; fixture folders never are roots.
    expect(
      shape({
        'web/package.json': pkg('web', { workspaces: ['apps/*'] }),
        'web/apps/site/package.json': pkg('site'),
        'web/apps/site/fixtures/package.json': pkg('f', { workspaces: ['*'] }),
        'test/fixtures/ws/pnpm-workspace.yaml': 'packages: ["*"]\n',
        'test/fixtures/ws/p/package.json': pkg('fixture'),
      }),
    ).toEqual({ site: ['web/apps/site', []] });
  });

  test.each([
    ['services/api/**', 'services/api'],
    ['./infra/*.tf', 'infra'],
    ['docs/index.md', 'docs'],
    ['**/*.py', ''],
  ])('staticPrefix(%s) = %s', (glob, prefix) => expect(staticPrefix(glob)).toBe(prefix));
});

describe('discoverWorkspace on a large workspace (the fast manifest reader)', () => {
  // Members whose manifests exercise every path of the reader and of its fallback to JSON.parse.
  const tricky: Record<string, string> = {
    'pnpm-workspace.yaml': 'packages:\n  - packages/*\n  - filler/*\ncatalog:\n  left-pad: ^1.3.0\n',
    'package.json': JSON.stringify({ private: true }),
    'packages/a/package.json': pkg('a'),
    'packages/b/package.json': pkg('b', { dependencies: { a: '*', 'left-pad': 'catalog:' } }),
    'packages/c/package.json': `\ufeff${pkg('c', { devDependencies: { a: '^1.0.0', b: ' workspace:* ' } })}`,
    'packages/d/package.json': pkg('d', { dependencies: { x: 'file:../a', y: 'link:../b', z: 'npm:c@^1' } }),
    'packages/e/package.json':
      '{"name":"\\u0065","peerDependencies":{"a":">=1","\\u0064":1},"optionalDependencies":{"d":"1"}}',
    // A repeated key and an index-like name: left to JSON.parse, whose answer is the reference.
    'packages/f/package.json':
      '{"name":"f","dependencies":{"a":"1","a":"workspace:*","0":"1"},"exports":{".":{"import":"./x.js"}}}',
    'packages/g/package.json':
      '{"name":7,"dependencies":{"a":{"version":"1"}},"dependencies":{"e":"link:../e"}}',
  };
  const fillers = Object.fromEntries(
    Array.from({ length: 2000 }, (_, i) => [`filler/f${i}/package.json`, pkg(`f${i}`, { version: '1.0.0' })]),
  );
  const described = (files: Record<string, string>) =>
    discover(files).projects.map((p) => [p.name, p.dir, p.links, p.sharedEntries, p.manifest]);

  test('finds the same projects, links and catalog entries as on a small one', () => {
    const small = described(tricky);
    const large = described({ ...tricky, ...fillers }).filter(
      ([, dir]) => !String(dir).startsWith('filler/'),
    );
    expect(small.map(([name]) => name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'packages/g']);
    expect(large).toEqual(small);
  });

  test('names a malformed member manifest as on a small one', () => {
    const broken = { ...tricky, 'packages/h/package.json': '{"name":"h",}' };
    const message = (files: Record<string, string>) => {
      try {
        discover(files);
      } catch (error) {
        return error instanceof UserError ? error.message : String(error);
      }
      return 'no error';
    };
    expect(message(broken)).toMatch(/^The workspace file packages\/h\/package.json is not valid JSON: /);
    expect(message({ ...broken, ...fillers })).toBe(message(broken));
  });
});

describe('memberMatcher', () => {
  test.each([
    [
      ['packages/*'],
      { 'packages/a': true, 'packages/a/b': false, packages: false, 'other/a': false, 'packages-x/a': false },
    ],
    // a package manager globs `<pattern>/package.json`: `**` also matches no folder at all
    [['./packages/**/'], { 'packages/a': true, 'packages/a/b': true, packages: true }],
    [['apps/*', 'libs/**'], { 'apps/web': true, 'apps/web/x': false, 'libs/a/b': true }],
    [['app'], { app: true, 'x/app': false }],
    [['packages/*', '!packages/private'], { 'packages/a': true, 'packages/private': false }],
    [['packages/{a,b}'], { 'packages/a': true, 'packages/c': false }],
  ])('%j', (patterns, cases) => {
    const matches = memberMatcher(patterns, 'test');
    expect(Object.fromEntries(Object.keys(cases).map((dir) => [dir, matches(dir)]))).toEqual(cases);
  });
});
