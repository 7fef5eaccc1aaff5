import { UserError } from '../../../shared/errors.js';
import type { Project } from './model.js';

/** Why a project is affected: directly (a seed) or through a neighbour in the graph. */
export type Cause =
  | { kind: 'changed'; reasons: string[] }
  | { kind: 'dependent'; via: string }
  | { kind: 'dependency'; via: string };

/**
 * Fails with the first dependency cycle found, named by its projects and manifests: the order of
 * builds is undefined on a cycle, so a matrix built from it would be too.
 */
export function assertAcyclic(projects: readonly Project[]): void {
  const byName = new Map(projects.map((p) => [p.name, p]));
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const start of projects) {
    if (state.has(start.name)) continue;
    // Iterative depth-first search: recursion would overflow on long chains of packages.
    const stack: { name: string; next: number }[] = [{ name: start.name, next: 0 }];
    state.set(start.name, 1);
    while (stack.length) {
      const top = stack.at(-1)!;
      const links = byName.get(top.name)?.links ?? [];
      if (top.next >= links.length) {
        state.set(top.name, 2);
        stack.pop();
        continue;
      }
      const next = links[top.next++]!.name;
      if (state.get(next) === 1) {
        const cycle = [...stack.slice(stack.findIndex((s) => s.name === next)).map((s) => s.name), next];
        const manifests = [...new Set(cycle.map((n) => byName.get(n)?.manifest).filter(Boolean))];
        throw new UserError(
          `Dependency cycle: ${cycle.join(' → ')} (declared in ${manifests.join(', ')}); the build order is undefined, so remove one of these dependencies.`,
        );
      }
      if (!state.has(next) && byName.has(next)) {
        state.set(next, 1);
        stack.push({ name: next, next: 0 });
      }
    }
  }
}

/**
 * Adds to `affected` every transitive dependent (and, when asked, every transitive dependency) of
 * the projects in it, recording which neighbour brought each one in, breadth first so the recorded
 * path is a shortest one.
 */
export function expand(
  projects: readonly Project[],
  seeds: ReadonlyMap<string, string[]>,
  options: { dependents: boolean; dependencies: boolean },
): Map<string, Cause> {
  const affected = new Map<string, Cause>();
  for (const [name, reasons] of seeds) affected.set(name, { kind: 'changed', reasons });
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
      for (const neighbour of next(queue[i]!)) {
        if (affected.has(neighbour)) continue;
        affected.set(neighbour, { kind, via: queue[i]! });
        queue.push(neighbour);
      }
    }
  };
  const byName = new Map(projects.map((p) => [p.name, p]));
  if (options.dependents) walk((name) => dependents.get(name) ?? [], 'dependent');
  if (options.dependencies) walk((name) => (byName.get(name)?.links ?? []).map((l) => l.name), 'dependency');
  return affected;
}

/** The chain of projects from `name` back to the project that was changed: [name, via, ..., seed]. */
export function pathToSeed(affected: ReadonlyMap<string, Cause>, name: string): string[] {
  const path = [name];
  for (let cause = affected.get(name); cause && cause.kind !== 'changed'; cause = affected.get(cause.via)) {
    if (path.includes(cause.via)) break;
    path.push(cause.via);
  }
  return path;
}

/** One line saying why: `changed packages/a/x.ts`, `depends on b (changed)`, `depends on c → b (changed)`, `dependency of c`. */
export function describeCause(affected: ReadonlyMap<string, Cause>, name: string): string {
  const cause = affected.get(name);
  if (!cause) return '';
  if (cause.kind === 'changed') {
    const [first, ...rest] = cause.reasons;
    return rest.length ? `${first} and ${rest.length} more` : (first ?? 'changed');
  }
  const path = pathToSeed(affected, name).slice(1);
  const last = affected.get(path.at(-1)!);
  const tail = last?.kind === 'changed' ? 'changed' : 'affected';
  return cause.kind === 'dependent'
    ? `depends on ${path.join(' → ')} (${tail})`
    : `dependency of ${cause.via}`;
}
