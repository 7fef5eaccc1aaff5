/**
 * yarn.lock: classic (v1, yarn's own indented text format) and berry (YAML with `__metadata`).
 *
 * Both key each resolved package by the descriptors (`name@range`, comma-joined) that resolve to it;
 * a dependency `name: range` is found by its descriptor. Berry lists workspaces as `name@workspace:dir`
 * entries. Classic never lists workspaces, so each project's package.json says what it depends on;
 * a dependency on another project's name that the lockfile does not resolve is a workspace link.
 */
import { parseFastYaml } from '../fast-yaml.js';
import { emptyGraph, LockfileError, unresolved, type ResolvedGraph } from './graph.js';
import { dependencySpecs, entries, field, isRecord, text } from './read.js';
import type { LocalProject } from './types.js';

const PACKAGE_FIELDS = ['dependencies', 'optionalDependencies'] as const;
const MANIFEST_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

export function parseYarnLock(
  source: string,
  projects: LocalProject[],
  manifests: Map<string, string>,
): ResolvedGraph {
  return /^__metadata:/m.test(source)
    ? parseBerry(source, projects)
    : parseClassic(source, projects, manifests);
}

/** Name part of a descriptor `name@range` (`@scope/name@range` included). */
function descriptorName(descriptor: string): string {
  const at = descriptor.indexOf('@', 1);
  return at < 0 ? descriptor : descriptor.slice(0, at);
}

/** Shared by both formats: one node per entry, every descriptor of the key pointing at it. */
function readEntries(lock: Map<string, unknown>, graph: ResolvedGraph, identity: (data: unknown) => string) {
  const byDescriptor = new Map<string, string>();
  for (const [key, data] of lock) {
    if (key === '__metadata' || !isRecord(data)) continue;
    const descriptors = key.split(',').map((part) => part.trim().replace(/^"|"$/g, ''));
    // Berry's resolution names the real package even when the descriptor is an alias.
    const name = descriptorName(text(field(data, 'resolution')) ?? descriptors[0]!);
    const version = text(field(data, 'version')) ?? '';
    graph.nodes.set(key, { name, version, identity: `${name}@${version} ${identity(data)}`, deps: [] });
    for (const descriptor of descriptors) byDescriptor.set(descriptor, key);
  }
  return byDescriptor;
}

function parseBerry(source: string, projects: LocalProject[]): ResolvedGraph {
  const lock: unknown = parseFastYaml(source);
  if (!isRecord(lock) || !isRecord(field(lock, '__metadata'))) throw new LockfileError('no __metadata');
  const raw = entries(lock);
  const graph = emptyGraph();
  const byDescriptor = readEntries(raw, graph, (data) =>
    [text(field(data, 'resolution')), text(field(data, 'checksum'))].join(' '),
  );
  // Workspaces by name (for `workspace:^`-style ranges that no key spells) and by folder (projects).
  const workspaceByName = new Map<string, string>();
  const workspaceByDir = new Map<string, string>();
  for (const [key, data] of raw) {
    const resolution = text(field(data, 'resolution'));
    const match = resolution?.match(/^(.+?)@workspace:(.*)$/);
    if (!match) continue;
    workspaceByName.set(match[1]!, key);
    workspaceByDir.set(match[2] === '.' ? '' : match[2]!, key);
  }
  for (const [key, data] of raw) {
    const node = graph.nodes.get(key);
    if (node === undefined) continue;
    for (const [dep, range] of dependencySpecs(data, PACKAGE_FIELDS)) {
      // Ranges without a protocol default to npm: (older berry lockfiles omit it).
      const found =
        byDescriptor.get(`${dep}@${range}`) ??
        byDescriptor.get(`${dep}@npm:${range}`) ??
        (range.startsWith('workspace:') ? workspaceByName.get(dep) : undefined);
      node.deps.push(found ?? unresolved(graph, dep, range));
    }
  }
  for (const project of projects) {
    const key = workspaceByDir.get(project.dir);
    if (key !== undefined) graph.roots.set(project.name, key);
  }
  return graph;
}

