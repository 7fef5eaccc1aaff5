import { analyse } from '../../actions/affected/src/analyse.js';
import { describeResult } from '../../actions/affected/src/report.js';
import { readHead, readHeadEarly } from '../../actions/affected/src/revisions.js';
import { type ParsedInputs, settingsOf, unknownInputKeys } from '../../actions/affected/src/settings.js';
import { Git } from '../../shared/git.js';
import { createRepo } from '../support/git-repo.js';

const options = (overrides: Partial<ParsedInputs> = {}): ParsedInputs => ({
  base: undefined,
  head: undefined,
  'include-dependents': true,
  'include-dependencies': false,
  'global-files': ['.github/workflows/**'],
  ignore: ['none'],
  projects: {},
  inputs: {},
  'working-directory': '',
  ...overrides,
});

describe('settingsOf', () => {
  test('`none` turns a list off; globs become matchers; explicit projects keep their fields', () => {
    const settings = settingsOf(
      options({
        ignore: ['docs/**'],
        'global-files': ['none'],
        projects: { infra: { paths: ['infra/**'], 'depends-on': ['a'], path: 'infra' } },
      }),
    );
    expect(settings.isIgnored('docs/x.md')).toBe(true);
    expect(settings.isIgnored('src/x.ts')).toBe(false);
    expect(settings.isGlobal('.github/workflows/ci.yml')).toBe(false);
    expect(settings.explicit).toEqual([
      { name: 'infra', paths: ['infra/**'], dependsOn: ['a'], path: 'infra' },
    ]);
  });

  test('a bad glob in `inputs` or a path leaving the repository fails before any git work', () => {
    expect(() => settingsOf(options({ inputs: { a: ['../outside/**'] } }))).toThrow(/inputs/);
    expect(() =>
      settingsOf(options({ projects: { x: { paths: ['x/**'], 'depends-on': [], path: '../x' } } })),
    ).toThrow(/projects/);
  });
});

describe('analyse', () => {
  const repo = createRepo({
    'package.json': '{"name":"root","private":true,"workspaces":["p/*"]}',
    'p/a/package.json': '{"name":"a"}',
    'p/b/package.json': '{"name":"b","dependencies":{"a":"*"}}',
    'p/c/package.json': '{"name":"c"}',
  });
  const base = repo.git(['rev-parse', 'HEAD']).trim();
  const head = repo.commit('change a', { 'p/a/index.js': 'x' });
  afterAll(() => repo.cleanup());
  const git = new Git(repo.dir);
  const range = { base, head, rule: 'test', warnings: [] };

  test('a change reaches its project and the dependents, with the head snapshot read early or not', async () => {
    for (const early of [readHeadEarly(git, head), readHeadEarly(git, base), undefined]) {
      const { result, head: workspace, changes } = await analyse(git, range, settingsOf(options()), early);
      expect(result.projects.map((p) => [p.name, p.reason])).toEqual([
        ['a', 'added p/a/index.js'],
        ['b', 'depends on a (changed)'],
      ]);
      expect(changes).toEqual([{ status: 'A', path: 'p/a/index.js' }]);
      expect(describeResult(result, workspace)).toBe('2 of 3 projects affected: a, b');
    }
  });

  test('inputs keys naming neither a project nor an ecosystem are warned about, the others not', async () => {
    const settings = settingsOf(options({ inputs: { a: ['**'], go: ['**'], nope: ['**'] } }));
    const { head: workspace } = await analyse(git, range, settings);
    expect(unknownInputKeys(settings, workspace)).toEqual([
      'Input "inputs" names "nope", which is neither a project nor an ecosystem (js, go, cargo, python, custom); it is ignored.',
    ]);
  });

  test('readHeadEarly gives undefined for a revision that does not resolve', async () => {
    await expect(readHeadEarly(git, 'no-such-branch')).resolves.toBeUndefined();
  });

  test('readHeadEarly lists a whole commit id only as that commit: not a tree, a blob, a tag or nothing', async () => {
    const snapshot = await readHead(git, head);
    await expect(readHeadEarly(git, head)).resolves.toEqual(snapshot);
    const tree = repo.git(['rev-parse', `${head}^{tree}`]).trim();
    const blob = repo.git(['rev-parse', `${head}:p/a/package.json`]).trim();
    await expect(readHeadEarly(git, tree)).resolves.toBeUndefined();
    await expect(readHeadEarly(git, blob)).resolves.toBeUndefined();
    await expect(readHeadEarly(git, 'f'.repeat(40))).resolves.toBeUndefined();
    repo.git(['tag', '-a', '-m', 'release', 'v1', head]);
    const tag = repo.git(['rev-parse', 'v1']).trim();
    expect(tag).not.toBe(head);
    await expect(readHeadEarly(git, tag)).resolves.toEqual(snapshot);
  });
});

