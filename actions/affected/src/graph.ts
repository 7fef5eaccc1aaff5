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
    for (let k = 0; k < p.links.length; k++) {
      const target = id.get(p.links[k]!.name);
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
      if (stack[stack.length - 1] === v) {
        // A component of one project, nearly every one: no cycle, and no list to build for it.
        stack.pop();
        onStack[v] = 0;
        continue;
      }
      const component: string[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(projects[member]!.name);
      } while (member !== v);
      cycles.push(component.sort(compareNames));
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

  // Projects numbered (then any other name a link points at), links as slices of typed arrays both
  // ways: the walks touch no string-keyed map per step.
  const names = projects.map((p) => p.name);
  const id = new Map<string, number>();
  names.forEach((name, i) => id.set(name, i));
  const linkCount = projects.reduce((sum, p) => sum + p.links.length, 0);
  const dependsOn = new Int32Array(linkCount); // project i's targets: dependsOn[out[i]..out[i + 1]]
  let out = new Int32Array(projects.length + 1);
  let at = 0;
  for (let i = 0; i < projects.length; i++) {
    const links = projects[i]!.links;
    out[i] = at;
    for (let k = 0; k < links.length; k++) {
      let target = id.get(links[k]!.name);
      if (target === undefined) id.set(links[k]!.name, (target = names.push(links[k]!.name) - 1));
      dependsOn[at++] = target;
    }
  }
  out[projects.length] = at;
  const count = names.length;
  if (count > projects.length) {
    // Names no project has: nodes without links of their own.
    const grown = new Int32Array(count + 1).fill(at);
    grown.set(out);
    out = grown;
  }
  const into = new Int32Array(count + 1); // target t's dependents: dependedOnBy[into[t]..into[t + 1]]
  for (let k = 0; k < linkCount; k++) into[dependsOn[k]! + 1]!++;
  const dependedOnBy = new Int32Array(linkCount); // in project order
  for (let t = 0; t < count; t++) into[t + 1]! += into[t]!;
  const filled = into.slice(0, count);
  for (let i = 0; i < projects.length; i++)
    for (let k = out[i]!; k < out[i + 1]!; k++) dependedOnBy[filled[dependsOn[k]!]!++] = i;

  const reached = new Uint8Array(count);
  for (const name of affected.keys()) {
    const i = id.get(name);
    if (i !== undefined) reached[i] = 1;
  }
  const walk = (first: Int32Array, next: Int32Array, kind: 'dependent' | 'dependency') => {
    const queue: number[] = [];
    for (const name of affected.keys()) {
      const i = id.get(name);
      if (i !== undefined) queue.push(i);
    }
    for (let q = 0; q < queue.length; q++) {
      const from = queue[q]!;
      const cause = affected.get(names[from]!)!;
      const seed = cause.kind === 'changed' ? names[from]! : cause.seed;
      const steps = cause.kind === 'changed' ? 1 : cause.steps + 1;
      for (let k = first[from]!; k < first[from + 1]!; k++) {
        const neighbour = next[k]!;
        if (reached[neighbour]) continue;
        reached[neighbour] = 1;
        affected.set(names[neighbour]!, { kind, via: names[from]!, seed, steps });
        queue.push(neighbour);
      }
    }
  };
  if (options.dependents) walk(into, dependedOnBy, 'dependent');
  if (options.dependencies) walk(out, dependsOn, 'dependency');
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
