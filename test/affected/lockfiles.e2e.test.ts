import { readFileSync } from 'node:fs';
import { type Files, affectedBy, pkg } from './run.js';

/**
 * Lockfile-only changes through the bundle in every format version (npm v3 is in shapes.e2e): the
 * action must pass each project's manifest where the format needs it (yarn classic, go.sum) and diff
 * exactly.
 */
const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/affected-lockfiles/${name}`, import.meta.url), 'utf8');

const MS_212 =
  'sha512-sGkPx+VjMtmA6MX27oA4FBFELFCZZ4S4XqeGOXCv68tT+jb3vk/RyaKWP0PTKyWtmLSM0b+adUTEvbs1PEaH2w==';
const bumpMs = (text: string): string => text.replaceAll('2.1.2', '2.1.3').replaceAll(MS_212, 'sha512-ms213');

/** The JS shape of the fixtures: a -> b (workspace) -> debug -> ms; c elsewhere; a tooling root. */
const jsWorkspace = (b: string, extra: Files = {}): Files => ({
  'package.json': pkg('shop', {
    private: true,
    workspaces: ['packages/*'],
    devDependencies: { typescript: '^5.4.0' },
  }),
  'packages/a/package.json': pkg('a', { dependencies: { b, lodash: '^4.17.21' } }),
  'packages/b/package.json': pkg('b', { dependencies: { debug: '^4.3.4' } }),
  'packages/c/package.json': pkg('c', { dependencies: { 'left-pad': '^1.3.0' } }),
  ...extra,
});

describe('lockfile-only changes through the bundle', () => {
  // Yarn classic has no workspace: protocol; the others link b with it.
  test.each([
    [
      'pnpm-lock.yaml',
      'pnpm-lock-v9.yaml',
      'workspace:*',
      { 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n" },
    ],
    [
      'pnpm-lock.yaml',
      'pnpm-lock-v6.yaml',
      'workspace:*',
      { 'pnpm-workspace.yaml': 'packages:\n  - packages/*\n' },
    ],
    [
      'pnpm-lock.yaml',
      'pnpm-lock-v5.yaml',
      'workspace:*',
      { 'pnpm-workspace.yaml': 'packages:\n  - packages/*\n' },
    ],
    ['package-lock.json', 'package-lock-v2.json', '*', {}],
    ['yarn.lock', 'yarn-berry.lock', 'workspace:*', { '.yarnrc.yml': 'nodeLinker: node-modules\n' }],
    ['bun.lock', 'bun.lock', 'workspace:*', {}],
    ['yarn.lock', 'yarn-classic.lock', '*', {}],
  ])(
    '%s (%s): a transitive bump marks the projects reaching it, not c or the root',
    async (path, name, b, extra) => {
      const r = await affectedBy(
        { ...jsWorkspace(b, extra), [path]: fixture(name) },
        { [path]: bumpMs(fixture(name)) },
      );
      expect(r.exitCode).toBe(0);
      expect(r.projects).toEqual(['a', 'b']);
      expect(r.reasons.b).toMatch(/ms 2\.1\.2 -> 2\.1\.3/);
    },
  );

  const cargo: Files = {
    'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\nresolver = "2"\n',
    'crates/app/Cargo.toml':
      '[package]\nname = "app"\nversion = "0.1.0"\n\n[dependencies]\ncore = { path = "../core" }\nserde = "1"\n',
    'crates/cli/Cargo.toml': '[package]\nname = "cli"\nversion = "0.1.0"\n\n[dependencies]\nitoa = "0.4"\n',
    'crates/core/Cargo.toml':
      '[package]\nname = "core"\nversion = "0.1.0"\n\n[dependencies]\nitoa = "1"\nserde = "1"\n',
  };

  test('Cargo.lock v4: bumping one of two itoa versions marks its users only', async () => {
    const lock = fixture('Cargo-v4.lock');
    const bumped = lock
      .replace('version = "1.0.11"', 'version = "1.0.12"')
      .replace('"itoa 1.0.11"', '"itoa 1.0.12"');
    const r = await affectedBy({ ...cargo, 'Cargo.lock': lock }, { 'Cargo.lock': bumped });
    expect(r.projects).toEqual(['app', 'core']);
    expect(r.reasons.core).toMatch(/itoa 1\.0\.11 -> 1\.0\.12/);
  });

  test('package-lock v1 (npm 6, no workspaces): a nested transitive bump marks the root project', async () => {
    const root = pkg('legacy-app', { dependencies: { debug: '^4.3.4', lodash: '^4.17.21', ms: '2.0.0' } });
    const lock = fixture('package-lock-v1.json');
    const r = await affectedBy(
      { 'package.json': root, 'package-lock.json': lock },
      { 'package-lock.json': bumpMs(lock) },
    );
    expect(r.projects).toEqual(['legacy-app']);
    expect(r.reasons['legacy-app']).toMatch(/ms 2\.1\.2 -> 2\.1\.3/);
  });

  test('Cargo.lock v3: a bump reaching no crate marks nothing; one reaching core marks core and app', async () => {
    const lock = fixture('Cargo-v3.lock');
    const quiet = await affectedBy(
      { ...cargo, 'Cargo.lock': lock },
      {
        'Cargo.lock': `${lock}\n[[package]]\nname = "unused"\nversion = "1.0.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "00"\n`,
      },
    );
    expect(quiet.projects).toEqual([]);
    const bumped = lock
      .replace('version = "1.0.11"', 'version = "1.0.12"')
      .replace('"itoa 1.0.11"', '"itoa 1.0.12"');
    expect((await affectedBy({ ...cargo, 'Cargo.lock': lock }, { 'Cargo.lock': bumped })).projects).toEqual([
      'app',
      'core',
    ]);
  });

  test('go.work.sum: an entry marks the workspace modules that require its module path', async () => {
    const go: Files = {
      'go.work': 'go 1.22\n\nuse (\n\t./services/api\n\t./services/worker\n)\n',
      'go.work.sum': fixture('go/go.work.sum'),
      'services/api/go.mod': fixture('go/api.go.mod'),
      'services/api/go.sum': fixture('go/api.go.sum'),
      'services/worker/go.mod': fixture('go/worker.go.mod'),
    };
    const r = await affectedBy(go, {
      'go.work.sum': fixture('go/go.work.sum').replaceAll('v1.17.4', 'v1.17.5'),
    });
    expect(r.projects).toEqual(['example.com/shop/worker']);
  });

  test('go.sum: read with go.mod, a hash for a version nobody requires marks nothing; a required one marks the module', async () => {
    const go: Files = {
      'services/api/go.mod': fixture('go/api.go.mod'),
      'services/api/go.sum': fixture('go/api.go.sum'),
      'services/worker/go.mod': fixture('go/worker.go.mod'),
    };
    const tidy = `${fixture('go/api.go.sum')}golang.org/x/text v0.3.0/go.mod h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=\n`;
    const quiet = await affectedBy(go, { 'services/api/go.sum': tidy });
    expect(quiet.exitCode).toBe(0);
    expect(quiet.projects).toEqual([]);
    const tampered = fixture('go/api.go.sum').replace(
      'h1:Od9JTbYCk261bKm4M/mw7AklTlFYIa0bIp9BgSm1S8Y=',
      'h1:other=',
    );
    const loud = await affectedBy(go, { 'services/api/go.sum': tampered });
    expect(loud.projects).toEqual(['example.com/shop/api']);
    expect(loud.reasons['example.com/shop/api']).toMatch(/golang\.org\/x\/sys/);
  });
});
