import { computeAffected } from '../../actions/affected/src/affected.js';
import { discoverWorkspace } from '../../actions/affected/src/discover.js';
import { dependencyCycles } from '../../actions/affected/src/graph.js';
import { InputRules } from '../../actions/affected/src/inputs.js';
import { manifestPaths } from '../../actions/affected/src/manifests.js';
import type { ChangedFile } from '../../shared/git.js';
import { globList } from '../../shared/glob.js';

type Files = Record<string, string>;
const ws = (files: Files) => {
  const paths = Object.keys(files);
  return discoverWorkspace(paths, new Map(manifestPaths(paths).map((p) => [p, files[p]])));
};
const pkg = (name: string, deps: Record<string, string> = {}, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name, dependencies: deps, ...extra });

/** A chain c -> b -> a plus an unrelated d, and a root package.json that only holds tooling. */
const mono: Files = {
  'package.json': pkg('tooling', { a: '*', b: '*' }, { workspaces: ['packages/*'] }),
  'packages/a/package.json': pkg('a'),
  'packages/a/src/x.ts': '',
  'packages/b/package.json': pkg('b', { a: '*' }),
  'packages/c/package.json': pkg('c', { b: 'workspace:*' }),
  'packages/d/package.json': pkg('d'),
};

function run(
  changes: ChangedFile[],
  options: {
    base?: Files;
    head?: Files;
    global?: string[];
    ignore?: string[];
    inputs?: [string, string[]][];
    deps?: boolean;
    noDependents?: boolean;
    lock?: [string, string[]][];
  } = {},
) {
  const head = ws(options.head ?? mono);
  const base = options.base ? ws(options.base) : head;
  const result = computeAffected({
    base,
    head,
    changes,
    inputs: new InputRules(new Map(options.inputs ?? [])),
    isIgnored: globList(options.ignore ?? []),
    isGlobal: globList(options.global ?? []),
    isLockfile: (p) => p.endsWith('package-lock.json'),
    lockfileSeeds: new Map(options.lock ?? []),
    readBy: new Map(),
    cycles: dependencyCycles(head.projects),
    includeDependents: !options.noDependents,
    includeDependencies: !!options.deps,
  });
  return { ...result, reasons: Object.fromEntries(result.projects.map((p) => [p.name, p.reason])) };
}

const M = (path: string): ChangedFile => ({ status: 'M', path });

