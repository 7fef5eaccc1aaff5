import type { Project } from './model.js';

/**
 * Why a project is affected: directly (a seed), through a neighbour in the graph, or as a member of a
 * dependency cycle holding a seed. `via` is the next project on one shortest path back to `seed`,
 * `steps` that path's length: enough to explain the project in constant space.
 */
export type Cause =
  | { kind: 'changed'; reasons: string[] }
  | { kind: 'dependent' | 'dependency' | 'cycle'; via: string; seed: string; steps: number };

/**
 * The dependency cycles of the graph: strongly connected components of more than one project
 * (Tarjan's algorithm, iterative so long chains do not overflow the stack, linear in projects + links).
 * Projects are numbered and links kept in typed arrays, so 50,000 projects cost no string-keyed map
 * per step. Members are sorted by name and cycles by their first member, so the answer does not
 * depend on the order manifests were read in.
 */
export function dependencyCycles(projects: readonly Project[]): string[][] {
  const count = projects.length;
  const id = new Map<string, number>();
  projects.forEach((p, i) => id.set(p.name, i));
  // Links as one array of target ids, each project's slice from first[i] to first[i + 1].
  const first = new Int32Array(count + 1);
  const targets: number[] = [];
  projects.forEach((p, i) => {
    first[i] = targets.length;
    for (const link of p.links) {
      const target = id.get(link.name);
      if (target !== undefined) targets.push(target);
    }
  });
  first[count] = targets.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const next = new Int32Array(count); // each frame's position in its links
  const stack: number[] = [];
  const frames: number[] = [];
  const cycles: string[][] = [];
  let visited = 0;
  const enter = (v: number) => {
    index[v] = low[v] = visited++;
    next[v] = first[v]!;
    stack.push(v);
    onStack[v] = 1;
    frames.push(v);
  };
  for (let start = 0; start < count; start++) {
    if (index[start] !== -1) continue;
    enter(start);
    while (frames.length) {
      const v = frames[frames.length - 1]!;
      if (next[v]! < first[v + 1]!) {
        const w = targets[next[v]!++]!;
        if (index[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      frames.pop();
      if (frames.length) {
        const parent = frames[frames.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] !== index[v]) continue;
      const component: string[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(projects[member]!.name);
      } while (member !== v);
      if (component.length > 1) cycles.push(component.sort(compareNames));
    }
  }
  return cycles.sort((a, b) => compareNames(a[0]!, b[0]!));
}

const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Adds to the seeds every member of a cycle holding one (a cycle builds as one unit), every
 * transitive dependent and, when asked, every transitive dependency, recording the neighbour that
 * brought each one in. Breadth first, so the recorded path is a shortest one.
 */
export function expand(
  projects: readonly Project[],
  seeds: ReadonlyMap<string, string[]>,
  cycles: readonly string[][],
  options: { dependents: boolean; dependencies: boolean },
): Map<string, Cause> {
  const affected = new Map<string, Cause>();
  for (const [name, reasons] of seeds) affected.set(name, { kind: 'changed', reasons });
  const cycleOf = new Map<string, string[]>();
  for (const cycle of cycles) for (const name of cycle) cycleOf.set(name, cycle);
  for (const seed of seeds.keys())
    for (const member of cycleOf.get(seed) ?? [])
      if (!affected.has(member)) affected.set(member, { kind: 'cycle', via: seed, seed, steps: 1 });

  const dependents = new Map<string, string[]>();
  for (const project of projects)
    for (const link of project.links) {
      const list = dependents.get(link.name);
      if (list) list.push(project.name);
      else dependents.set(link.name, [project.name]);
    }
  const walk = (next: (name: string) => readonly string[], kind: 'dependent' | 'dependency') => {
    const queue = [...affected.keys()];
    for (let i = 0; i < queue.length; i++) {
      const from = queue[i]!;
      const cause = affected.get(from)!;
      const seed = cause.kind === 'changed' ? from : cause.seed;
      const steps = cause.kind === 'changed' ? 1 : cause.steps + 1;
      for (const neighbour of next(from)) {
        if (affected.has(neighbour)) continue;
        affected.set(neighbour, { kind, via: from, seed, steps });
        queue.push(neighbour);
      }
    }
  };
  const byName = new Map(projects.map((p) => [p.name, p]));
  if (options.dependents) walk((name) => dependents.get(name) ?? [], 'dependent');
  if (options.dependencies) walk((name) => (byName.get(name)?.links ?? []).map((l) => l.name), 'dependency');
  return affected;
}

/**
 * One line saying why, of bounded length whatever the depth: `changed packages/a/x.ts`,
 * `depends on b (changed)`, `depends on c → b (changed)`, `depends on d → … → a (changed, 5 links)`,
 * `dependency of c`, `in a dependency cycle with a (changed)`. Each project names its next hop, so
 * the whole path can be followed through the other projects' reasons.
 */
export function describeCause(affected: ReadonlyMap<string, Cause>, name: string): string {
  const cause = affected.get(name);
  if (!cause) return '';
  if (cause.kind === 'changed') {
    const [first, ...rest] = cause.reasons;
    return rest.length ? `${first} and ${rest.length} more` : (first ?? 'changed');
  }
  const tail = affected.get(cause.seed)?.kind === 'changed' ? 'changed' : 'affected';
  if (cause.kind === 'cycle') return `in a dependency cycle with ${cause.seed} (${tail})`;
  if (cause.kind === 'dependency') return `dependency of ${cause.via}`;
  if (cause.steps === 1) return `depends on ${cause.via} (${tail})`;
  if (cause.steps === 2) return `depends on ${cause.via} → ${cause.seed} (${tail})`;
  return `depends on ${cause.via} → … → ${cause.seed} (${tail}, ${cause.steps} links)`;
}
