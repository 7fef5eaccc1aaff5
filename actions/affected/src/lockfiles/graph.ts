/**
 * The resolved dependency graph every lockfile format is read into, and the comparison of two of them.
 *
 * A project's closure is compared structurally ("Merkle" classes): two nodes get the same class exactly
 * when their identities match and their dependencies have the same classes. Cycles (common in npm
 * graphs) are handled per strongly connected component: its members' classes are the component's
 * signature plus their own identity. Classes are interned in a table shared by both graphs, so comparing
 * a project before and after is one integer comparison, and each node is visited once per graph however
 * many projects reach it.
 */
import { truncate } from '../../../../shared/neutralise.js';

/** One resolved package (or workspace project) in a lockfile. */
export interface PackageNode {
  /** Package name, for reasons. */
  name: string;
  /** Resolved version, for reasons. */
  version: string;
  /** Everything that pins this package: version, resolution, integrity. Not where it is installed. */
  identity: string;
  /** Keys of the nodes this one resolves its dependencies to (workspace links already followed). */
  deps: string[];
}

export interface ResolvedGraph {
  nodes: Map<string, PackageNode>;
  /** Project name -> key of the node that stands for the project. Absent: the lockfile does not list it. */
  roots: Map<string, string>;
}

/** A problem with the lockfile text; `diffLockfile` turns it into an `unreadable` result. */
export class LockfileError extends Error {}

export function emptyGraph(): ResolvedGraph {
  return { nodes: new Map(), roots: new Map() };
}

/** Key prefix of the leaves `unresolved` adds. */
export const UNRESOLVED_PREFIX = '\0unresolved ';

/** Adds a leaf for a dependency the lockfile does not resolve, so a change of its spec still counts. */
export function unresolved(graph: ResolvedGraph, name: string, spec: string): string {
  const key = `${UNRESOLVED_PREFIX}${name}@${spec}`;
  if (!graph.nodes.has(key)) {
    graph.nodes.set(key, { name, version: spec, identity: `unresolved ${name}@${spec}`, deps: [] });
  }
  return key;
}

const EMPTY_CLASS = 0;
const UNREACHED = -1;

/** The graph on integer indices: the walks below run on arrays, not string-keyed maps. */
interface Indexed {
  keys: string[];
  index: Map<string, number>;
  identities: string[];
  deps: number[][];
  /** Each node's own list of dependency keys (the same list in two graphs: the same dependencies). */
  lists: string[][];
}

function indexGraph(graph: ResolvedGraph): Indexed {
  const keys = [...graph.nodes.keys()];
  const index = new Map(keys.map((key, i) => [key, i]));
  const identities: string[] = [];
  const deps: number[][] = [];
  const lists: string[][] = [];
  for (const node of graph.nodes.values()) {
    identities.push(node.identity);
    lists.push(node.deps);
    const targets: number[] = [];
    for (const dep of node.deps) {
      const target = index.get(dep);
      if (target !== undefined) targets.push(target);
    }
    deps.push(targets);
  }
  return { keys, index, identities, deps, lists };
}

/**
 * Class of every node reachable from the roots (iterative Tarjan: deep graphs must not overflow the
 * stack). Components complete sinks first, so a component's dependencies already have classes.
 * `known`: the other graph, its classes computed with the same `intern`. A component whose nodes it
 * holds under the same keys, with the same identities and the very same dependency lists (a lockfile
 * read beside the other shares them, lockfiles/pnpm.ts), whose other dependencies took their classes
 * from it too, reaches the same nodes there: it takes its classes from there, the ones it would get.
 */