describe('computeAffected', () => {
  test('a changed file marks its owner and every transitive dependent, with reasons', () => {
    expect(run([M('packages/a/src/x.ts')]).reasons).toEqual({
      a: 'changed packages/a/src/x.ts',
      b: 'depends on a (changed)',
      c: 'depends on b → a (changed)',
    });
  });

  test('include-dependencies adds what the affected projects need', () => {
    expect(run([M('packages/b/package.json')], { deps: true }).reasons).toEqual({
      a: 'dependency of b',
      b: 'changed packages/b/package.json',
      c: 'depends on b (changed)',
    });
  });

  test('docs, unowned and ignored files mark nothing, and are reported', () => {
    const r = run([M('packages/d/README.md'), M('scripts/release.sh'), M('packages/d/src/i.ts')], {
      ignore: ['**/*.ts'],
    });
    expect(r.projects).toEqual([]);
    expect(r.nonInputs).toEqual([['packages/d/README.md', 'd']]);
    expect(r.unowned).toEqual(['scripts/release.sh']);
    expect(r.ignoredFiles).toEqual(['packages/d/src/i.ts']);
  });

  test('a global file marks everything and says which', () => {
    const r = run([M('tsconfig.base.json')], { global: ['/tsconfig.base.json'] });
    expect(r.all).toBe(true);
    expect(r.reasons.d).toBe('global file tsconfig.base.json changed');
    expect(r.projects).toHaveLength(4);
  });

  test('the tooling root package.json is not a project: changing it marks nothing', () => {
    expect(run([M('package.json')]).projects).toEqual([]);
  });

  test('lockfile verdicts arrive as seeds and spread to dependents', () => {
    const r = run([M('package-lock.json')], { lock: [['b', ['lockfile: lodash 1 -> 2']]] });
    expect(r.reasons).toEqual({ b: 'lockfile: lodash 1 -> 2', c: 'depends on b (changed)' });
    expect(r.lockfiles).toEqual(['package-lock.json']);
  });

  test('a moved project is one project with a new path', () => {
    const head: Files = {
      ...mono,
      'libs/a/package.json': mono['packages/a/package.json']!,
      'libs/a/src/x.ts': '',
    };
    delete head['packages/a/package.json'];
    delete head['packages/a/src/x.ts'];
    head['package.json'] = pkg('tooling', {}, { workspaces: ['packages/*', 'libs/*'] });
    const r = run(
      [
        { status: 'R', oldPath: 'packages/a/package.json', path: 'libs/a/package.json' },
        { status: 'R', oldPath: 'packages/a/src/x.ts', path: 'libs/a/src/x.ts' },
        M('package.json'),
      ],
      { base: mono, head },
    );
    expect(r.moved).toEqual([{ name: 'a', from: 'packages/a', to: 'libs/a' }]);
    expect(r.removed).toEqual([]);
    expect(r.projects.find((p) => p.name === 'a')).toMatchObject({ path: 'libs/a' });
    expect(r.reasons.d).toBeUndefined();
  });

  test('a catalog entry change marks exactly its users', () => {
    const files = (react: string): Files => ({
      'package.json': pkg('r'),
      'pnpm-workspace.yaml': `packages: ["p/*"]\ncatalog:\n  react: ${react}\n  vue: ^3\n`,
      'p/a/package.json': pkg('a', { react: 'catalog:' }),
      'p/b/package.json': pkg('b', { vue: 'catalog:default' }),
      'p/c/package.json': pkg('c', { a: 'workspace:*' }),
    });
    const r = run([M('pnpm-workspace.yaml')], { base: files('^17'), head: files('^18') });
    expect(r.reasons).toEqual({
      a: 'catalog entry react (default catalog) changed',
      c: 'depends on a (changed)',
    });
  });

  test('the inputs input replaces the default for a project', () => {
    const r = run([M('packages/d/README.md'), M('packages/a/src/x.ts')], {
      inputs: [
        ['d', ['**']],
        ['js', ['package.json']],
      ],
    });
    expect(r.reasons).toEqual({ d: 'changed packages/d/README.md' });
  });

  test('dependency cycles are strongly connected components, one unit each, sorted', () => {
    const cyclic = {
      ...mono,
      'packages/a/package.json': pkg('a', { c: '*' }),
      'packages/d/package.json': pkg('d', { e: '*' }),
      'packages/e/package.json': pkg('e', {}, { peerDependencies: { d: '*' } }),
      'packages/f/package.json': pkg('f', { a: '*' }),
    };
    expect(dependencyCycles(ws(cyclic).projects)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(dependencyCycles(ws(mono).projects)).toEqual([]);
    // A change in one member affects every member even without dependents, and their dependents with.
    expect(run([M('packages/b/src/y.ts')], { head: cyclic, noDependents: true }).reasons).toEqual({
      a: 'in a dependency cycle with b (changed)',
      b: 'changed packages/b/src/y.ts',
      c: 'in a dependency cycle with b (changed)',
    });
    expect(run([M('packages/b/src/y.ts')], { head: cyclic }).reasons).toEqual({
      a: 'in a dependency cycle with b (changed)',
      b: 'changed packages/b/src/y.ts',
      c: 'in a dependency cycle with b (changed)',
      f: 'depends on a → b (changed)',
    });
  });

  test('a long chain explains each project in constant space', () => {
    const files: Files = { 'package.json': pkg('root', {}, { workspaces: ['p/*'] }) };
    for (let i = 0; i < 50; i++) files[`p/${i}/package.json`] = pkg(`p${i}`, i ? { [`p${i - 1}`]: '*' } : {});
    const r = run([M('p/0/x.js')], { head: files });
    expect(r.reasons.p1).toBe('depends on p0 (changed)');
    expect(r.reasons.p2).toBe('depends on p1 → p0 (changed)');
    expect(r.reasons.p49).toBe('depends on p48 → … → p0 (changed, 49 links)');
  });
});
