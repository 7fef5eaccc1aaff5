import { type Files, affectedBy, pkg } from './run.js';

const chain = (deps: (name: string) => Record<string, unknown>) => ({
  'packages/a/package.json': pkg('a', deps('a')),
  'packages/b/package.json': pkg('b', deps('b')),
  'packages/c/package.json': pkg('c', deps('c')),
  'packages/other/package.json': pkg('other'),
});

describe('affected: every workspace kind, end to end', () => {
  test.each<[string, Files, Files, Record<string, string>]>([
    [
      'npm workspaces with "*" and ^ ranges',
      {
        'package.json': pkg('root', { private: true, workspaces: ['packages/*'] }),
        ...chain((n) =>
          n === 'b' ? { dependencies: { a: '*' } } : n === 'c' ? { devDependencies: { b: '^1.0.0' } } : {},
        ),
      },
      { 'packages/a/src/x.js': 'x' },
      { a: 'added packages/a/src/x.js', b: 'depends on a (changed)', c: 'depends on b → a (changed)' },
    ],
    [
      'yarn classic (workspaces.packages)',
      {
        'package.json': pkg('root', { private: true, workspaces: { packages: ['packages/*'] } }),
        ...chain((n) => (n === 'b' ? { dependencies: { a: '1.0.0' } } : {})),
      },
      { 'packages/a/index.js': 'x' },
      { a: 'added packages/a/index.js', b: 'depends on a (changed)' },
    ],
    [
      'yarn berry (workspace: protocol, .yarnrc.yml)',
      {
        'package.json': pkg('root', {
          private: true,
          workspaces: ['packages/*'],
          packageManager: 'yarn@4.5.0',
        }),
        '.yarnrc.yml': 'nodeLinker: node-modules\n',
        ...chain((n) => (n === 'c' ? { dependencies: { a: 'workspace:^' } } : {})),
      },
      { 'packages/a/index.js': 'x' },
      { a: 'added packages/a/index.js', c: 'depends on a (changed)' },
    ],
    [
      'pnpm (pnpm-workspace.yaml, workspace:*)',
      {
        'package.json': pkg('root', { private: true }),
        'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
        ...chain((n) => (n === 'b' ? { dependencies: { a: 'workspace:*' } } : {})),
      },
      { 'packages/a/index.js': 'x' },
      { a: 'added packages/a/index.js', b: 'depends on a (changed)' },
    ],
    [
      'bun (workspaces, link: range)',
      {
        'package.json': pkg('root', { private: true, workspaces: ['packages/*'] }),
        'bun.lock': '{}',
        ...chain((n) => (n === 'b' ? { dependencies: { a: 'link:../a' } } : {})),
      },
      { 'packages/a/index.ts': 'x' },
      { a: 'added packages/a/index.ts', b: 'depends on a (changed)' },
    ],
    [
      'Nx project.json with implicitDependencies',
      {
        'nx.json': '{}',
        'libs/ui/project.json': JSON.stringify({ name: 'ui' }),
        'apps/web/project.json': JSON.stringify({ name: 'web', implicitDependencies: ['ui'] }),
        'apps/admin/project.json': JSON.stringify({ name: 'admin' }),
      },
      { 'libs/ui/src/button.ts': 'x' },
      { ui: 'added libs/ui/src/button.ts', web: 'depends on ui (changed)' },
    ],
    [
      'Go go.work and a replace directive',
      {
        'go.work': 'go 1.22\nuse (\n\t./lib\n\t./svc\n)\n',
        'lib/go.mod': 'module example.com/lib\n\ngo 1.22\n',
        'lib/lib.go': 'package lib\n',
        'svc/go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n',
        'tool/go.mod':
          'module example.com/tool\n\ngo 1.22\n\nrequire example.com/svc v0.0.0\n\nreplace example.com/svc => ../svc\n',
        'other/go.mod': 'module example.com/other\n',
      },
      { 'lib/lib.go': 'package lib\n\nfunc X() {}\n' },
      {
        'example.com/lib': 'changed lib/lib.go',
        'example.com/svc': 'depends on example.com/lib (changed)',
        'example.com/tool': 'depends on example.com/svc → example.com/lib (changed)',
      },
    ],
    [
      'Cargo path dependencies',
      {
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
        'crates/core/Cargo.toml': '[package]\nname = "core"\nversion = "0.1.0"\n',
        'crates/core/src/lib.rs': '',
        'crates/cli/Cargo.toml':
          '[package]\nname = "cli"\nversion = "0.1.0"\n[dependencies]\ncore = { path = "../core" }\n',
        'crates/web/Cargo.toml': '[package]\nname = "web"\nversion = "0.1.0"\n',
      },
      { 'crates/core/src/lib.rs': 'pub fn x() {}' },
      { core: 'changed crates/core/src/lib.rs', cli: 'depends on core (changed)' },
    ],
    [
      'uv workspace',
      {
        'pyproject.toml':
          '[project]\nname = "app"\ndependencies = ["lib"]\n[tool.uv.sources]\nlib = { workspace = true }\n[tool.uv.workspace]\nmembers = ["packages/*"]\n',
        'packages/lib/pyproject.toml': '[project]\nname = "lib"\n',
        'packages/lib/src/lib/__init__.py': '',
        'packages/extra/pyproject.toml': '[project]\nname = "extra"\n',
      },
      { 'packages/lib/src/lib/__init__.py': 'X = 1\n' },
      { lib: 'changed packages/lib/src/lib/__init__.py', app: 'depends on lib (changed)' },
    ],
  ])('%s', async (_kind, initial, change, reasons) => {
    const r = await affectedBy(initial, change);
    expect(r.exitCode).toBe(0);
    expect(r.reasons).toEqual(reasons);
    expect(r.projects).toEqual(Object.keys(reasons).sort());
  });

  test('the projects input: globs own files, depends-on links them', async () => {
    const r = await affectedBy(
      { 'infra/main.tf': '', 'deploy/app.yaml': '', 'docs/x.txt': '' },
      { 'infra/modules/net.tf': 'x' },
      {
        projects:
          'infra:\n  paths: [infra/**]\ndeploy:\n  paths: deploy/**\n  depends-on: [infra]\ndocs: [docs/**]\n',
      },
    );
    expect(r.reasons).toEqual({ infra: 'added infra/modules/net.tf', deploy: 'depends on infra (changed)' });
    expect(r.matrix.include).toEqual([
      { project: 'deploy', path: 'deploy', reason: 'depends on infra (changed)' },
      { project: 'infra', path: 'infra', reason: 'added infra/modules/net.tf' },
    ]);
  });

  test.each<[string, Files, RegExp]>([
    [
      'a malformed package.json of a member',
      { 'packages/a/package.json': '{"name": "a",' },
      /The workspace file packages\/a\/package\.json is not valid JSON/,
    ],
    [
      'a malformed pnpm-workspace.yaml',
      { 'pnpm-workspace.yaml': 'packages: [\n' },
      /pnpm-workspace\.yaml is not valid YAML/,
    ],
  ])('%s fails with a clear error naming the file, and no outputs', async (_t, change, message) => {
    const r = await affectedBy(
      {
        'package.json': pkg('root', { workspaces: ['packages/*'] }),
        ...chain((n) => (n === 'b' ? { dependencies: { a: '*' } } : {})),
      },
      change,
    );
    expect(r.exitCode).toBe(2);
    expect(r.outputs).toEqual({});
    expect(r.annotations.find((a) => a.level === 'error')?.message).toMatch(message);
  });
});
