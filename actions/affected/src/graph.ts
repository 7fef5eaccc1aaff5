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
 * Members are sorted by name and cycles by their first member, so the answer does not depend on the
 * order manifests were read in.
 */
export function dependencyCycles(projects: readonly Project[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const byName = new Map(projects.map((p) => [p.name, p]));
  const cycles: string[][] = [];
  for (const start of projects) {
    if (index.has(start.name)) continue;
    const frames: { name: string; next: number }[] = [{ name: start.name, next: 0 }];
    index.set(start.name, index.size);
    low.set(start.name, index.get(start.name)!);
    stack.push(start.name);
    onStack.add(start.name);
    while (frames.length) {
      const frame = frames.at(-1)!;
      const links = byName.get(frame.name)!.links;
      if (frame.next < links.length) {
        const next = links[frame.next++]!.name;
        if (!byName.has(next)) continue;
        if (!index.has(next)) {
          index.set(next, index.size);
          low.set(next, index.get(next)!);
          stack.push(next);
          onStack.add(next);
          frames.push({ name: next, next: 0 });
        } else if (onStack.has(next)) low.set(frame.name, Math.min(low.get(frame.name)!, index.get(next)!));
        continue;
      }
      frames.pop();
      const parent = frames.at(-1);
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) !== index.get(frame.name)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.name);
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
