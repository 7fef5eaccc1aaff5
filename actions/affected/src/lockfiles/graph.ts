/**
 * The resolved dependency graph every lockfile format is read into, and the comparison of two of them.
 *
 * A project's closure is compared structurally ("Merkle" classes): two nodes get the same class exactly
 * when their identities match and their dependencies have the same classes. Cycles (common in npm
 * graphs) are handled by giving every strongly connected component one class. Classes are interned in
 * a table shared by both graphs, so comparing a project before and after is one integer comparison, and
 * each node is visited once per graph however many projects reach it. Members of a component share
 * its signature plus their own identity.
 */

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

/** Adds a leaf for a dependency the lockfile does not resolve, so a change of its spec still counts. */
export function unresolved(graph: ResolvedGraph, name: string, spec: string): string {
  const key = `\0unresolved ${name}@${spec}`;
  if (!graph.nodes.has(key)) {
    graph.nodes.set(key, { name, version: spec, identity: `unresolved ${name}@${spec}`, deps: [] });
  }
  return key;
}

const EMPTY_CLASS = 0;

/**
 * Class of every node reachable from a root (iterative Tarjan: deep graphs must not overflow the stack).
 * Components are completed sinks first, so a component's dependencies already have classes.
 */
function closureClasses(graph: ResolvedGraph, intern: Map<string, number>): Map<string, number> {
  const classes = new Map<string, number>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  let counter = 0;

  const classOf = (signature: string): number => {
    let id = intern.get(signature);
    if (id === undefined) intern.set(signature, (id = intern.size + 1));
    return id;
  };

  const finishComponent = (rootKey: string): void => {
    const members: string[] = [];
    let key: string;
    do {
      key = stack.pop()!;
      onStack.delete(key);
      members.push(key);
    } while (key !== rootKey);
    const inside = new Set(members);
    const signatures = members.map((member) => {
      const node = graph.nodes.get(member)!;
      const parts = new Set<string>();
      for (const dep of node.deps) {
        if (!graph.nodes.has(dep)) continue;
        parts.add(inside.has(dep) ? `~${graph.nodes.get(dep)!.identity}` : String(classes.get(dep)));
      }
      return `${node.identity}\u0001${[...parts].sort().join('\u0002')}`;
    });
    const component = classOf(signatures.sort().join('\u0003'));
    // Members share the component but stay distinct: depending on e3 or on e4 of a cycle differs.
    for (const member of members)
      classes.set(member, classOf(`${component}#${graph.nodes.get(member)!.identity}`));
  };

  // Each frame: a node and the position of the next dependency to visit.
  for (const start of graph.roots.values()) {
    if (index.has(start) || !graph.nodes.has(start)) continue;
    const frames: Array<{ key: string; next: number }> = [];
    const enter = (key: string): void => {
      index.set(key, counter);
      low.set(key, counter++);
      stack.push(key);
      onStack.add(key);
      frames.push({ key, next: 0 });
    };
    enter(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const deps = graph.nodes.get(frame.key)!.deps;
      if (frame.next < deps.length) {
        const dep = deps[frame.next++]!;
        if (!graph.nodes.has(dep)) continue;
        if (!index.has(dep)) enter(dep);
        else if (onStack.has(dep)) low.set(frame.key, Math.min(low.get(frame.key)!, index.get(dep)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.key, Math.min(low.get(parent.key)!, low.get(frame.key)!));
      if (low.get(frame.key) === index.get(frame.key)) finishComponent(frame.key);
    }
  }
  return classes;
}

/** Each node's own part of the comparison: its identity and the identities it depends on. */
function localSignatures(graph: ResolvedGraph): Map<string, string> {
  const signatures = new Map<string, string>();
  for (const [key, node] of graph.nodes) {
    const deps = new Set<string>();
    for (const dep of node.deps) {
      const target = graph.nodes.get(dep);
      if (target) deps.add(target.identity);
    }
    signatures.set(key, `${node.identity}\u0001${[...deps].sort().join('\u0002')}`);
  }
  return signatures;
}

/**
 * For every node that reaches a changed node, the nearest changed node. Packages whose identity is new
 * or gone are preferred over packages that only depend on something else now, because "lodash 4.17.20
 * -> 4.17.21" explains more than "dependencies of app changed".
 */
function nearestChanges(
  graph: ResolvedGraph,
  signatures: Map<string, string>,
  other: ResolvedGraph,
  otherSignatures: Set<string>,
): Map<string, string> {
  const otherIdentities = new Set<string>();
  for (const node of other.nodes.values()) otherIdentities.add(node.identity);
  const dependents = new Map<string, string[]>();
  const newIdentity: string[] = [];
  const newEdges: string[] = [];
  for (const [key, node] of graph.nodes) {
    for (const dep of node.deps) {
      const list = dependents.get(dep);
      if (list) list.push(key);
      else dependents.set(dep, [key]);
    }
    if (!otherIdentities.has(node.identity)) newIdentity.push(key);
    else if (!otherSignatures.has(signatures.get(key)!)) newEdges.push(key);
  }
  const cause = new Map<string, string>();
  for (const sources of [newIdentity, newEdges]) {
    const queue: string[] = [];
    for (const key of sources) {
      if (cause.has(key)) continue;
      cause.set(key, key);
      queue.push(key);
    }
    for (let i = 0; i < queue.length; i++) {
      const key = queue[i]!;
      for (const dependent of dependents.get(key) ?? []) {
        if (cause.has(dependent)) continue;
        cause.set(dependent, cause.get(key)!);
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

function describe(
  name: string,
  before: Set<string> | undefined,
  after: Set<string> | undefined,
  version: string,
): string {
  const removed = [...(before ?? [])].filter((v) => !after?.has(v));
  const added = [...(after ?? [])].filter((v) => !before?.has(v));
  if (removed.length > 0 && added.length > 0)
    return `lockfile: ${name} ${removed.join(', ')} -> ${added.join(', ')}`;
  if (added.length > 0) return `lockfile: added ${name} ${added.join(', ')}`;
  if (removed.length > 0) return `lockfile: removed ${name} ${removed.join(', ')}`;
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
  const beforeClasses = closureClasses(before, intern);
  const afterClasses = closureClasses(after, intern);
  const classIn = (graph: ResolvedGraph, classes: Map<string, number>, project: string): number => {
    const root = graph.roots.get(project);
    return root === undefined ? EMPTY_CLASS : (classes.get(root) ?? EMPTY_CLASS);
  };

  const changed: string[] = [];
  for (const project of projectNames) {
    if (classIn(before, beforeClasses, project) !== classIn(after, afterClasses, project))
      changed.push(project);
  }
  const affected = new Map<string, string>();
  if (changed.length === 0) return affected;

  const beforeSignatures = localSignatures(before);
  const afterSignatures = localSignatures(after);
  const afterCauses = nearestChanges(after, afterSignatures, before, new Set(beforeSignatures.values()));
  const beforeCauses = nearestChanges(before, beforeSignatures, after, new Set(afterSignatures.values()));
  const beforeVersions = versionsByName(before);
  const afterVersions = versionsByName(after);
  for (const project of changed) {
    const afterRoot = after.roots.get(project);
    const beforeRoot = before.roots.get(project);
    const afterCause = afterRoot === undefined ? undefined : afterCauses.get(afterRoot);
    const beforeCause = beforeRoot === undefined ? undefined : beforeCauses.get(beforeRoot);
    const node = afterCause !== undefined ? after.nodes.get(afterCause) : before.nodes.get(beforeCause ?? '');
    if (afterRoot === undefined) affected.set(project, 'lockfile: no longer lists this project');
    else if (beforeRoot === undefined) affected.set(project, 'lockfile: newly lists this project');
    else if (node === undefined) affected.set(project, 'lockfile: resolved dependencies changed');
    else {
      const reason = describe(
        node.name,
        beforeVersions.get(node.name),
        afterVersions.get(node.name),
        node.version,
      );
      affected.set(project, reason);
    }
  }
  return affected;
}