function parseClassic(
  source: string,
  projects: LocalProject[],
  manifests: Map<string, string>,
): ResolvedGraph {
  const lock = parseClassicText(source);
  const graph = emptyGraph();
  const byDescriptor = readEntries(lock, graph, (data) =>
    [text(field(data, 'resolved')), text(field(data, 'integrity'))].join(' '),
  );
  // NUL cannot appear in a lockfile key, so project nodes never collide with package entries.
  const projectKeys = new Map(projects.map((project) => [project.name, `\0project:${project.dir}`]));
  const resolve = (dep: string, range: string, fromProject: boolean): string =>
    byDescriptor.get(`${dep}@${range}`) ??
    (fromProject ? projectKeys.get(dep) : undefined) ??
    unresolved(graph, dep, range);
  for (const [key, data] of lock) {
    const node = graph.nodes.get(key);
    if (node === undefined) continue;
    for (const [dep, range] of dependencySpecs(data, PACKAGE_FIELDS))
      node.deps.push(resolve(dep, range, false));
  }
  if (manifests.size === 0 && projects.length > 0) {
    throw new LockfileError(
      "yarn.lock v1 does not record what each workspace uses, and no project's package.json was given",
    );
  }
  for (const project of projects) {
    // A project without a package.json on this side does not exist there (added or removed in the change).
    const manifestText = manifests.get(project.dir);
    if (manifestText === undefined) continue;
    const manifest = readManifest(manifestText, project.name);
    const specs = dependencySpecs(manifest, MANIFEST_FIELDS);
    // Yarn classic does not install peers; a peer on a workspace project is still an edge.
    for (const [dep, range] of entries(field(manifest, 'peerDependencies'))) {
      if (projectKeys.has(dep) && !specs.has(dep)) specs.set(dep, text(range) ?? '');
    }
    const deps = [...specs].map(([dep, range]) => resolve(dep, range, true));
    const key = projectKeys.get(project.name)!;
    const version = text(field(manifest, 'version')) ?? '';
    graph.nodes.set(key, {
      name: project.name,
      version,
      identity: `workspace ${project.name}@${version}`,
      deps,
    });
    graph.roots.set(project.name, key);
  }
  return graph;
}

function readManifest(source: string, project: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    throw new LockfileError(`package.json of ${project} is not valid JSON`);
  }
}

/**
 * Yarn classic's format: top-level keys end with `:`, fields are `name value` or `name:` opening a
 * nested block, indented two spaces per level; values and keys may be JSON-quoted.
 */
export function parseClassicText(source: string): Map<string, unknown> {
  const root = new Map<string, unknown>();
  // Stack of open blocks by indent level; level 0 is the file.
  const stack: Array<Map<string, unknown> | Record<string, unknown>> = [root];
  const lines = source.split(/\r?\n/);
  for (let number = 1; number <= lines.length; number++) {
    const line = lines[number - 1]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent % 2 !== 0 || indent / 2 >= stack.length) {
      throw new LockfileError(`yarn.lock v1 line ${number}: unexpected indentation`);
    }
    stack.length = indent / 2 + 1;
    const parent = stack[stack.length - 1]!;
    const content = line.trim();
    const set = (key: string, value: unknown): void => {
      if (parent instanceof Map) parent.set(key, value);
      else
        Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
    };
    if (content.endsWith(':')) {
      const block: Record<string, unknown> = {};
      // Top-level keys keep their raw descriptor list; nested keys are single (maybe quoted) names.
      set(indent === 0 ? content.slice(0, -1) : unquote(content.slice(0, -1), number), block);
      stack.push(block);
      continue;
    }
    if (indent === 0)
      throw new LockfileError(`yarn.lock v1 line ${number}: expected an entry ending with ':'`);
    const [key, rest] = splitToken(content, number);
    set(key, rest === '' ? true : unquote(rest, number));
  }
  return root;
}

function splitToken(content: string, number: number): [string, string] {
  if (content.startsWith('"')) {
    const end = closingQuote(content, number);
    return [unquote(content.slice(0, end + 1), number), content.slice(end + 1).trim()];
  }
  const space = content.search(/\s/);
  return space < 0 ? [content, ''] : [content.slice(0, space), content.slice(space + 1).trim()];
}

function closingQuote(content: string, number: number): number {
  for (let i = 1; i < content.length; i++) {
    if (content[i] === '\\') i++;
    else if (content[i] === '"') return i;
  }
  throw new LockfileError(`yarn.lock v1 line ${number}: unterminated string`);
}

function unquote(value: string, number: number): string {
  if (!value.startsWith('"')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'string') return parsed;
  } catch {
    // fall through to the error below
  }
  throw new LockfileError(`yarn.lock v1 line ${number}: bad string ${value.slice(0, 40)}`);
}
