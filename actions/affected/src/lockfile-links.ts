// Workspace links that only the pnpm lockfile shows: an external package whose peer is a workspace
// package (pnpm `overrides: {vite: 'workspace:*'}` makes `@vitejs/plugin-vue@6(vite@packages+vite)` link
// `vite: link:packages/vite`). The project installing that package builds with the workspace one, so
// it is a dependent of it, although its package.json does not name it.
import type { ResolvedGraph } from './lockfiles/graph.js';
import { LINKED_PREFIX, parsePnpmDeps, parsePnpmLock } from './lockfiles/pnpm.js';
import { type Workspace, dirOf, isInside, relativeTo } from './model.js';

/** True when a pnpm lockfile may hold such links (a `link:` among the packages), without parsing it. */
export function mayLinkThroughPackages(text: string): boolean {
  const section = Math.max(text.lastIndexOf('\nsnapshots:'), text.lastIndexOf('\npackages:'));
  return section >= 0 && text.includes(' link:', section);
}

/**
 * Adds to `workspace` a `lockfile` link from each JS project to every workspace project it reaches
 * through external packages of the pnpm lockfile at `path` (the lockfile's own links to importers,
 * which its package.json declares, are edges already). Returns how many links it added. `diffed`: the
 * lockfile's diff reads its whole graph too, so the links are taken from that one read; otherwise
 * only the dependencies are read.
 */
export function addLockfileLinks(workspace: Workspace, path: string, text: string, diffed = false): number {
  const folder = dirOf(path);
  const projects = workspace.projects.filter((p) => p.ecosystem === 'js' && isInside(p.dir, folder));
  const local = projects.map((p) => ({ name: p.name, dir: relativeTo(p.dir, folder) }));
  const graph = (diffed ? parsePnpmLock : parsePnpmDeps)(text, local);
  const nameByKey = new Map<string, string>();
  for (const project of local) nameByKey.set(`${LINKED_PREFIX}${project.dir || '.'}`, project.name);
  const reaching = packagesReaching(graph, nameByKey);
  let added = 0;
  for (const project of projects) {
    const root = graph.roots.get(project.name);
    if (root === undefined) continue;
    // Breadth first through external packages only: a linked importer ends the walk (its own
    // dependencies are its business, and the project graph carries them). Packages that reach no
    // linked importer are left out: they find nothing and change nobody's order of discovery.
    const seen = new Set<string>(graph.nodes.get(root)?.deps.filter((key) => reaching.has(key)));
    const queue = [...seen];
    for (let i = 0; i < queue.length; i++) {
      for (const key of graph.nodes.get(queue[i]!)!.deps) {
        if (seen.has(key)) continue;
        const target = nameByKey.get(key);
        if (target === undefined) {
          if (reaching.has(key)) {
            seen.add(key);
            queue.push(key);
          }
          continue;
        }
        seen.add(key);
        if (target !== project.name && !project.links.some((l) => l.name === target)) {
          project.links.push({ name: target, kind: 'lockfile peer link' });
          added++;
        }
      }
    }
  }
  return added;
}

/**
 * The packages (nodes other than the projects' linked importers) from which a linked importer is
 * reachable through other such packages: one backward walk over the lockfile instead of a walk of
 * every package closure per project.
 */
function packagesReaching(graph: ResolvedGraph, linked: ReadonlyMap<string, string>): Set<string> {
  const dependents = new Map<string, string[]>();
  const reaching = new Set<string>();
  for (const [key, node] of graph.nodes) {
    if (linked.has(key)) continue;
    for (const dep of node.deps) {
      if (linked.has(dep)) reaching.add(key);
      else {
        const list = dependents.get(dep);
        if (list) list.push(key);
        else dependents.set(dep, [key]);
      }
    }
  }
  const queue = [...reaching];
  for (let i = 0; i < queue.length; i++) {
    for (const dependent of dependents.get(queue[i]!) ?? []) {
      if (reaching.has(dependent)) continue;
      reaching.add(dependent);
      queue.push(dependent);
    }
  }
  return reaching;
}
