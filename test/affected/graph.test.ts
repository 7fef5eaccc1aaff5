import { dependencyCycles } from '../../actions/affected/src/graph.js';
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
