import { readFileSync } from 'node:fs';
import {
  diffLockfile,
  isLockfile,
  MAX_LOCKFILE_CHARS,
  type LockfileDiff,
  type LockfileProject,
  type ManifestTexts,
} from '../../actions/affected/src/lockfiles/index.js';
import { stripJsonc } from '../../actions/affected/src/lockfiles/bun.js';
import { loadYaml } from '../../shared/yaml.js';

// The pure readers under test fall back to the full YAML parser, which a run loads on demand (withYaml).
beforeAll(loadYaml);

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/affected-lockfiles/${name}`, import.meta.url), 'utf8');

const MS_212 =
  'sha512-sGkPx+VjMtmA6MX27oA4FBFELFCZZ4S4XqeGOXCv68tT+jb3vk/RyaKWP0PTKyWtmLSM0b+adUTEvbs1PEaH2w==';
const MS_213 =
  'sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==';
const MS_212_BERRY =
  '10c0/a437714e2f90dbf881b5191d35a6db792efbca5badf112f87b9e1c712aace4b4b9b742dd6537f3edf90fd6f684de897cec230abde57e87883766712ddda297cc';
const MS_213_BERRY =
  '10c0/d924b57e7312b3b63ad21fc5b3dc0af5e78d61a1fc7cfb5457edaf26326bf62be5307cc87ffb6862ef1c2b33b0233cdb5d4f01c4c958cc0d660948b65a287a48';

/** Bumps the transitive ms 2.1.2 (debug's dependency) to 2.1.3 in any JS lockfile. */
const bumpMs = (text: string): string =>
  text
    .replaceAll('2.1.2', '2.1.3')
    .replaceAll(MS_212, MS_213)
    .replaceAll(MS_212_BERRY, MS_213_BERRY)
    .replaceAll(
      'ms-2.1.2.tgz#d09d1f357b443f493382a8eb3ccd183872ae6009',
      'ms-2.1.3.tgz#4ed2e4b6d21d6eb27bdbf3dae1a2dbcd44ab0d8c',
    );

const JS_PROJECTS: LockfileProject[] = [
  { name: 'shop', dir: '' },
  { name: 'a', dir: 'packages/a' },
  { name: 'b', dir: 'packages/b' },
  { name: 'c', dir: 'packages/c' },
];

const YARN_MANIFESTS = new Map<string, ManifestTexts>(
  [
    ['', 'root'],
    ['packages/a', 'a'],
    ['packages/b', 'b'],
    ['packages/c', 'c'],
  ].map(([dir, name]) => {
    const text = fixture(`manifests/${name}.package.json`);
    return [dir!, { before: text, after: text }];
  }),
);

interface FormatCase {
  format: string;
  path: string;
  text: string;
  projects: LockfileProject[];
  manifests?: typeof YARN_MANIFESTS;
  /** Projects that reach ms 2.1.2. */
  reachMs: string[];
  /** Projects the lockfile lists (affected when it is added or removed). */
  listed: string[];
  /** A change that touches no project's resolved closure. */
  metadataOnly: (text: string) => string;
}

const FORMATS: FormatCase[] = [
  {
    format: 'package-lock v3',
    path: 'package-lock.json',
    text: fixture('package-lock-v3.json'),
    projects: JS_PROJECTS,
    reachMs: ['a', 'b'],
    listed: ['a', 'b', 'c', 'shop'],
    // The license and dev flags are not resolution.
    metadataOnly: (text) =>
      text.replace('"license": "WTFPL"', '"license": "MIT"').replace('"dev": true,', ''),
  },
  {
    format: 'package-lock v2',
    path: 'package-lock.json',
    text: fixture('package-lock-v2.json'),
    projects: JS_PROJECTS,
    reachMs: ['a', 'b'],
    listed: ['a', 'b', 'c', 'shop'],
    // v2 keeps a v1 `dependencies` section for old npm: only `packages` is read.
    metadataOnly: (text) => text.replace('"version": "file:packages/c"', '"version": "file:packages/c-old"'),
  },
  {
    format: 'npm-shrinkwrap v3',
    path: 'services/npm-shrinkwrap.json',
    text: fixture('package-lock-v3.json'),
    projects: JS_PROJECTS.map((project) => ({
      ...project,
      dir: project.dir ? `services/${project.dir}` : 'services',
    })),
    reachMs: ['a', 'b'],
    listed: ['a', 'b', 'c', 'shop'],
    metadataOnly: (text) => text.replace('"deprecated": "use String.prototype.padStart()",', ''),
  },
  {
    format: 'package-lock v1',
    path: 'package-lock.json',
    text: fixture('package-lock-v1.json'),
    projects: [
      { name: 'legacy-app', dir: '' },
      { name: 'a', dir: 'packages/a' },
    ],
    reachMs: ['legacy-app'],
    listed: ['a', 'legacy-app'],
    metadataOnly: (text) => text.replace('"requires": true', '"requires": false'),
  },
  {
    format: 'pnpm-lock 5.4',
    path: 'pnpm-lock.yaml',
    text: fixture('pnpm-lock-v5.yaml'),
    projects: JS_PROJECTS,
    reachMs: ['a', 'b'],
    listed: ['a', 'b', 'c', 'shop'],
    // A wider specifier that still resolves to the same version, and a dev flag.
    metadataOnly: (text) =>
      text.replace('lodash: ^4.17.21', 'lodash: ^4.17.0').replace('dev: true', 'dev: false'),
  },
  {
    format: 'pnpm-lock 6.0',
    path: 'pnpm-lock.yaml',
    text: fixture('pnpm-lock-v6.yaml'),
    projects: JS_PROJECTS,
    reachMs: ['a', 'b'],
    listed: ['a', 'b', 'c', 'shop'],
    metadataOnly: (text) =>
      text
        .replace('specifier: ^4.17.21', 'specifier: ^4.17.0')
        .replace('autoInstallPeers: true', 'autoInstallPeers: false'),
  },
  {
    format: 'pnpm-lock 9.0',
    path: 'pnpm-lock.yaml',
    text: fixture('pnpm-lock-v9.yaml'),
    projects: JS_PROJECTS,
    reachMs: ['a', 'b'],
    listed: ['a', 'b', 'c', 'shop'],
    metadataOnly: (text) =>
      text
        .replace('specifier: ^4.17.21', "specifier: 'catalog:'")
        .replace(
          'settings:',
          'catalogs:\n  default:\n    lodash:\n      specifier: ^4.17.21\n      version: 4.17.21\n\nsettings:',
        ),
  },
  {
    format: 'yarn classic (v1)',
    path: 'yarn.lock',
    text: fixture('yarn-classic.lock'),
    projects: JS_PROJECTS,
    manifests: YARN_MANIFESTS,
    // c lists workspace a as a peer: a peer on a workspace project is an edge.
    reachMs: ['a', 'b', 'c'],
    listed: ['a', 'b', 'c', 'shop'],
    // Another range resolving to the same lodash joins its key.
    metadataOnly: (text) => text.replace('lodash@^4.17.21:', 'lodash@^4.17.0, lodash@^4.17.21:'),
  },
  {
    format: 'yarn berry',
    path: 'yarn.lock',
    text: fixture('yarn-berry.lock'),
    projects: JS_PROJECTS,
    reachMs: ['a', 'b'],
    listed: ['a', 'b', 'c', 'shop'],
    metadataOnly: (text) =>
      text
        .replace('"lodash@npm:^4.17.21":', '"lodash@npm:^4.17.0, lodash@npm:^4.17.21":')
        .replace('linkType: hard', 'linkType: soft'),
  },
  {
    format: 'bun.lock',
    path: 'bun.lock',
    text: fixture('bun.lock'),
    projects: JS_PROJECTS,
    // c has its own ms 1.0.0 nested under `c/ms`: the hoisted ms does not reach it.
    reachMs: ['a', 'b'],
    listed: ['a', 'b', 'c', 'shop'],
    metadataOnly: (text) =>
      text
        .replace('"lodash": "^4.17.21",', '"lodash": "^4.17.0",')
        .replace('"lockfileVersion": 1,', '"lockfileVersion": 1, // text lockfile'),
  },
];

function affectedOf(result: LockfileDiff): Map<string, string> {
  if (result.kind !== 'diffed') throw new Error(`expected a diff, got: ${result.reason}`);
  return result.affected;
}

const sorted = (map: Map<string, string>): string[] => [...map.keys()].sort();

describe.each(FORMATS)('$format', ({ path, text, projects, manifests, reachMs, listed, metadataOnly }) => {
  const diff = (before: string | undefined, after: string | undefined) =>
    affectedOf(diffLockfile(path, before, after, projects, { manifests }));

  it('a transitive bump affects exactly the projects that reach it, naming the change', () => {
    const affected = diff(text, bumpMs(text));
    expect(sorted(affected)).toEqual(reachMs);
    for (const reason of affected.values()) expect(reason).toBe('lockfile: ms 2.1.2 -> 2.1.3');
  });

  it('a metadata-only change affects nothing', () => {
    const changed = metadataOnly(text);
    expect(changed).not.toBe(text);
    expect(sorted(diff(text, changed))).toEqual([]);
  });

  it('an added or removed lockfile affects every project it lists', () => {
    const added = diff(undefined, text);
    expect(sorted(added)).toEqual(listed);
    expect([...added.values()][0]).toBe(`lockfile: ${path} added`);
    expect(sorted(diff(text, undefined))).toEqual(listed);
  });

  it('reading the same graph twice affects nothing (whitespace and order aside)', () => {
    expect(sorted(diff(text, `${text}\n\n`))).toEqual([]);
  });
});

describe('workspace links', () => {
  it('follows a chain of workspace links (a -> b -> debug -> ms) in every JS format', () => {
    for (const { path, text, projects, manifests, format, reachMs } of FORMATS) {
      if (!reachMs.includes('a')) continue;
      const affected = affectedOf(diffLockfile(path, text, bumpMs(text), projects, { manifests }));
      expect([format, affected.has('a')]).toEqual([format, true]);
    }
  });

  it('npm: a package moved by hoisting, with the same resolution, affects nothing', () => {
    const text = fixture('package-lock-v3.json');
    const lock = JSON.parse(text);
    // debug moves under b, its only user; it still finds the hoisted ms.
    lock.packages['packages/b/node_modules/debug'] = lock.packages['node_modules/debug'];
    delete lock.packages['node_modules/debug'];
    const moved = JSON.stringify(lock, null, 2);
    expect(sorted(affectedOf(diffLockfile('package-lock.json', text, moved, JS_PROJECTS)))).toEqual([]);
  });

  it('npm: a nested copy shadows the hoisted one for its dependent only', () => {
    const lock = JSON.parse(fixture('package-lock-v3.json'));
    lock.packages['node_modules/debug/node_modules/ms'] = { ...lock.packages['node_modules/ms'] };
    const before = JSON.stringify(lock, null, 2);
    lock.packages['node_modules/ms'].version = '2.1.3';
    lock.packages['node_modules/ms'].integrity = MS_213;
    const after = JSON.stringify(lock, null, 2);
    // Only debug used ms, and it keeps its own nested 2.1.2 copy.
    expect(sorted(affectedOf(diffLockfile('package-lock.json', before, after, JS_PROJECTS)))).toEqual([]);
  });

  it('pnpm: a new peer suffix on a snapshot affects only its importer', () => {
    const text = fixture('pnpm-lock-v9.yaml');
    const after = text
      .replace('version: 18.2.0(react@18.2.0)', 'version: 18.2.0(react@18.3.1)')
      .replace('react-dom@18.2.0(react@18.2.0):', 'react-dom@18.2.0(react@18.3.1):')
      .replace('      react: 18.2.0\n      scheduler', '      react: 18.3.1\n      scheduler')
      .replace(
        '  react@18.2.0:\n    dependencies:',
        '  react@18.3.1:\n    dependencies:\n      loose-envify: 1.4.0\n\n  react@18.2.0:\n    dependencies:',
      )
      .replace(
        '  react@18.2.0:\n    resolution:',
        '  react@18.3.1:\n    resolution: {integrity: sha512-react1831}\n\n  react@18.2.0:\n    resolution:',
      );
    const affected = affectedOf(diffLockfile('pnpm-lock.yaml', text, after, JS_PROJECTS));
    expect(sorted(affected)).toEqual(['c']);
    expect(affected.get('c')).toBe('lockfile: added react 18.3.1');
  });

  it('pnpm: js-tokens deep under react reaches c only', () => {
    for (const name of ['pnpm-lock-v5.yaml', 'pnpm-lock-v6.yaml', 'pnpm-lock-v9.yaml']) {
      const text = fixture(name);
      const after = text.replaceAll('4.0.0', '4.0.1');
      const affected = affectedOf(diffLockfile('pnpm-lock.yaml', text, after, JS_PROJECTS));
      expect([name, sorted(affected), affected.get('c')]).toEqual([
        name,
        ['c'],
        'lockfile: js-tokens 4.0.0 -> 4.0.1',
      ]);
    }
  });

  it('pnpm: a lockfile format upgrade (5.4 -> 6.0 -> 9.0) that keeps every resolution affects nothing', () => {
    const [v5, v6, v9] = ['pnpm-lock-v5.yaml', 'pnpm-lock-v6.yaml', 'pnpm-lock-v9.yaml'].map(fixture);
    for (const [before, after] of [
      [v5, v6],
      [v6, v9],
      [v5, v9],
    ]) {
      expect(sorted(affectedOf(diffLockfile('pnpm-lock.yaml', before, after, JS_PROJECTS)))).toEqual([]);
    }
    // The same upgrade with a bump still finds it.
    expect(sorted(affectedOf(diffLockfile('pnpm-lock.yaml', v5!, bumpMs(v9!), JS_PROJECTS)))).toEqual([
      'a',
      'b',
    ]);
  });

  it('npm: a v2 -> v3 upgrade that keeps every resolution affects nothing', () => {
    const [v2, v3] = ['package-lock-v2.json', 'package-lock-v3.json'].map(fixture);
    expect(sorted(affectedOf(diffLockfile('package-lock.json', v2, v3, JS_PROJECTS)))).toEqual([]);
  });

  it('pnpm: a large lockfile read for two project lists names its importers after each', () => {
    // From 64 KB a text is read once per run; its importers are named again for each project list.
    const packages = Array.from(
      { length: 1500 },
      (_, i) => `  pad-${i}@1.0.0:\n    resolution: {integrity: sha512-${i}}\n`,
    );
    const lock = (ms: string) =>
      [
        "lockfileVersion: '9.0'",
        'importers:',
        '  packages/a:',
        '    dependencies:',
        '      ms:',
        `        specifier: ^${ms}`,
        `        version: ${ms}`,
        '  packages/b:',
        '    dependencies:',
        '      pad-0:',
        '        specifier: ^1.0.0',
        '        version: 1.0.0',
        'packages:',
        `  ms@${ms}:`,
        `    resolution: {integrity: sha512-ms${ms}}`,
        ...packages,
        'snapshots:',
        `  ms@${ms}: {}`,
        ...Array.from({ length: 1500 }, (_, i) => `  pad-${i}@1.0.0: {}`),
        '',
      ].join('\n');
    const [before, after] = [lock('2.1.2'), lock('2.1.3')];
    expect(before.length).toBeGreaterThan(64 * 1024);
    const named = (a: string, b: string) => [
      { name: a, dir: 'packages/a' },
      { name: b, dir: 'packages/b' },
    ];
    expect(sorted(affectedOf(diffLockfile('pnpm-lock.yaml', before, after, named('app', 'lib'))))).toEqual([
      'app',
    ]);
    expect(sorted(affectedOf(diffLockfile('pnpm-lock.yaml', before, after, named('web', 'lib'))))).toEqual([
      'web',
    ]);
    expect(sorted(affectedOf(diffLockfile('pnpm-lock.yaml', before, after, named('lib', 'app'))))).toEqual([
      'lib',
    ]);
  });

  it('pnpm: a single-project lockfile without importers is the root importer', () => {
    const single = (ms: string) =>
      [
        'lockfileVersion: 5.3',
        '',
        'specifiers:',
        '  debug: ^4.3.4',
        '',
        'dependencies:',
        '  debug: 4.3.4',
        '',
        'packages:',
        '',
        '  /debug/4.3.4:',
        '    resolution: {integrity: sha512-debug}',
        '    dependencies:',
        `      ms: ${ms}`,
        '    dev: false',
        '',
        `  /ms/${ms}:`,
        `    resolution: {integrity: sha512-ms${ms}}`,
        '    dev: false',
        '',
      ].join('\n');
    const affected = affectedOf(
      diffLockfile('pnpm-lock.yaml', single('2.1.2'), single('2.1.3'), JS_PROJECTS),
    );
    expect([...affected]).toEqual([['shop', 'lockfile: ms 2.1.2 -> 2.1.3']]);
  });

  it('bun: lockfileVersion 2 (bun 1.4) reads like 1', () => {
    const text = fixture('bun.lock').replace('"lockfileVersion": 1,', '"lockfileVersion": 2,');
    expect(sorted(affectedOf(diffLockfile('bun.lock', text, bumpMs(text), JS_PROJECTS)))).toEqual(['a', 'b']);
  });

  it('bun: bumping the copy nested under c affects c only', () => {
    const text = fixture('bun.lock');
    const after = text.replace('"ms@1.0.0"', '"ms@1.0.1"');
    expect(sorted(affectedOf(diffLockfile('bun.lock', text, after, JS_PROJECTS)))).toEqual(['c']);
  });

  it('yarn classic: a project whose package.json starts using a package is affected', () => {
    const text = fixture('yarn-classic.lock');
    const manifests = new Map(YARN_MANIFESTS);
    const c = fixture('manifests/c.package.json');
    manifests.set('packages/c', {
      before: c,
      after: c.replace('"left-pad": "^1.3.0"', '"left-pad": "^1.3.0", "lodash": "^4.17.21"'),
    });
    const affected = affectedOf(diffLockfile('yarn.lock', text, text, JS_PROJECTS, { manifests }));
    expect(sorted(affected)).toEqual([]); // identical lockfile text: nothing to diff
    const touched = `${text}\n`;
    expect(sorted(affectedOf(diffLockfile('yarn.lock', text, touched, JS_PROJECTS, { manifests })))).toEqual([
      'c',
    ]);
  });

  it('yarn classic without package.json texts is unreadable, saying what is missing', () => {
    const text = fixture('yarn-classic.lock');
    const result = diffLockfile('yarn.lock', text, bumpMs(text), JS_PROJECTS);
    expect(result).toEqual({
      kind: 'unreadable',
      reason: expect.stringContaining(
        'yarn.lock (before): yarn.lock v1 does not record what each workspace uses',
      ),
    });
  });

  it('yarn classic: a malformed package.json is named', () => {
    const text = fixture('yarn-classic.lock');
    const manifests = new Map(YARN_MANIFESTS);
    manifests.set('packages/b', { before: fixture('manifests/b.package.json'), after: '{ "name": "b",' });
    expect(diffLockfile('yarn.lock', text, bumpMs(text), JS_PROJECTS, { manifests })).toEqual({
      kind: 'unreadable',
      reason: 'yarn.lock (after): package.json of b is not valid JSON',
    });
  });

  it('yarn classic: a project whose package.json exists only after the change is newly listed', () => {
    const text = fixture('yarn-classic.lock');
    const manifests = new Map(YARN_MANIFESTS);
    manifests.set('packages/c', { after: fixture('manifests/c.package.json') });
    const affected = affectedOf(diffLockfile('yarn.lock', text, `${text}\n`, JS_PROJECTS, { manifests }));
    expect([...affected]).toEqual([['c', 'lockfile: newly lists this project']]);
  });
});

describe('Cargo.lock', () => {
  const CRATES: LockfileProject[] = [
    { name: 'app', dir: 'crates/app' },
    { name: 'cli', dir: 'crates/cli' },
    { name: 'core', dir: 'crates/core' },
  ];
  const bumpItoa = (text: string): string =>
    text
      .replace('version = "1.0.11"', 'version = "1.0.12"')
      .replace('"itoa 1.0.11"', '"itoa 1.0.12"')
      .replace(
        '49f1f14873335454500d59611f1cf4a4b0f786f9ac11f4312a78e4cf2566695b',
        'd9f0b9ad5d2b5a9e3f3a1b4f6e1c1b6f7e4d3c2b1a0f9e8d7c6b5a4938271605',
      );

  it.each(['Cargo-v3.lock', 'Cargo-v4.lock'])(
    '%s: a bump of one of two itoa versions affects its users only',
    (name) => {
      const text = fixture(name);
      const affected = affectedOf(diffLockfile('Cargo.lock', text, bumpItoa(text), CRATES));
      expect(sorted(affected)).toEqual(['app', 'core']);
      expect(affected.get('core')).toBe('lockfile: itoa 1.0.11 -> 1.0.12');
    },
  );

  it.each(['Cargo-v3.lock', 'Cargo-v4.lock'])(
    '%s: reordering packages and comments affects nothing',
    (name) => {
      const text = fixture(name);
      const blocks = text.split('\n\n');
      const reordered = [
        blocks[0]!.replace('# It is not intended for manual editing.\n', ''),
        ...blocks.slice(1).reverse(),
      ].join('\n\n');
      expect(sorted(affectedOf(diffLockfile('Cargo.lock', text, reordered, CRATES)))).toEqual([]);
    },
  );

  it('v4: a new git commit of a git dependency affects its user', () => {
    const text = fixture('Cargo-v4.lock');
    const after = text.replace(
      '#b9ee0b3e6f0a7b8c1e1d4f3f0e7f4b1c2d3e4f5a',
      '#0123456789abcdef0123456789abcdef01234567',
    );
    const affected = affectedOf(diffLockfile('Cargo.lock', text, after, CRATES));
    expect(sorted(affected)).toEqual(['cli']);
    expect(affected.get('cli')).toBe('lockfile: semver 1.0.23 resolution or dependencies changed');
  });

  it('a crate that adds a dependency on another workspace crate reaches its closure', () => {
    const text = fixture('Cargo-v3.lock');
    const linked = text.replace(
      'dependencies = [\n "itoa 0.4.8",\n]',
      'dependencies = [\n "core",\n "itoa 0.4.8",\n]',
    );
    expect(sorted(affectedOf(diffLockfile('Cargo.lock', text, linked, CRATES)))).toEqual(['cli']);
    expect(sorted(affectedOf(diffLockfile('Cargo.lock', linked, bumpItoa(linked), CRATES)))).toEqual([
      'app',
      'cli',
      'core',
    ]);
  });

  it('legacy v1 lockfiles with [metadata] checksums are read', () => {
    const v1 = [
      '[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = [\n "itoa 1.0.11 (registry+https://github.com/rust-lang/crates.io-index)",\n]',
      '[[package]]\nname = "itoa"\nversion = "1.0.11"\nsource = "registry+https://github.com/rust-lang/crates.io-index"',
      '[metadata]\n"checksum itoa 1.0.11 (registry+https://github.com/rust-lang/crates.io-index)" = "49f1f148"',
    ].join('\n\n');
    const after = v1.replace('"49f1f148"', '"00000000"');
    const affected = affectedOf(diffLockfile('Cargo.lock', v1, after, CRATES));
    expect(sorted(affected)).toEqual(['app']);
  });
});

describe('go.sum and go.work.sum', () => {
  const API: LockfileProject = { name: 'example.com/shop/api', dir: 'services/api' };
  const WORKER: LockfileProject = { name: 'example.com/shop/worker', dir: 'services/worker' };
  const goMod = fixture('go/api.go.mod');
  const goSum = fixture('go/api.go.sum');
  const manifests = (before: string, after = before) => new Map([[API.dir, { before, after }]]);

  it('a required module bumped in go.mod and go.sum affects the module', () => {
    const after = goSum.replaceAll('golang.org/x/text v0.14.0', 'golang.org/x/text v0.15.0');
    const affected = affectedOf(
      diffLockfile('services/api/go.sum', goSum, after, [API, WORKER], {
        manifests: manifests(goMod, goMod.replace('golang.org/x/text v0.14.0', 'golang.org/x/text v0.15.0')),
      }),
    );
    expect([...affected]).toEqual([[API.name, 'lockfile: golang.org/x/text v0.14.0 -> v0.15.0']]);
  });

  it('a go.sum entry for a version no requirement selects affects nothing (with go.mod)', () => {
    const tidy = `${goSum}golang.org/x/text v0.3.0/go.mod h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=\n`;
    const diff = (extra = {}) => affectedOf(diffLockfile('services/api/go.sum', goSum, tidy, [API], extra));
    expect(sorted(diff({ manifests: manifests(goMod) }))).toEqual([]);
    // Without go.mod every entry counts.
    expect(sorted(diff())).toEqual([API.name]);
  });

  it('a changed hash of a required module affects the module', () => {
    const after = goSum.replace(
      'h1:Od9JTbYCk261bKm4M/mw7AklTlFYIa0bIp9BgSm1S8Y=',
      'h1:tampered0000000000000000000000000000000000=',
    );
    const affected = affectedOf(
      diffLockfile('services/api/go.sum', goSum, after, [API], { manifests: manifests(goMod) }),
    );
    expect([...affected]).toEqual([
      [API.name, 'lockfile: golang.org/x/sys v0.20.0 resolution or dependencies changed'],
    ]);
  });

  it('a go.mod older than go 1.17 (no indirect requirements) counts every go.sum entry', () => {
    const old = goMod.replace('go 1.22', 'go 1.16');
    const tidy = `${goSum}golang.org/x/text v0.3.0/go.mod h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=\n`;
    expect(
      sorted(
        affectedOf(diffLockfile('services/api/go.sum', goSum, tidy, [API], { manifests: manifests(old) })),
      ),
    ).toEqual([API.name]);
  });

  it('a non-local replace points the requirement at the replacement', () => {
    const replaced = `${goMod}\nreplace golang.org/x/text => golang.org/x/text v0.13.0\n`;
    const sum = `${goSum}golang.org/x/text v0.13.0 h1:ablQoSUd0tRdKxZewP80B+BaqeKJuVhuRxj/dkrun3k=\n`;
    const after = sum.replace(
      'h1:ablQoSUd0tRdKxZewP80B+BaqeKJuVhuRxj/dkrun3k=',
      'h1:changed000000000000000000000000000000000=',
    );
    expect(
      sorted(
        affectedOf(
          diffLockfile('services/api/go.sum', sum, after, [API], { manifests: manifests(replaced) }),
        ),
      ),
    ).toEqual([API.name]);
    // The v0.14.0 entries are no longer what the module builds with.
    const v014 = sum.replace(
      'h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=',
      'h1:changed000000000000000000000000000000000=',
    );
    expect(
      sorted(
        affectedOf(diffLockfile('services/api/go.sum', sum, v014, [API], { manifests: manifests(replaced) })),
      ),
    ).toEqual([]);
  });

  it('go.sum belongs only to the module in its folder', () => {
    const after = goSum.replaceAll('v0.20.0', 'v0.21.0');
    expect(sorted(affectedOf(diffLockfile('services/worker/go.sum', goSum, after, [API, WORKER])))).toEqual([
      WORKER.name,
    ]);
  });

  it('go.work.sum: an entry affects the workspace modules that require its module path', () => {
    const workSum = fixture('go/go.work.sum');
    const both = new Map([
      [API.dir, { before: goMod, after: goMod }],
      [WORKER.dir, { before: fixture('go/worker.go.mod'), after: fixture('go/worker.go.mod') }],
    ]);
    const diff = (after: string) =>
      sorted(affectedOf(diffLockfile('go.work.sum', workSum, after, [API, WORKER], { manifests: both })));
    expect(diff(workSum.replaceAll('v0.16.0', 'v0.17.0'))).toEqual([API.name]);
    expect(diff(workSum.replaceAll('v1.17.4', 'v1.17.5'))).toEqual([WORKER.name]);
    expect(
      diff(workSum.replace('golang.org/x/tools v0.22.0/go.mod', 'golang.org/x/tools v0.23.0/go.mod')),
    ).toEqual([]);
  });

  it('go.mod parsing: blocks, quoted paths, comments, version-specific replaces', () => {
    const mod = [
      'module example.com/m',
      'go 1.21.0',
      'toolchain go1.22.1',
      'require (',
      '\t"github.com/a/a" v1.0.0 // indirect',
      '\tgithub.com/b/b v2.0.0+incompatible',
      ')',
      'replace (',
      '\tgithub.com/a/a v1.0.0 => github.com/fork/a v1.0.1',
      '\tgithub.com/b/b => ./vendor/b',
      ')',
    ].join('\n');
    const sum = 'github.com/fork/a v1.0.1 h1:x=\ngithub.com/a/a v1.0.0 h1:y=\n';
    const after = sum.replace('h1:y=', 'h1:z=');
    const project = { name: 'example.com/m', dir: '' };
    const changed = (before: string, next: string) =>
      sorted(
        affectedOf(
          diffLockfile('go.sum', before, next, [project], {
            manifests: new Map([['', { before: mod, after: mod }]]),
          }),
        ),
      );
    expect(changed(sum, after)).toEqual([]);
    expect(changed(sum, sum.replace('h1:x=', 'h1:w='))).toEqual(['example.com/m']);
  });
});

describe('unreadable lockfiles are reported, never thrown', () => {
  it.each([
    [
      'package-lock.json',
      '{"lockfileVersion": 7, "packages": {}}',
      'package-lock.json (after): unsupported lockfileVersion 7',
    ],
    ['package-lock.json', '{"lockfileVersion": 3', 'package-lock.json (after): cannot be parsed:'],
    ['package-lock.json', '[1, 2]', 'package-lock.json (after): not a JSON object'],
    ['package-lock.json', '{"lockfileVersion": 3, "packages": {"node_modules/x": {}}}', 'has no root entry'],
    ['pnpm-lock.yaml', "lockfileVersion: '4.0'\n", 'unsupported lockfileVersion "4.0"'],
    ['pnpm-lock.yaml', 'importers: [\n', 'pnpm-lock.yaml (after): cannot be parsed:'],
    [
      'yarn.lock',
      '# yarn lockfile v1\n\nlodash@^4:\n   version "4.17.21"\n',
      'line 4: unexpected indentation',
    ],
    ['yarn.lock', '# yarn lockfile v1\n\nlodash@^4:\n  version "4.17.21\n', 'line 4: bad string "4.17.21'],
    ['yarn.lock', '__metadata: [\n', 'yarn.lock (after): cannot be parsed:'],
    ['bun.lock', '{"lockfileVersion": 3, "packages": {}}', 'unsupported lockfileVersion 3'],
    ['bun.lock', '{"lockfileVersion": 1,, }', 'bun.lock (after): cannot be parsed:'],
    ['Cargo.lock', 'version = 9\n', 'unsupported version 9'],
    ['Cargo.lock', '[[package]\nname = "x"\n', 'Cargo.lock (after): cannot be parsed:'],
    ['Cargo.lock', '[[package]]\nname = "x"\n', 'a [[package]] has no name or version'],
    ['go.sum', 'golang.org/x/text v0.14.0\n', 'go.sum (after): line 1 is not "module version hash"'],
    ['composer.lock', '{}', 'composer.lock is not a lockfile this action can read'],
  ])('%s: %s', (path, after, reason) => {
    const result = diffLockfile(path, undefined, after, [{ name: 'x', dir: '' }]);
    expect(result.kind).toBe('unreadable');
    expect(result.kind === 'unreadable' && result.reason).toContain(reason);
  });

  it('a bad before is named as the before side', () => {
    const result = diffLockfile('bun.lock', '{', fixture('bun.lock'), JS_PROJECTS);
    expect(result).toEqual({
      kind: 'unreadable',
      reason: expect.stringMatching(/^bun\.lock \(before\): cannot be parsed/),
    });
  });

  it('refuses a lockfile over the size cap without parsing it', () => {
    const huge = `{"lockfileVersion": 3, "packages": {"": {}}, "pad": "${'x'.repeat(MAX_LOCKFILE_CHARS)}"}`;
    const result = diffLockfile('package-lock.json', undefined, huge, JS_PROJECTS);
    expect(result).toEqual({ kind: 'unreadable', reason: 'package-lock.json (after) is larger than 64 MB' });
  });

  it('refuses a v1 tree nested deeper than real ones are', () => {
    let deps = '{}';
    for (let i = 0; i < 5000; i++) deps = `{"p${i % 3}": {"version": "1.0.${i}", "dependencies": ${deps}}}`;
    const deep = `{"name": "x", "lockfileVersion": 1, "dependencies": ${deps}}`;
    const result = diffLockfile('package-lock.json', undefined, deep, [{ name: 'x', dir: '' }]);
    expect(result).toEqual({
      kind: 'unreadable',
      reason: 'package-lock.json (after): dependencies nested deeper than 256 levels',
    });
  });

  it.each([
    [
      'package-lock.json',
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { dependencies: { x: '1' } },
          [`${'node_modules/a/'.repeat(2000)}node_modules/x`]: {},
        },
      }),
      'package-lock.json (after): an install path has more than 1024 folders',
    ],
    [
      'bun.lock',
      JSON.stringify({
        lockfileVersion: 1,
        workspaces: {},
        packages: { [`${'a/'.repeat(300)}x`]: ['x@1.0.0'] },
      }),
      'bun.lock (after): package key nested deeper than 256 levels',
    ],
  ])('%s: refuses install paths nested deeper than real ones', (path, text, reason) => {
    expect(diffLockfile(path, undefined, text, JS_PROJECTS)).toEqual({ kind: 'unreadable', reason });
  });

  it('walks a 20,000-package dependency chain without a stack overflow', () => {
    const packages: Record<string, unknown> = { '': { name: 'x', dependencies: { p0: '1' } } };
    for (let i = 0; i < 20000; i++) {
      packages[`node_modules/p${i}`] = {
        version: '1.0.0',
        dependencies: i < 19999 ? { [`p${i + 1}`]: '1' } : {},
      };
    }
    const before = JSON.stringify({ lockfileVersion: 3, packages });
    const after = before.replace(
      '"node_modules/p19999":{"version":"1.0.0"',
      '"node_modules/p19999":{"version":"1.0.1"',
    );
    const affected = affectedOf(diffLockfile('package-lock.json', before, after, [{ name: 'x', dir: '' }]));
    expect([...affected]).toEqual([['x', 'lockfile: p19999 1.0.0 -> 1.0.1']]);
  });
});

describe('hostile package names', () => {
  const projects: LockfileProject[] = [
    { name: '__proto__', dir: 'packages/__proto__' },
    { name: 'constructor', dir: 'packages/constructor' },
  ];

  it('npm: __proto__ and constructor as package and project names', () => {
    const lock = (version: string) =>
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { name: 'root' },
          'packages/__proto__': {
            name: '__proto__',
            version: '1.0.0',
            dependencies: { constructor: '*', toString: '1' },
          },
          'packages/constructor': {
            name: 'constructor',
            version: '1.0.0',
            dependencies: { hasOwnProperty: '1' },
          },
          'node_modules/__proto__': { resolved: 'packages/__proto__', link: true },
          'node_modules/constructor': { resolved: 'packages/constructor', link: true },
          'node_modules/hasOwnProperty': { version, integrity: `sha512-${version}` },
        },
      }).replace('"packages":{', '"packages":{"__proto__":{"version":"0"},');
    const affected = affectedOf(diffLockfile('package-lock.json', lock('1.0.0'), lock('1.0.1'), projects));
    expect(sorted(affected)).toEqual(['__proto__', 'constructor']);
    expect(affected.get('constructor')).toBe('lockfile: hasOwnProperty 1.0.0 -> 1.0.1');
  });

  it('pnpm, yarn berry, bun and Cargo: __proto__ entries do not reach prototypes', () => {
    const pnpm = (v: string) =>
      `lockfileVersion: '9.0'\nimporters:\n  packages/__proto__:\n    dependencies:\n      __proto__:\n        specifier: '1'\n        version: ${v}\npackages:\n  __proto__@${v}:\n    resolution: {integrity: sha512-x}\nsnapshots:\n  __proto__@${v}: {}\n`;
    expect(
      sorted(affectedOf(diffLockfile('pnpm-lock.yaml', pnpm('1.0.0'), pnpm('1.0.1'), projects))),
    ).toEqual(['__proto__']);
    const berry = (v: string) =>
      `__metadata:\n  version: 8\n\n"__proto__@workspace:packages/__proto__":\n  version: 0.0.0-use.local\n  resolution: "__proto__@workspace:packages/__proto__"\n  dependencies:\n    constructor: "npm:^1"\n\n"constructor@npm:^1":\n  version: ${v}\n  resolution: "constructor@npm:${v}"\n`;
    expect(sorted(affectedOf(diffLockfile('yarn.lock', berry('1.0.0'), berry('1.0.1'), projects)))).toEqual([
      '__proto__',
    ]);
    const bun = (v: string) =>
      `{"lockfileVersion": 1, "workspaces": {"packages/constructor": {"name": "constructor", "dependencies": {"__proto__": "1"}}}, "packages": {"__proto__": ["__proto__@${v}", "", {}, "sha512-${v}"]}}`;
    expect(sorted(affectedOf(diffLockfile('bun.lock', bun('1.0.0'), bun('1.0.1'), projects)))).toEqual([
      'constructor',
    ]);
    const cargo = (v: string) =>
      `version = 3\n[[package]]\nname = "__proto__"\nversion = "0.1.0"\ndependencies = ["constructor"]\n[[package]]\nname = "constructor"\nversion = "${v}"\nsource = "registry+x"\n`;
    expect(sorted(affectedOf(diffLockfile('Cargo.lock', cargo('1.0.0'), cargo('1.0.1'), projects)))).toEqual([
      '__proto__',
    ]);
  });

  it('reasons stay one bounded line whatever the package names and versions say', () => {
    const lock = (version: string) =>
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { name: 'shop', dependencies: { evil: '*' } },
          'node_modules/evil': { name: `evil\n::add-mask::${'x'.repeat(1000)}`, version },
        },
      });
    const affected = affectedOf(
      diffLockfile('package-lock.json', lock('1.0.0'), lock('2.0.0\n::error::boom'), JS_PROJECTS),
    );
    const reason = affected.get('shop')!;
    expect(reason).toMatch(/^lockfile: evil ::add-mask::x+… \(\d+ more characters\)$/);
    expect(reason).not.toMatch(/\n/);
  });

  it('lists at most three versions of a package in a reason', () => {
    const lock = (versions: string[]) =>
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { name: 'shop', dependencies: Object.fromEntries(versions.map((_, i) => [`alias${i}`, '*'])) },
          ...Object.fromEntries(
            versions.map((v, i) => [`node_modules/alias${i}`, { name: 'many', version: v }]),
          ),
        },
      });
    const affected = affectedOf(
      diffLockfile(
        'package-lock.json',
        lock(['1.0.0']),
        lock(['2.0.0', '2.1.0', '2.2.0', '2.3.0', '2.4.0']),
        JS_PROJECTS,
      ),
    );
    expect(affected.get('shop')).toBe('lockfile: many 1.0.0 -> 2.0.0, 2.1.0, 2.2.0 and 2 more');
  });

  it('yarn classic: __proto__ keys in the lockfile and manifests', () => {
    const text = (v: string) =>
      `# yarn lockfile v1\n\n__proto__@^1:\n  version "${v}"\n  dependencies:\n    constructor "^1"\n\nconstructor@^1:\n  version "1.0.0"\n`;
    const manifest = '{"name": "__proto__", "dependencies": {"__proto__": "^1"}}';
    const manifests = new Map([
      ['packages/__proto__', { before: manifest, after: manifest }],
      ['packages/constructor', { before: '{"name": "constructor"}', after: '{"name": "constructor"}' }],
    ]);
    expect(
      sorted(affectedOf(diffLockfile('yarn.lock', text('1.0.0'), text('1.0.1'), projects, { manifests }))),
    ).toEqual(['__proto__']);
  });
});

