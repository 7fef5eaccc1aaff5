/**
 * pnpm-lock.yaml, lockfile versions 5.x (pnpm 5-7), 6.x (pnpm 8) and 9.0 (pnpm 9+).
 *
 * `importers` are keyed by project folder ('.' = root; a lockfile without `importers` is one root
 * importer at the top level). Package keys by version:
 *   5.x  `/name/1.0.0_peer@2.0.0`      importer deps: `name: 1.0.0_peer@2.0.0`
 *   6.x  `/name@1.0.0(peer@2.0.0)`     importer deps: `name: { specifier, version: 1.0.0(peer@2.0.0) }`
 *   9.0  `name@1.0.0(peer@2.0.0)` in `snapshots` (dependencies), `name@1.0.0` in `packages` (resolution)
 * A dependency's reference may also be a whole key (aliases, git/tarball deps) or `link:<relative dir>`.
 * pnpm 11+ may write two `---`-separated documents: an env document (pnpm's own binaries, config
 * dependencies) first, the project graph last. The graph is read from the last document, as pnpm's
 * documentation says to.
 */
import { type FastYamlRead, readFastYaml } from '../fast-yaml.js';
import { parseYaml } from '../../../../shared/yaml.js';
import {
  emptyGraph,
  LockfileError,
  type PackageNode,
  type ResolvedGraph,
  unresolved,
  UNRESOLVED_PREFIX,
} from './graph.js';
import { joinPath } from '../model.js';
import { entries, field, isRecord, text } from './read.js';
import type { LocalProject } from './types.js';

const IMPORTER_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;
const PACKAGE_FIELDS = ['dependencies', 'optionalDependencies'] as const;

/** Key prefix of the node for a workspace package reached through a `link:` (its folder follows). */
export const LINKED_PREFIX = '\0linked:';

/** Texts from this size up keep what was read from them for the run (see parsePnpmLock). */
const REMEMBERED_FROM = 64 * 1024;
const remembered: { source: string; read: PnpmRead }[] = [];

/**
 * What a read is for: `graph`, the whole graph (a lockfile's diff compares identities); `deps`, the
 * nodes' dependencies only (the links of lockfile-links.ts), for which a 9.0 lockfile's `packages`
 * section (resolutions, half the text) is not read and identities are left empty. The dependencies
 * are the whole graph's; only a `packages` section that does not parse fails the one read and not
 * the other (the lockfile's diff reports it).
 */
export type PnpmScope = 'graph' | 'deps';

/**
 * What a lockfile text says, whoever the projects are: its nodes in the graph's order, the importer
 * nodes among them named by their folder until `bindProjects` names them.
 */
export interface PnpmRead {
  scope: PnpmScope;
  nodes: Map<string, PackageNode>;
  /** Importer and linked-importer node keys -> the importer's folder and which of the two it is. */
  importers: Map<string, { dir: string; kind: 'importer' | 'linked' }>;
  /** What the next text (the other revision) is read beside; kept for the newest read only. */
  beside: Beside | undefined;
}

/** A read's tree and the sections its nodes came from, entry values as the tree holds them. */
interface Beside {
  yaml: FastYamlRead | undefined;
  version: number;
  slashKeys: boolean;
  packages: Map<string, unknown>;
  snapshots: Map<string, unknown>;
  importers: Map<string, unknown>;
}

/**
 * The resolved graph of a pnpm lockfile for `projects`. A large lockfile is read for its links at
 * both revisions and again for its diff, with the head's and the base's projects: it is read once
 * per text, and only its importers are named again for other projects. The second text (the other
 * revision) is read beside the first: only the entries whose text changed are parsed. A read for
 * `deps` is made alone, and a read of the whole graph serves it too.
 */
export function parsePnpmLock(source: string, projects: LocalProject[]): ResolvedGraph {
  return readRemembered(source, projects, 'graph');
}

/** The graph of parsePnpmLock with the nodes' dependencies only (see PnpmScope). */
export function parsePnpmDeps(source: string, projects: LocalProject[]): ResolvedGraph {
  return readRemembered(source, projects, 'deps');
}

function readRemembered(source: string, projects: LocalProject[], scope: PnpmScope): ResolvedGraph {
  if (source.length < REMEMBERED_FROM) return bindProjects(readPnpmLock(source, undefined, scope), projects);
  let known = remembered.find(
    (r) => r.source === source && (r.read.scope === 'graph' || scope === 'deps'),
  )?.read;
  if (!known) {
    const last = scope === 'graph' ? remembered[remembered.length - 1]?.read : undefined;
    known = readPnpmLock(source, last, scope);
    if (last) last.beside = undefined;
    if (remembered.length >= 4) remembered.shift();
    remembered.push({ source, read: known });
  }
  return bindProjects(known, projects);
}

