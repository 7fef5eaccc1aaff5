import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  parsePnpmDeps,
  parsePnpmLock,
  type PnpmRead,
  readPnpmLock,
} from '../../actions/affected/src/lockfiles/pnpm.js';
import { loadYaml } from '../../shared/yaml.js';
import { applyEdits, lineEdit, lockArbitrary, render } from '../support/pnpm-locks.js';

// The links read a pnpm lockfile for its dependencies only, which from 9.0 leaves its `packages`
// section (resolutions) unread: they must be the dependencies a read of the whole graph gives.
beforeAll(loadYaml);

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/affected-lockfiles/${name}`, import.meta.url), 'utf8');

/** A read's node keys in order with each node's dependencies, and its importers; or its error. */
function depsOf(read: () => PnpmRead): unknown {
  try {
    const { nodes, importers } = read();
    return { nodes: [...nodes].map(([key, node]) => [key, node.deps]), importers: [...importers] };
  } catch (error) {
    return { error: String(error) };
  }
}

const whole = (text: string) => depsOf(() => readPnpmLock(text));
const depsOnly = (text: string) => depsOf(() => readPnpmLock(text, undefined, 'deps'));

/** The edits of a history with the ones that move, repeat or break the `packages:` line itself. */
const sectionEdit = fc.oneof(
  lineEdit,
  fc.record({
    kind: fc.constant('insert'),
    at: fc.nat(),
    text: fc.constantFrom(
      'packages:',
      'packages: # resolutions',
      'packages: {}',
      '  packages:',
      '# packages:',
    ),
  }),
);

describe('a pnpm lockfile read for its dependencies only', () => {
  it('gives the dependencies of the whole graph for random pnpm 9 lockfiles', () => {
    fc.assert(
      fc.property(lockArbitrary, (lock) => {
        const text = render(lock);
        expect(depsOnly(text)).toEqual(whole(text));
      }),
      { numRuns: 500 },
    );
  });

  it.each(['pnpm-lock-v5.yaml', 'pnpm-lock-v6.yaml', 'pnpm-lock-v9.yaml'])(
    '%s: gives the whole graph’s dependencies after random line edits, wherever that read succeeds',
    (name) => {
      const original = fixture(name);
      fc.assert(
        fc.property(fc.array(sectionEdit, { maxLength: 5 }), (edits) => {
          const text = applyEdits(original, edits);
          const expected = whole(text);
          if ('error' in (expected as object)) return;
          expect(depsOnly(text)).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('leaves the packages section unread in a 9.0 lockfile, and reads it before 9.0', () => {
    const v9 = fixture('pnpm-lock-v9.yaml');
    const broken = v9.replace(/\npackages:\n/, '\npackages:\n  odd:\n\t- tab\n');
    expect(whole(broken)).toHaveProperty('error');
    expect(depsOnly(broken)).toEqual(whole(v9));
    const v6 = fixture('pnpm-lock-v6.yaml');
    expect(whole(v6.replace(/\npackages:\n/, '\npackages:\n  odd:\n\t- tab\n'))).toHaveProperty('error');
    expect(depsOnly(v6.replace(/\npackages:\n/, '\npackages:\n  odd:\n\t- tab\n'))).toHaveProperty('error');
  });

  it('reads a text whose sections the fast reader refuses whole, as the whole graph does', () => {
    const v9 = fixture('pnpm-lock-v9.yaml');
    const anchored = v9.replace("lockfileVersion: '9.0'", "lockfileVersion: &v '9.0'");
    expect(depsOnly(anchored)).toEqual(whole(anchored));
    const repeated = `${v9}\npackages:\n  extra@1.0.0:\n    resolution: {integrity: sha512-x}\n`;
    expect(whole(repeated)).toHaveProperty('error');
    expect(depsOnly(repeated)).toEqual(whole(repeated));
  });

  it('shares a whole-graph read of a large text, and never serves one from a dependencies read', () => {
    const padding = Array.from(
      { length: 1500 },
      (_, i) => `  pad${i}@1.0.0:\n    resolution: {integrity: sha512-${'x'.repeat(40)}}\n`,
    );
    const large = (tag: string) =>
      fixture('pnpm-lock-v9.yaml').replace(
        /\npackages:\n/,
        `\npackages:\n\n${padding.join('\n')}\n# ${tag}\n`,
      );
    const projects = [{ name: 'a', dir: 'packages/a' }];
    const first = large('graph first');
    const graph = parsePnpmLock(first, projects);
    expect(parsePnpmDeps(first, projects).nodes.get('lodash@4.17.21')).toBe(
      graph.nodes.get('lodash@4.17.21'),
    );
    const second = large('deps first');
    expect(parsePnpmDeps(second, projects).nodes.get('lodash@4.17.21')!.identity).toBe('');
    expect(parsePnpmLock(second, projects).nodes.get('lodash@4.17.21')!.identity).toContain('lodash@4.17.21');
  });
});