function closureClasses(
  graph: Indexed,
  roots: Iterable<string>,
  intern: Map<string, number>,
  known?: { indexed: Indexed; classes: Int32Array },
): Int32Array {
  const count = graph.keys.length;
  const taken = new Uint8Array(count);
  /** The class `node` has in `known` when it is the same node there, else UNREACHED. */
  const knownClass = (node: number): number => {
    const there = known?.indexed.index.get(graph.keys[node]!);
    if (there === undefined) return UNREACHED;
    const other = known!.indexed;
    const same =
      other.lists[there] === graph.lists[node] &&
      other.identities[there] === graph.identities[node] &&
      other.deps[there]!.length === other.lists[there]!.length &&
      graph.deps[node]!.length === graph.lists[node]!.length;
    return same ? known!.classes[there]! : UNREACHED;
  };
  const classes = new Int32Array(count).fill(UNREACHED);
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const frames: number[] = [];
  const nextDep = new Int32Array(count);
  let counter = 0;

  const classOf = (signature: string): number => {
    let id = intern.get(signature);
    if (id === undefined) intern.set(signature, (id = intern.size + 1));
    return id;
  };
  const childClasses = (node: number, inside?: Set<number>): string => {
    const parts = new Set<string>();
    for (const dep of graph.deps[node]!) {
      parts.add(inside?.has(dep) ? `~${graph.identities[dep]}` : String(classes[dep]));
    }
    return [...parts].sort().join('\u0002');
  };
  const finishComponent = (root: number): void => {
    if (stack[stack.length - 1] === root && !graph.deps[root]!.includes(root)) {
      stack.pop();
      onStack[root] = 0;
      const there = known ? knownClass(root) : UNREACHED;
      if (there !== UNREACHED && graph.deps[root]!.every((dep) => taken[dep])) {
        classes[root] = there;
        taken[root] = 1;
      } else classes[root] = classOf(`${graph.identities[root]}\u0001${childClasses(root)}`);
      return;
    }
    const members: number[] = [];
    let node: number;
    do {
      node = stack.pop()!;
      onStack[node] = 0;
      members.push(node);
    } while (node !== root);
    const inside = new Set(members);
    if (known) {
      const there = members.map(knownClass);
      if (
        there.every((c) => c !== UNREACHED) &&
        members.every((member) => graph.deps[member]!.every((dep) => inside.has(dep) || taken[dep]))
      ) {
        members.forEach((member, i) => {
          classes[member] = there[i]!;
          taken[member] = 1;
        });
        return;
      }
    }
    const signatures = members.map(
      (member) => `${graph.identities[member]}\u0001${childClasses(member, inside)}`,
    );
    const component = classOf(signatures.sort().join('\u0003'));
    // Members share the component but stay distinct: depending on e3 or on e4 of a cycle differs.
    for (const member of members) classes[member] = classOf(`${component}#${graph.identities[member]}`);
  };
  const enter = (node: number): void => {
    order[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = 1;
    frames.push(node);
  };

  for (const rootKey of roots) {
    const start = graph.index.get(rootKey);
    if (start === undefined || order[start] !== -1) continue;
    enter(start);
    while (frames.length > 0) {
      const node = frames[frames.length - 1]!;
      const deps = graph.deps[node]!;
      if (nextDep[node]! < deps.length) {
        const dep = deps[nextDep[node]!++]!;
        if (order[dep] === -1) enter(dep);
        else if (onStack[dep]) low[node] = Math.min(low[node]!, order[dep]!);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[node]!);
      if (low[node] === order[node]) finishComponent(node);
    }
  }
  return classes;
}

/**
 * For every reached node whose closure changed, the nearest node where the change happened: a node
 * whose class is new while all its dependencies' classes are not (a new version, or a new edge).
 * Nodes with a new identity are preferred, because "lodash 4.17.20 -> 4.17.21" explains more than
 * "dependencies of app changed".
 */
function nearestChanges(
  graph: Indexed,
  classes: Int32Array,
  otherClasses: Set<number>,
  otherIdentities: Set<string>,
): Int32Array {
  const count = graph.keys.length;
  const dependents: number[][] = Array.from({ length: count }, () => []);
  const newIdentity: number[] = [];
  const newEdges: number[] = [];
  for (let node = 0; node < count; node++) {
    if (classes[node] === UNREACHED || otherClasses.has(classes[node]!)) continue;
    let frontier = true;
    for (const dep of graph.deps[node]!) {
      dependents[dep]!.push(node);
      if (!otherClasses.has(classes[dep]!)) frontier = false;
    }
    if (!otherIdentities.has(graph.identities[node]!)) newIdentity.push(node);
    else if (frontier) newEdges.push(node);
  }
  const cause = new Int32Array(count).fill(-1);
  for (const sources of [newIdentity, newEdges]) {
    const queue: number[] = [];
    for (const node of sources) {
      if (cause[node] !== -1) continue;
      cause[node] = node;
      queue.push(node);
    }
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]!;
      for (const dependent of dependents[node]!) {
        if (cause[dependent] !== -1) continue;
        cause[dependent] = cause[node]!;
        queue.push(dependent);
      }
    }
  }
  return cause;
}