/** The graph of `read` with its importers named after `projects` (a folder no project has keeps its own). */
function bindProjects(read: PnpmRead, projects: LocalProject[]): ResolvedGraph {
  const nameByDir = new Map(projects.map((project) => [project.dir, project.name]));
  // The copy keeps every key where it stands; only the importers' nodes are replaced (a few of the
  // thousands of nodes: copying the map whole costs far less than setting each).
  const graph: ResolvedGraph = { nodes: new Map(read.nodes), roots: new Map() };
  for (const [key, importer] of read.importers) {
    const node = read.nodes.get(key)!;
    const name = nameByDir.get(importer.dir === '.' ? '' : importer.dir) ?? importer.dir;
    graph.nodes.set(key, { name, version: '', identity: `${importer.kind} ${name}`, deps: node.deps });
  }
  for (const project of projects) {
    const key = importerKey(project.dir === '' ? '.' : project.dir);
    if (graph.nodes.has(key)) graph.roots.set(project.name, key);
  }
  return graph;
}

// NUL cannot appear in a lockfile key, so importer nodes never collide with package entries.
const importerKey = (dir: string): string => `\0importer:${dir}`;
// A workspace package reached through a link brings its production dependencies, not its
// devDependencies (which affect only that package, and through the project graph its dependents).
const linkedKey = (dir: string): string => `${LINKED_PREFIX}${dir}`;

/**
 * The lockfile `source`. Beside `other`, a read of another version of it: the YAML entries whose
 * text did not change are taken from its tree (fast-yaml.ts), and so is the node of an entry whose
 * value is the very object `other` read (and, from 9.0, its package's too) when its dependencies
 * resolve the same, so the nodes are the ones a read of `source` alone gives, in the same order.
 * For `deps` (see PnpmScope), `other` is not used.
 */
