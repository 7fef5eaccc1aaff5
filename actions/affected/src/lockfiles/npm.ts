/**
 * package-lock.json / npm-shrinkwrap.json, versions 1, 2 and 3.
 *
 * v2/v3 list every installed folder under `packages`, keyed by path (`node_modules/a/node_modules/b`);
 * a dependency resolves as Node does, from the nearest `node_modules` up the path. Workspace folders
 * are keys without `node_modules` and are linked from `node_modules/<name>` with `link: true`.
 * v1 nests the same tree under `dependencies` with `requires`; it is flattened into the same paths.
 */
import { emptyGraph, LockfileError, unresolved, type PackageNode, type ResolvedGraph } from './graph.js';
import { joinPath } from '../model.js';
import { dependencySpecs, entries, field, isRecord, text } from './read.js';
import type { LocalProject } from './types.js';

const INSTALLED_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
/** Real install trees are a few dozen levels deep; deeper ones are hostile and cost quadratic time. */
const MAX_DEPTH = 256;
const PROJECT_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
] as const;

interface Entry {
  name: string;
  data: Record<string, unknown>;
  /** Dependency name -> spec (for the v1 root: every top-level package). */
  specs: Map<string, string>;
}

export function parseNpmLock(source: string, projects: LocalProject[]): ResolvedGraph {
  const lock: unknown = JSON.parse(source);
  if (!isRecord(lock)) throw new LockfileError('not a JSON object');
  const version = field(lock, 'lockfileVersion');
  const packages = field(lock, 'packages');
  let folders: Map<string, Entry>;
  if (isRecord(packages) && (version === 2 || version === 3)) folders = readPackages(packages);
  else if (version === 1 || (version === undefined && isRecord(field(lock, 'dependencies')))) {
    folders = readV1(lock);
  } else throw new LockfileError(`unsupported lockfileVersion ${JSON.stringify(version)}`);

  const graph = emptyGraph();
  const targets = new Map<string, string>();
  const target = (path: string): string => {
    const known = targets.get(path);
    if (known !== undefined) return known;
    // Links point at another folder of the lockfile; follow them (bounded: links to links are rare).
    let resolved: string = path;
    for (let hops = 0; hops < 8; hops++) {
      const entry: Entry = folders.get(resolved)!;
      const link: string | undefined =
        field(entry.data, 'link') === true ? text(field(entry.data, 'resolved')) : undefined;
      const linked: string | undefined = link === undefined ? undefined : joinPath('', link);
      if (linked === undefined || !folders.has(linked)) break;
      resolved = linked;
    }
    targets.set(path, resolved);
    return resolved;
  };
  for (const [path, entry] of folders) {
    if (path !== target(path)) continue;
    const deps: string[] = [];
    for (const [dep, spec] of entry.specs) {
      const found = resolveFrom(folders, path, dep);
      // Not installed (an optional dependency for another platform, a peer left out): its spec still counts.
      deps.push(found === undefined ? unresolved(graph, dep, spec) : target(found));
    }
    graph.nodes.set(path, nodeFor(path, entry, deps));
  }
  for (const project of projects) {
    const key = folders.has(project.dir) ? target(project.dir) : linkedFrom(folders, project.name, target);
    if (key !== undefined) graph.roots.set(project.name, key);
  }
  return graph;
}

function nodeFor(path: string, entry: Entry, deps: string[]): PackageNode {
  const version = text(field(entry.data, 'version')) ?? '';
  const installed = path.includes('node_modules/');
  // Where a package is installed is not part of its identity: hoisting moves it without changing it.
  const identity = installed
    ? [
        `${entry.name}@${version}`,
        text(field(entry.data, 'resolved')) ?? '',
        text(field(entry.data, 'integrity')) ?? '',
      ].join(' ')
    : `workspace ${entry.name}@${version}`;
  return { name: entry.name, version, identity, deps };
}

function readPackages(packages: Record<string, unknown>): Map<string, Entry> {
  const folders = new Map<string, Entry>();
  for (const [path, data] of entries(packages)) {
    if (!isRecord(data)) continue;
    // Resolution walks up the path folder by folder: a path of thousands of folders is hostile.
    if (path.split('/').length > 4 * MAX_DEPTH) {
      throw new LockfileError(`an install path has more than ${4 * MAX_DEPTH} folders`);
    }
    const installed = path.lastIndexOf('node_modules/');
    const name =
      text(field(data, 'name')) ?? (installed >= 0 ? path.slice(installed + 'node_modules/'.length) : path);
    const fields = installed >= 0 ? INSTALLED_FIELDS : PROJECT_FIELDS;
    folders.set(path, { name, data, specs: dependencySpecs(data, fields) });
  }
  if (!folders.has('')) throw new LockfileError('`packages` has no root entry ""');
  return folders;
}

/** Flattens the v1 tree into v2 paths; `requires` are the edges. Iterative: the tree can be deep. */
function readV1(lock: Record<string, unknown>): Map<string, Entry> {
  const folders = new Map<string, Entry>();
  const rootName = text(field(lock, 'name')) ?? '';
  const top = entries(field(lock, 'dependencies'));
  // v1 does not say which packages the root itself requires: everything at the top level is installed for it.
  const rootSpecs = new Map([...top].map(([name, data]) => [name, text(field(data, 'version')) ?? '']));
  folders.set('', { name: rootName, data: lock, specs: rootSpecs });
  const pending: Array<[string, Map<string, unknown>, number]> = [['', top, 1]];
  while (pending.length > 0) {
    const [parent, children, depth] = pending.pop()!;
    if (depth > MAX_DEPTH) throw new LockfileError(`dependencies nested deeper than ${MAX_DEPTH} levels`);
    for (const [name, data] of children) {
      if (!isRecord(data)) continue;
      const path = parent === '' ? `node_modules/${name}` : `${parent}/node_modules/${name}`;
      const linkTarget = text(field(data, 'version'))?.match(/^file:(.*)$/)?.[1];
      const specs = new Map<string, string>();
      for (const [dep, spec] of entries(field(data, 'requires'))) specs.set(dep, text(spec) ?? '');
      folders.set(path, {
        name,
        data: linkTarget === undefined ? data : { ...data, version: '', resolved: `file:${linkTarget}` },
        specs,
      });
      pending.push([path, entries(field(data, 'dependencies')), depth + 1]);
    }
  }
  return folders;
}

/** Node's lookup: `<path>/node_modules/<dep>`, then each parent folder up to the root. */
function resolveFrom(folders: Map<string, Entry>, path: string, dep: string): string | undefined {
  let dir = path;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${dep}` : `${dir}/node_modules/${dep}`;
    if (folders.has(candidate)) return candidate;
    if (dir === '') return undefined;
    const slash = dir.lastIndexOf('/');
    dir = slash < 0 ? '' : dir.slice(0, slash);
  }
}

/** v1 links a workspace through a `file:` entry; the project is that entry. */
function linkedFrom(
  folders: Map<string, Entry>,
  name: string,
  target: (path: string) => string,
): string | undefined {
  const path = `node_modules/${name}`;
  const entry = folders.get(path);
  if (entry === undefined || !text(field(entry.data, 'resolved'))?.startsWith('file:')) return undefined;
  return target(path);
}