function versionsByName(graph: ResolvedGraph): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const node of graph.nodes.values()) {
    const set = byName.get(node.name);
    if (set) set.add(node.version);
    else byName.set(node.name, new Set([node.version]));
  }
  return byName;
}

/** Reasons are single lines of bounded length: names and versions come from the (untrusted) lockfile. */
export function oneLine(text: string): string {
  return truncate(text.replace(/[\u0000-\u001f\u007f]+/g, ' '), 300);
}

function listed(versions: string[]): string {
  return versions.length <= 3
    ? versions.join(', ')
    : `${versions.slice(0, 3).join(', ')} and ${versions.length - 3} more`;
}

function describe(
  name: string,
  before: Set<string> | undefined,
  after: Set<string> | undefined,
  version: string,
): string {
  const removed = [...(before ?? [])].filter((v) => !after?.has(v));
  const added = [...(after ?? [])].filter((v) => !before?.has(v));
  if (removed.length > 0 && added.length > 0)
    return `lockfile: ${name} ${listed(removed)} -> ${listed(added)}`;
  if (added.length > 0) return `lockfile: added ${name} ${listed(added)}`;
  if (removed.length > 0) return `lockfile: removed ${name} ${listed(removed)}`;
  return `lockfile: ${name} ${version} resolution or dependencies changed`;
}

/**
 * Projects whose resolved closure differs between the two graphs, each with a one-line reason naming
 * the nearest changed package. A project absent from a graph has an empty closure there.
 */
export function diffGraphs(
  before: ResolvedGraph,
  after: ResolvedGraph,
  projectNames: Iterable<string>,
): Map<string, string> {
  const intern = new Map<string, number>();
  const sides: { graph: ResolvedGraph; indexed: Indexed; classes: Int32Array }[] = [];
  for (const graph of [before, after]) {
    const indexed = indexGraph(graph);
    // The second graph takes the classes of what it shares with the first (see closureClasses).
    sides.push({ graph, indexed, classes: closureClasses(indexed, graph.roots.values(), intern, sides[0]) });
  }
  const rootOf = (side: number, project: string): number | undefined => {
    const key = sides[side]!.graph.roots.get(project);
    return key === undefined ? undefined : sides[side]!.indexed.index.get(key);
  };
  const classOf = (side: number, project: string): number => {
    const root = rootOf(side, project);
    return root === undefined ? EMPTY_CLASS : sides[side]!.classes[root]!;
  };

  const changed = [...projectNames].filter((project) => classOf(0, project) !== classOf(1, project));
  const affected = new Map<string, string>();
  if (changed.length === 0) return affected;

  // Only the sides' own classes and identities are compared, so each is collected once.
  const classSets = sides.map((side) => new Set(side.classes));
  const identitySets = sides.map((side) => new Set(side.indexed.identities));
  const causes = sides.map((side, i) =>
    nearestChanges(side.indexed, side.classes, classSets[1 - i]!, identitySets[1 - i]!),
  );
  const versions = sides.map((side) => versionsByName(side.graph));
  for (const project of changed) {
    const [beforeRoot, afterRoot] = [rootOf(0, project), rootOf(1, project)];
    if (afterRoot === undefined) affected.set(project, 'lockfile: no longer lists this project');
    else if (beforeRoot === undefined) affected.set(project, 'lockfile: newly lists this project');
    else {
      const side = causes[1]![afterRoot] !== -1 ? 1 : 0;
      const cause = causes[side]![side === 1 ? afterRoot : beforeRoot]!;
      const node = cause === -1 ? undefined : sides[side]!.graph.nodes.get(sides[side]!.indexed.keys[cause]!);
      affected.set(
        project,
        node === undefined
          ? 'lockfile: resolved dependencies changed'
          : oneLine(
              describe(node.name, versions[0]!.get(node.name), versions[1]!.get(node.name), node.version),
            ),
      );
    }
  }
  return affected;
}