export function readPnpmLock(source: string, other?: PnpmRead, scope: PnpmScope = 'graph'): PnpmRead {
  const document = lastDocument(source);
  const read = scope === 'deps' ? withoutPackages(document) : document;
  const yaml = readFastYaml(read, scope === 'graph' ? other?.beside?.yaml : undefined);
  // The full parser reads the whole document: what the fast reader refuses may span sections.
  if (!yaml && read !== document) return readPnpmLock(source, undefined, 'graph');
  const lock: unknown = yaml ? yaml.tree : parseYaml(read);
  if (!isRecord(lock)) throw new LockfileError('not a YAML mapping');
  const version = Number.parseFloat(text(field(lock, 'lockfileVersion')) ?? '');
  if (!(version >= 5 && version < 10)) {
    throw new LockfileError(`unsupported lockfileVersion ${JSON.stringify(field(lock, 'lockfileVersion'))}`);
  }
  // Before 9.0 the dependencies are in `packages`: the whole document is needed.
  if (read !== document && version < 9) return readPnpmLock(source, undefined, 'graph');
  const packages = entries(field(lock, 'packages'));
  // 9.0 splits a package into `packages` (resolution, by name@version) and `snapshots` (deps, peer-suffixed).
  const snapshots = version >= 9 ? entries(field(lock, 'snapshots')) : packages;
  const importers = isRecord(field(lock, 'importers'))
    ? entries(field(lock, 'importers'))
    : new Map([['.', lock]]);

  const graph = emptyGraph();
  // Keys are tried in this order: `/name/ref` (5.x), `/name@ref` (6.x), `name@ref` (9.0), `ref`. The
  // first two are built only when some key starts with `/` (none does in 9.0).
  let slashKeys = false;
  for (const key of snapshots.keys())
    if (key.startsWith('/')) {
      slashKeys = true;
      break;
    }
  const result: PnpmRead = {
    scope,
    nodes: graph.nodes,
    importers: new Map(),
    beside: scope === 'graph' ? { yaml, version, slashKeys, packages, snapshots, importers } : undefined,
  };
  // The other read's entries and nodes, when its keys are read the same way.
  const was =
    scope === 'graph' && other?.beside?.version === version && other.beside.slashKeys === slashKeys
      ? other.beside
      : undefined;
  // Computed on the first entry found the same (a text read beside an unrelated one finds none).
  let found: Changes | undefined;
  const changes = (): Changes =>
    (found ??= {
      refs: changedRefs(was!.snapshots, snapshots),
      dirs: changedDirs(was!.importers, importers),
    });
  const resolve = (name: string, ref: string, fromDir: string | undefined): string => {
    if (ref.startsWith('link:')) {
      const dir = joinPath(fromDir ?? '', ref.slice('link:'.length));
      if (dir !== undefined && importers.has(dir || '.')) return linkedKey(dir || '.');
    }
    if (slashKeys) {
      if (snapshots.has(`/${name}/${ref}`)) return `/${name}/${ref}`;
      if (snapshots.has(`/${name}@${ref}`)) return `/${name}@${ref}`;
    }
    const key = `${name}@${ref}`;
    if (snapshots.has(key)) return key;
    if (snapshots.has(ref)) return ref;
    return unresolved(graph, name, ref);
  };
  const resolveAll = (value: unknown, fields: readonly string[], fromDir: string | undefined): string[] => {
    const deps: string[] = [];
    forEachSpec(value, fields, (dep, ref) => deps.push(resolve(dep, ref, fromDir)));
    return deps;
  };
  /**
   * The other read's node for `key` when it may stand here (see readPnpmLock). One that reaches an
   * unresolved leaf is built again: which node adds such a leaf first decides its name and version.
   */
  const taken = (key: string): PackageNode | undefined => {
    const node = other!.nodes.get(key)!;
    for (const dep of node.deps) if (dep.startsWith(UNRESOLVED_PREFIX)) return undefined;
    return node;
  };

  for (const [key, snapshot] of snapshots) {
    const metadata = version >= 9 ? packages.get(stripPeers(key)) : snapshot;
    const same =
      was &&
      was.snapshots.get(key) === snapshot &&
      was.packages.get(stripPeers(key)) === packages.get(stripPeers(key)) &&
      resolvesAlike(snapshot, PACKAGE_FIELDS, changes(), '')
        ? taken(key)
        : undefined;
    if (same) {
      graph.nodes.set(key, same);
      continue;
    }
    const { name, version: resolved } = splitKey(key);
    const deps = resolveAll(snapshot, PACKAGE_FIELDS, undefined);
    // Peers are left out of the identity: they are resolved dependencies, compared as such. This also
    // keeps identities equal across 5.x/6.x/9.0 key styles, so a lockfile format upgrade affects nothing.
    const identity =
      scope === 'graph'
        ? `${name}@${withoutPeers(resolved)} ${JSON.stringify(field(metadata, 'resolution') ?? null)}`
        : '';
    graph.nodes.set(key, { name, version: resolved, identity, deps });
  }
  for (const [dir, importer] of importers) {
    result.importers.set(importerKey(dir), { dir, kind: 'importer' });
    result.importers.set(linkedKey(dir), { dir, kind: 'linked' });
    if (
      was &&
      was.importers.get(dir) === importer &&
      resolvesAlike(importer, IMPORTER_FIELDS, changes(), dir === '.' ? '' : dir)
    ) {
      const [all, production] = [taken(importerKey(dir)), taken(linkedKey(dir))];
      if (all && production) {
        graph.nodes.set(importerKey(dir), all);
        graph.nodes.set(linkedKey(dir), production);
        continue;
      }
    }
    const localDir = dir === '.' ? '' : dir;
    const deps = resolveAll(importer, IMPORTER_FIELDS, localDir);
    graph.nodes.set(importerKey(dir), { name: dir, version: '', identity: '', deps });
    const production = resolveAll(importer, PACKAGE_FIELDS, localDir);
    graph.nodes.set(linkedKey(dir), { name: dir, version: '', identity: '', deps: production });
  }
  return result;
}

/**
 * `document` without its `packages` section: the top-level `packages:` line and the deeper lines,
 * comments and blank lines after it, up to the next top-level line. The whole document when it has
 * not exactly one such line (a repeated key is left for the reader to report).
 */