describe('isLockfile', () => {
  it.each([
    ['package-lock.json', true],
    ['apps/web/npm-shrinkwrap.json', true],
    ['pnpm-lock.yaml', true],
    ['yarn.lock', true],
    ['packages/x/bun.lock', true],
    ['Cargo.lock', true],
    ['services/api/go.sum', true],
    ['go.work.sum', true],
    ['bun.lockb', false],
    ['cargo.lock', false],
    ['package.json', false],
    ['docs/yarn.lock.md', false],
    ['pnpm-lock.yml', false],
  ])('%s -> %s', (path, expected) => {
    expect(isLockfile(path)).toBe(expected);
  });
});

describe('projects and folders', () => {
  it('ignores projects outside the lockfile folder and maps those inside to lockfile-relative dirs', () => {
    const text = fixture('package-lock-v3.json');
    const projects = [
      { name: 'a', dir: 'web/packages/a' },
      { name: 'outside', dir: 'packages/a' },
    ];
    const affected = affectedOf(diffLockfile('web/package-lock.json', text, bumpMs(text), projects));
    expect(sorted(affected)).toEqual(['a']);
  });

  it('a project the lockfile starts listing is affected; one it drops is too', () => {
    const text = fixture('package-lock-v3.json');
    const projects = [...JS_PROJECTS, { name: 'd', dir: 'packages/d' }];
    const lock = JSON.parse(text);
    lock.packages['packages/d'] = { name: 'd', version: '1.0.0' };
    const withD = JSON.stringify(lock);
    expect([...affectedOf(diffLockfile('package-lock.json', text, withD, projects))]).toEqual([
      ['d', 'lockfile: newly lists this project'],
    ]);
    expect([...affectedOf(diffLockfile('package-lock.json', withD, text, projects))]).toEqual([
      ['d', 'lockfile: no longer lists this project'],
    ]);
  });
});

describe('bun.lock JSONC', () => {
  it.each([
    ['{"a": [1, 2,], "b": {"c": 1,},}', { a: [1, 2], b: { c: 1 } }],
    ['{\n  // a comment, with a comma,\n  "a": 1, /* block, */\n}', { a: 1 }],
    [
      '{"url": "https://x.test/a//b", "s": "/* not a comment */", "t": "a,}"}',
      { url: 'https://x.test/a//b', s: '/* not a comment */', t: 'a,}' },
    ],
    ['{"q": "say \\"hi\\", //ok",}', { q: 'say "hi", //ok' }],
  ])('%s', (source, expected) => {
    expect(JSON.parse(stripJsonc(source))).toEqual(expected);
  });

  it('stays linear on hostile text (an unterminated string of escaped quotes)', () => {
    const hostile = `{"a": "${'\\"'.repeat(2_000_000)}`;
    const started = process.hrtime.bigint();
    const result = diffLockfile('bun.lock', undefined, hostile, JS_PROJECTS);
    expect(result.kind).toBe('unreadable');
    // A quadratic scan of 4 MB would take minutes; linear takes milliseconds.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });
});