describe('the pnpm lockfile links of the base workspace', () => {
  // `b` installs `ext`, whose peer `a` the lockfile links to the workspace package (pnpm overrides).
  const lockfile = (extVersion: string) =>
    [
      "lockfileVersion: '9.0'",
      '',
      'importers:',
      '  .: {}',
      '  packages/a: {}',
      '  packages/b:',
      '    devDependencies:',
      '      ext:',
      '        specifier: ^1',
      `        version: ${extVersion}(a@packages+a)`,
      '  packages/c: {}',
      '',
      'packages:',
      `  ext@${extVersion}:`,
      `    resolution: {integrity: sha512-ext${extVersion}}`,
      '',
      'snapshots:',
      `  ext@${extVersion}(a@packages+a):`,
      '    dependencies:',
      '      a: link:packages/a',
      '',
    ].join('\n');
  const repo = createRepo({
    'package.json': '{"name":"root","private":true}',
    'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
    'packages/a/package.json': '{"name":"a"}',
    'packages/b/package.json': '{"name":"b","devDependencies":{"ext":"^1"}}',
    'packages/c/package.json': '{"name":"c"}',
    'pnpm-lock.yaml': lockfile('1.0.0'),
  });
  afterAll(() => repo.cleanup());
  const run = async (base: string, head: string) => {
    const trace: string[] = [];
    const git = new Git(repo.dir, { trace: (line) => trace.push(line) });
    const { result } = await analyse(git, { base, head, rule: 'test', warnings: [] }, settingsOf(options()));
    return { reasons: result.projects.map((p) => [p.name, p.reason]), trace };
  };

  test('come from the head text where the range left the lockfile alone, read at base otherwise', async () => {
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    // A manifest changes, so the base workspace is read apart; the lockfile stays as it was.
    const head = repo.commit('c 2.0.0, a changed', {
      'packages/c/package.json': '{"name":"c","version":"2.0.0"}',
      'packages/a/index.js': 'x',
    });
    const same = await run(base, head);
    expect(same.reasons).toEqual([
      ['a', 'added packages/a/index.js'],
      ['b', 'depends on a (changed)'],
      ['c', 'changed packages/c/package.json'],
    ]);
    expect(same.trace.filter((line) => line.includes('pnpm-lock.yaml'))).toEqual([]);
    // The lockfile changes too: its base text is read, for the links and the diff.
    const next = repo.commit('ext 1.0.1, c 3.0.0', {
      'packages/c/package.json': '{"name":"c","version":"3.0.0"}',
      'pnpm-lock.yaml': lockfile('1.0.1'),
    });
    const changed = await run(head, next);
    expect(changed.reasons).toEqual([
      ['b', 'lockfile: ext 1.0.0(a@packages+a) -> 1.0.1(a@packages+a)'],
      ['c', 'changed packages/c/package.json'],
    ]);
    expect(changed.trace.some((line) => line.includes('pnpm-lock.yaml'))).toBe(true);
  });
});
