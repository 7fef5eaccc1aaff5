import fc from 'fast-check';
import { addLockfileLinks } from '../../actions/affected/src/lockfile-links.js';
import type { Project, Workspace } from '../../actions/affected/src/model.js';

/**
 * Random pnpm 9 lockfiles where external packages depend on each other (cycles allowed) and on
 * workspace packages through `link:` (a peer overridden to the workspace one). The links found are
 * checked, in order, against the definition: a breadth-first walk from each project through every
 * external package it reaches, a linked workspace package ending the walk.
 */
interface Model {
  /** Per project (folder packages/p<i>): the external packages it depends on. */
  projects: number[][];
  /** Per external package e<i>: its external dependencies and the projects it links to. */
  externals: Array<{ deps: number[]; links: number[] }>;
}

const modelArbitrary: fc.Arbitrary<Model> = fc
  .record({ projectCount: fc.integer({ min: 1, max: 5 }), externalCount: fc.integer({ min: 1, max: 9 }) })
  .chain(({ projectCount, externalCount }) => {
    const externals = Array.from({ length: externalCount }, (_, i) => i);
    const projects = Array.from({ length: projectCount }, (_, i) => i);
    return fc.record({
      projects: fc.tuple(...projects.map(() => fc.subarray(externals))),
      externals: fc.tuple(
        ...externals.map(() =>
          fc.record({
            deps: fc.subarray(externals),
            links: fc.oneof(
              fc.constant<number[]>([]),
              fc.subarray(projects, { maxLength: Math.min(2, projectCount) }),
            ),
          }),
        ),
      ),
    });
  });

function render(model: Model): string {
  const lines = ["lockfileVersion: '9.0'", '', 'importers:', ''];
  model.projects.forEach((deps, i) => {
    lines.push(`  packages/p${i}:`);
    if (deps.length) lines.push('    dependencies:');
    for (const e of deps) lines.push(`      e${e}:`, '        specifier: ^1.0.0', '        version: 1.0.0');
  });
  lines.push('', 'packages:', '');
  model.externals.forEach((_, i) =>
    lines.push(`  e${i}@1.0.0:`, `    resolution: {integrity: sha512-e${i}}`),
  );
  lines.push('', 'snapshots:', '');
  model.externals.forEach(({ deps, links }, i) => {
    if (!deps.length && !links.length) return lines.push(`  e${i}@1.0.0: {}`);
    lines.push(`  e${i}@1.0.0:`, '    dependencies:');
    for (const e of deps) lines.push(`      e${e}: 1.0.0`);
    for (const p of links) lines.push(`      p${p}: link:packages/p${p}`);
  });
  return `${lines.join('\n')}\n`;
}

function workspaceOf(model: Model): Workspace {
  const projects: Project[] = model.projects.map((_, i) => ({
    name: `p${i}`,
    dir: `packages/p${i}`,
    ecosystem: 'js',
    manifest: `packages/p${i}/package.json`,
    links: [],
    sharedEntries: [],
  }));
  return {
    projects,
    byName: new Map(projects.map((p) => [p.name, p])),
    structureFiles: new Set(),
  } as Workspace;
}

/** The definition: each project's linked workspace packages, in breadth-first order of discovery. */
function expectedLinks(model: Model): string[][] {
  return model.projects.map((deps, self) => {
    const found: string[] = [];
    const seen = new Set<number>(deps);
    const queue = [...deps];
    for (let i = 0; i < queue.length; i++) {
      const { deps: next, links } = model.externals[queue[i]!]!;
      // The rendered snapshot lists externals first, then links: the walk meets them in that order.
      for (const e of next) if (!seen.has(e)) (seen.add(e), queue.push(e));
      for (const p of links) if (p !== self && !found.includes(`p${p}`)) found.push(`p${p}`);
    }
    return found;
  });
}

describe('addLockfileLinks', () => {
  it('finds the workspace packages each project reaches through external packages, in order', () => {
    fc.assert(
      fc.property(modelArbitrary, (model) => {
        const workspace = workspaceOf(model);
        addLockfileLinks(workspace, 'pnpm-lock.yaml', render(model));
        expect(workspace.projects.map((p) => p.links.map((l) => l.name))).toEqual(expectedLinks(model));
      }),
      { numRuns: 400 },
    );
  });
});
