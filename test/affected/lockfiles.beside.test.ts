import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { readFastYaml } from '../../actions/affected/src/fast-yaml.js';
import { diffGraphs, type ResolvedGraph } from '../../actions/affected/src/lockfiles/graph.js';
import { diffLockfile } from '../../actions/affected/src/lockfiles/index.js';
import { lastDocument, type PnpmRead, readPnpmLock } from '../../actions/affected/src/lockfiles/pnpm.js';
import { loadYaml } from '../../shared/yaml.js';
import { applyEdits, type Lock, lineEdit, lockArbitrary, mix, render } from '../support/pnpm-locks.js';

// A lockfile text read beside another version of it (the base beside the head) reuses the entries
// and nodes whose text did not change: it must give exactly what reading it alone gives.
beforeAll(loadYaml);

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/affected-lockfiles/${name}`, import.meta.url), 'utf8');

/** A tree with every mapping's key order made visible (toEqual ignores key order). */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value !== null && typeof value === 'object')
    return Object.keys(value).map((key) => [key, ordered((value as Record<string, unknown>)[key])]);
  return value;
}

const treeAlone = (text: string) => {
  const read = readFastYaml(text);
  return read && ordered(read.tree);
};
const treeBeside = (text: string, other: string) => {
  const known = readFastYaml(other);
  const read = readFastYaml(text, known);
  return read && ordered(read.tree);
};

/** A read as the graph's order and contents, or the error it threw. */
function graphOf(read: () => PnpmRead): unknown {
  try {
    const { nodes, importers } = read();
    return { nodes: [...nodes].map(([key, node]) => [key, { ...node }]), importers: [...importers] };
  } catch (error) {
    return { error: String(error) };
  }
}

const pnpmAlone = (text: string) => graphOf(() => readPnpmLock(text));
const pnpmBeside = (text: string, other: string) =>
  graphOf(() => {
    let known: PnpmRead | undefined;
    try {
      known = readPnpmLock(other);
    } catch {
      known = undefined;
    }
    return readPnpmLock(text, known);
  });

const FIXTURES = ['pnpm-lock-v5.yaml', 'pnpm-lock-v6.yaml', 'pnpm-lock-v9.yaml', 'yarn-berry.lock'];

describe('a YAML text read beside another version of it', () => {
  it.each(FIXTURES)('%s: random line edits read as the whole text reads', (name) => {
    const original = name.endsWith('.yaml') ? lastDocument(fixture(name)) : fixture(name);
    fc.assert(
      fc.property(
        fc.array(lineEdit, { maxLength: 4 }),
        fc.array(lineEdit, { maxLength: 4 }),
        (editsA, editsB) => {
          const a = applyEdits(original, editsA);
          const b = applyEdits(original, editsB);
          expect(treeBeside(b, a)).toEqual(treeAlone(b));
          expect(treeBeside(a, b)).toEqual(treeAlone(a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes the unchanged entries from the other tree and reads the changed one', () => {
    const head = lastDocument(fixture('pnpm-lock-v9.yaml'));
    const base = head.replace('version: 4.17.21', 'version: 4.17.20');
    const known = readFastYaml(head)!;
    const read = readFastYaml(base, known)!;
    const importers = (tree: Record<string, unknown>) => tree.importers as Record<string, unknown>;
    expect(importers(read.tree)['packages/b']).toBe(importers(known.tree)['packages/b']);
    const packages = (tree: Record<string, unknown>) => tree.packages as Record<string, unknown>;
    expect(packages(read.tree)['lodash@4.17.21']).toBe(packages(known.tree)['lodash@4.17.21']);
    expect(importers(read.tree)['packages/a']).not.toBe(importers(known.tree)['packages/a']);
    expect(ordered(read.tree)).toEqual(treeAlone(base));
  });

  it.each([
    [
      'an entry repeated in the changed text',
      (t: string) =>
        t.replace(
          '\n  js-tokens@4.0.0:',
          '\n  lodash@4.17.21:\n    resolution: {integrity: sha512-x}\n\n  js-tokens@4.0.0:',
        ),
    ],
    [
      'an unchanged entry repeated',
      (t: string) =>
        `${t}\n  lodash@4.17.21:\n    resolution: {integrity: sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==}\n`,
    ],
    [
      'a key an array index would order first',
      (t: string) =>
        t.replace(
          '\n  js-tokens@4.0.0:',
          "\n  '12':\n    resolution: {integrity: sha512-x}\n\n  js-tokens@4.0.0:",
        ),
    ],
    ['a section left empty', (t: string) => t.replace(/\nsnapshots:\n[\s\S]*$/, '\nsnapshots:\n')],
    ['the last entry without a line end', (t: string) => t.trimEnd().replace(/\S$/, 'x')],
    [
      'a comment at the first column inside a section',
      (t: string) => t.replace('\n  js-tokens@4.0.0:', '\n# a note\n  js-tokens@4.0.0:'),
    ],
    ['CRLF line ends', (t: string) => t.replaceAll('\n', '\r\n')],
  ])('reads %s as the whole text reads', (_, edit) => {
    const head = lastDocument(fixture('pnpm-lock-v9.yaml'));
    const base = edit(head);
    expect(treeBeside(base, head)).toEqual(treeAlone(base));
    expect(treeBeside(head, base)).toEqual(treeAlone(head));
    expect(pnpmBeside(base, head)).toEqual(pnpmAlone(base));
    expect(pnpmBeside(head, base)).toEqual(pnpmAlone(head));
  });
});

describe('a pnpm lockfile read beside another version of it', () => {
  it('gives the nodes reading it alone gives, in the same order, for random versions of a lockfile', () => {
    fc.assert(
      fc.property(lockArbitrary, lockArbitrary, (a, b) => {
        // Two unrelated locks share little; a lock beside a copy of itself with a few entries from
        // the other shares most: both kinds are checked.
        const mixed = mix(a, b);
        for (const [x, y] of [
          [a, b],
          [a, mixed],
          [mixed, a],
        ] as const) {
          const [textX, textY] = [render(x), render(y)];
          expect(pnpmBeside(textY, textX)).toEqual(pnpmAlone(textY));
        }
      }),
      { numRuns: 500 },
    );
  });

  it.each(['pnpm-lock-v5.yaml', 'pnpm-lock-v6.yaml', 'pnpm-lock-v9.yaml'])(
    '%s: random line edits read as the whole text reads',
    (name) => {
      const original = fixture(name);
      fc.assert(
        fc.property(fc.array(lineEdit, { maxLength: 4 }), fc.array(lineEdit, { maxLength: 4 }), (ea, eb) => {
          const [a, b] = [applyEdits(original, ea), applyEdits(original, eb)];
          expect(pnpmBeside(b, a)).toEqual(pnpmAlone(b));
        }),
        { numRuns: 200 },
      );
    },
  );

  it('takes the nodes of unchanged entries and builds the changed ones', () => {
    const head = fixture('pnpm-lock-v9.yaml');
    const base = head.replace(/(\n {2}ms@2\.1\.2:\n {4}resolution: \{integrity: )[^}]*/, '$1sha512-other');
    const known = readPnpmLock(head);
    const read = readPnpmLock(base, known);
    expect(read.nodes.get('lodash@4.17.21')).toBe(known.nodes.get('lodash@4.17.21'));
    expect(read.nodes.get('ms@2.1.2')).not.toBe(known.nodes.get('ms@2.1.2'));
    expect(read.nodes.get('ms@2.1.2')!.identity).toContain('sha512-other');
    expect(pnpmBeside(base, head)).toEqual(pnpmAlone(base));
  });
});

/** A read as a graph whose projects are its importer folders. */
function resolved(read: PnpmRead): ResolvedGraph {
  const roots = new Map<string, string>();
  for (const [key, { dir, kind }] of read.importers) if (kind === 'importer') roots.set(dir, key);
  return { nodes: read.nodes, roots };
}

/** `lock` with the integrity of one package flipped. */
const flip = (lock: Lock, at: number): Lock => ({
  ...lock,
  packages: lock.packages.map((p, i) =>
    i === at % Math.max(lock.packages.length, 1) ? { ...p, integrity: p.integrity === 'x' ? 'y' : 'x' } : p,
  ),
});

describe('two graphs that share nodes', () => {
  it('diff as two graphs read apart do (classes taken from the first graph are the ones computed)', () => {
    fc.assert(
      fc.property(lockArbitrary, lockArbitrary, fc.nat(), fc.boolean(), (a, b, at, forward) => {
        // Half the cases change one package's integrity only: what reaches it changes, nothing else.
        const other = at % 2 ? mix(a, b) : flip(a, at >> 1);
        const [textA, textB] = forward ? [render(a), render(other)] : [render(other), render(a)];
        const diffs = (): unknown[] => {
          try {
            const readA = readPnpmLock(textA);
            const [alone, near] = [readPnpmLock(textB), readPnpmLock(textB, readA)];
            const projects = new Set([...resolved(readA).roots.keys(), ...resolved(alone).roots.keys()]);
            const fresh = resolved(readPnpmLock(textA));
            return [
              [...diffGraphs(resolved(readA), resolved(near), projects)],
              [...diffGraphs(fresh, resolved(alone), projects)],
              [...diffGraphs(resolved(near), resolved(readA), projects)],
              [...diffGraphs(resolved(alone), fresh, projects)],
            ];
          } catch (error) {
            return [String(error), String(error), String(error), String(error)];
          }
        };
        const [beside, apart, besideBack, apartBack] = diffs();
        expect(besideBack).toEqual(apartBack);
        expect(beside).toEqual(apart);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a large pnpm lockfile diffed through the texts read beside each other', () => {
  // From 64 KiB a lockfile text is kept for the run and the other revision read beside it
  // (lockfiles/pnpm.ts): a change there must still reach exactly the projects that reach it.
  const padding = Array.from({ length: 900 }, (_, i) => `pad${i}@1.0.0`);
  const lockfile = (changes: { lodash?: string; msIntegrity?: string; bDebug?: string }) =>
    [
      "lockfileVersion: '9.0'",
      '',
      'importers:',
      '',
      '  packages/a:',
      '    dependencies:',
      '      lodash:',
      "        specifier: '*'",
      `        version: ${changes.lodash ?? '4.17.21'}`,
      '',
      '  packages/b:',
      '    dependencies:',
      '      debug:',
      "        specifier: '*'",
      `        version: ${changes.bDebug ?? '4.3.4'}`,
      '',
      '  packages/c:',
      '    dependencies:',
      '      pad0:',
      "        specifier: '*'",
      '        version: 1.0.0',
      '',
      'packages:',
      '',
      ...['debug@4.3.4', 'debug@4.3.5', 'ms@2.1.2', 'lodash@4.17.21', 'lodash@4.17.20', ...padding].flatMap(
        (key) => [
          `  ${key}:`,
          `    resolution: {integrity: sha512-${key === 'ms@2.1.2' ? (changes.msIntegrity ?? 'ms') : key}-${'x'.repeat(40)}}`,
          '',
        ],
      ),
      'snapshots:',
      '',
      '  debug@4.3.4:',
      '    dependencies:',
      '      ms: 2.1.2',
      '',
      '  debug@4.3.5:',
      '    dependencies:',
      '      ms: 2.1.2',
      '',
      '  ms@2.1.2: {}',
      '',
      '  lodash@4.17.21: {}',
      '',
      '  lodash@4.17.20: {}',
      '',
      ...padding.flatMap((key, i) => [`  ${key}:`, '    dependencies:', `      pad${i + 1}: 1.0.0`, '']),
    ].join('\n');
  const projects = ['a', 'b', 'c'].map((name) => ({ name, dir: `packages/${name}` }));
  const affected = (before: string, after: string) => {
    expect(before.length).toBeGreaterThan(64 * 1024);
    const result = diffLockfile('pnpm-lock.yaml', before, after, projects);
    if (result.kind !== 'diffed') throw new Error(result.reason);
    return Object.fromEntries(result.affected);
  };

  it.each([
    [
      'an integrity deep in a closure',
      { msIntegrity: 'other' },
      { b: 'lockfile: ms 2.1.2 resolution or dependencies changed' },
    ],
    [
      'a version an importer resolves',
      { lodash: '4.17.20' },
      { a: 'lockfile: lodash 4.17.20 resolution or dependencies changed' },
    ],
    [
      'a version a package key names',
      { bDebug: '4.3.5' },
      { b: 'lockfile: debug 4.3.5 resolution or dependencies changed' },
    ],
  ])('finds %s changed, in both directions', (_, change, expected) => {
    const [base, head] = [lockfile({}), lockfile(change)];
    expect(affected(base, head)).toEqual(expected);
    expect(Object.keys(affected(head, base))).toEqual(Object.keys(expected));
  });
});
