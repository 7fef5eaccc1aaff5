import { type Cause, dependencyCycles, expand } from '../../actions/affected/src/graph.js';
import type { Project } from '../../actions/affected/src/model.js';

const project = (name: string, links: string[]): Project => ({
  name,
  dir: name,
  ecosystem: 'js',
  manifest: `${name}/package.json`,
  links: links.map((l) => ({ name: l, kind: 'dependencies' })),
  sharedEntries: [],
});

/** The cycles by definition: projects that reach each other, grouped (quadratic, for small graphs). */
function reference(projects: Project[]): string[][] {
  const byName = new Map(projects.map((p) => [p.name, p]));
  const reach = (from: string) => {
    const seen = new Set<string>();
    const queue = [from];
    while (queue.length)
      for (const l of byName.get(queue.pop()!)!.links)
        if (byName.has(l.name) && !seen.has(l.name)) (queue.push(l.name), seen.add(l.name));
    return seen;
  };
  const reaches = new Map(projects.map((p) => [p.name, reach(p.name)]));
  const groups = new Map<string, string[]>();
  for (const p of projects) {
    const members = projects
      .filter((q) => q === p || (reaches.get(p.name)!.has(q.name) && reaches.get(q.name)!.has(p.name)))
      .map((q) => q.name)
      .sort();
    if (members.length > 1) groups.set(members.join(), members);
  }
  return [...groups.values()].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('dependencyCycles', () => {
  test('agrees with the definition on random graphs, links to unknown projects ignored', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const names = Array.from({ length: 3 + Math.floor(random() * 25) }, (_, i) => `p${i}`);
      const projects = names.map((name) =>
        project(
          name,
          Array.from({ length: Math.floor(random() * 3) }, () =>
            random() < 0.1 ? 'outside' : names[Math.floor(random() * names.length)]!,
          ),
        ),
      );
      expect(dependencyCycles(projects)).toEqual(reference(projects));
    }
  });

  test('a chain of 100,000 projects closed into one cycle does not overflow the stack', () => {
    const n = 100_000;
    const projects = Array.from({ length: n }, (_, i) => project(`p${i}`, [`p${(i + 1) % n}`]));
    const cycles = dependencyCycles(projects);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
  });
});

/** The walks by definition, on string-keyed maps: breadth first, each project's cause from the first to reach it. */
function referenceExpand(
  projects: Project[],
  seeds: Map<string, string[]>,
  cycles: string[][],
  options: { dependents: boolean; dependencies: boolean },
): Map<string, Cause> {
  const affected = new Map<string, Cause>();
  for (const [name, reasons] of seeds) affected.set(name, { kind: 'changed', reasons });
  for (const seed of seeds.keys())
    for (const member of cycles.find((c) => c.includes(seed)) ?? [])
      if (!affected.has(member)) affected.set(member, { kind: 'cycle', via: seed, seed, steps: 1 });
  const walk = (next: (name: string) => string[], kind: 'dependent' | 'dependency') => {
    const queue = [...affected.keys()];
    for (let i = 0; i < queue.length; i++) {
      const cause = affected.get(queue[i]!)!;
      const seed = cause.kind === 'changed' ? queue[i]! : cause.seed;
      const steps = cause.kind === 'changed' ? 1 : cause.steps + 1;
      for (const neighbour of next(queue[i]!))
        if (!affected.has(neighbour)) {
          affected.set(neighbour, { kind, via: queue[i]!, seed, steps });
          queue.push(neighbour);
        }
    }
  };
  const dependentsOf = (name: string) =>
    projects
      .filter((p) => p.links.some((l) => l.name === name))
      .flatMap((p) => p.links.filter((l) => l.name === name).map(() => p.name));
  const linksOf = (name: string) =>
    projects.filter((p) => p.name === name).flatMap((p) => p.links.map((l) => l.name));
  if (options.dependents) walk(dependentsOf, 'dependent');
  if (options.dependencies) walk(linksOf, 'dependency');
  return affected;
}

describe('expand', () => {
  test('agrees with the definition on random graphs, in both directions, links to unknown names kept', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const count = 1 + Math.floor(random() * 12);
      const names = Array.from({ length: count }, (_, i) => `p${i}`);
      const targets = [...names, 'ghost', 'other'];
      const projects = names.map((name) =>
        project(
          name,
          Array.from(
            { length: Math.floor(random() * 4) },
            () => targets[Math.floor(random() * targets.length)]!,
          ),
        ),
      );
      const seeds = new Map<string, string[]>();
      for (const name of targets) if (random() < 0.2) seeds.set(name, [`changed ${name}`]);
      const cycles = dependencyCycles(projects);
      const options = { dependents: random() < 0.8, dependencies: random() < 0.5 };
      const got = expand(projects, seeds, cycles, options);
      expect([...got]).toEqual([...referenceExpand(projects, seeds, cycles, options)]);
    }
  });
});