function withoutPackages(document: string): string {
  const lines = [...document.matchAll(/^packages:[ \t]*(?:#.*)?\r?$/gm)];
  if (lines.length !== 1) return document;
  const start = lines[0]!.index;
  const next = /\n[^\s#]/g;
  next.lastIndex = start;
  const end = next.exec(document)?.index;
  return document.slice(0, start) + (end === undefined ? '' : document.slice(end + 1));
}

/** What may resolve differently in a read than in the read beside which it is made. */
interface Changes {
  /** See changedRefs. */
  refs: Set<string>;
  /** Importer folders one read has and the other lacks: a `link:` to one resolves differently. */
  dirs: Set<string>;
}

/**
 * Every reference that could resolve differently between two sets of package keys: each key one
 * set has and the other lacks, and each tail of it after an `@` or `/`. A dependency `name: ref` is
 * looked up as `/name/ref`, `/name@ref`, `name@ref` and `ref`: when `ref` is not in this set, none of
 * those keys was added or removed, so it resolves as before.
 */
function changedRefs(before: Map<string, unknown>, after: Map<string, unknown>): Set<string> {
  const refs = new Set<string>();
  const add = (key: string): void => {
    refs.add(key);
    for (let i = 0; i < key.length; i++) if (key[i] === '@' || key[i] === '/') refs.add(key.slice(i + 1));
  };
  for (const key of after.keys()) if (!before.has(key)) add(key);
  for (const key of before.keys()) if (!after.has(key)) add(key);
  return refs;
}

function changedDirs(before: Map<string, unknown>, after: Map<string, unknown>): Set<string> {
  const dirs = new Set<string>();
  for (const dir of after.keys()) if (!before.has(dir)) dirs.add(dir);
  for (const dir of before.keys()) if (!after.has(dir)) dirs.add(dir);
  return dirs;
}

/**
 * True when every dependency of `value` (an entry of the importer at `fromDir`, or of a package),
 * in any of `fields`, resolves as it did beside: its reference is not one of `changes.refs`, and a
 * `link:` does not lead to an importer folder only one of the reads has.
 */
function resolvesAlike(
  value: unknown,
  fields: readonly string[],
  changes: Changes,
  fromDir: string,
): boolean {
  if (changes.refs.size === 0 && changes.dirs.size === 0) return true;
  for (const name of fields) {
    const deps = field(value, name);
    if (!isRecord(deps)) continue;
    for (const spec of Object.values(deps)) {
      const ref = text(spec) ?? text(field(spec, 'version')) ?? '';
      if (changes.refs.has(ref)) return false;
      if (changes.dirs.size > 0 && ref.startsWith('link:')) {
        const dir = joinPath(fromDir, ref.slice('link:'.length));
        if (dir !== undefined && changes.dirs.has(dir || '.')) return false;
      }
    }
  }
  return true;
}

/**
 * Calls `use` with each name and spec of the given dependency fields, in order, the first field
 * winning for a name (as `dependencySpecs`, without a Map for the usual single field).
 */
function forEachSpec(
  value: unknown,
  fields: readonly string[],
  use: (name: string, spec: string) => void,
): void {
  let seen: Set<string> | undefined;
  let earlier = false;
  for (const name of fields) {
    const deps = field(value, name);
    if (!isRecord(deps)) continue;
    if (earlier && seen === undefined) {
      // A second field: names already given by the earlier ones are skipped.
      seen = new Set();
      for (const previous of fields.slice(0, fields.indexOf(name))) {
        const record = field(value, previous);
        if (isRecord(record)) for (const dep of Object.keys(record)) seen.add(dep);
      }
    }
    for (const [dep, spec] of Object.entries(deps)) {
      if (seen !== undefined) {
        if (seen.has(dep)) continue;
        seen.add(dep);
      }
      use(dep, text(spec) ?? text(field(spec, 'version')) ?? '');
    }
    earlier = true;
  }
}

/** `1.0.0(react@18.2.0)` or (5.x) `1.0.0_react@18.2.0` -> `1.0.0`. */
function withoutPeers(version: string): string {
  return version.replace(/[(_].*$/, '');
}

function stripSlash(key: string): string {
  return key.startsWith('/') ? key.slice(1) : key;
}

/** `name@1.0.0(react@18.2.0)` -> `name@1.0.0`; v5 suffixes (`_react@18.2.0`) stay: v5 has no split. */
function stripPeers(key: string): string {
  const paren = key.indexOf('(');
  return paren < 0 ? key : key.slice(0, paren);
}

/** Name and version (with peers) of a package key in any of the three layouts, for reasons. */
function splitKey(key: string): { name: string; version: string } {
  const bare = stripSlash(key);
  // The name ends at the first `@` (6.x, 9.0) or `/` (5.x) after the scope.
  const start = bare.startsWith('@') ? bare.indexOf('/') + 1 : 0;
  const end = bare.slice(start).search(/[@/]/);
  if (start === 0 && bare.startsWith('@')) return { name: bare, version: '' };
  if (end < 0) return { name: bare, version: '' };
  return { name: bare.slice(0, start + end), version: bare.slice(start + end + 1) };
}

/** The last non-empty document of a YAML stream (documents start at a `---` line). */
export function lastDocument(source: string): string {
  const documents = source.split(/^---[ \t]*(?:#.*)?\r?$/m);
  for (let i = documents.length - 1; i > 0; i--)
    if (/^[ \t]*[^\s#]/m.test(documents[i]!)) return documents[i]!;
  return documents[0]!;
}
