/**
 * bun.lock (bun 1.1+ text lockfile, lockfileVersion 0-2): JSONC with trailing commas.
 *
 * `workspaces` maps each project folder ('' = root) to its manifest dependencies; `packages` maps an
 * install key to `[ident, ...]` where ident is `name@version` (npm, followed by registry, info and
 * integrity), `name@workspace:dir`, `name@link:...`, `name@github:...` and so on. Keys are package
 * names, nested by parent (`parent/dep`, `@scope/parent/dep`); a dependency resolves from the deepest
 * matching key up to the top level, like node_modules.
 */
import { emptyGraph, LockfileError, unresolved, type ResolvedGraph } from './graph.js';
import { dependencySpecs, entries, field, isRecord, text } from './read.js';
import type { LocalProject } from './types.js';

const WORKSPACE_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
] as const;
const PACKAGE_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
const MAX_DEPTH = 256;

export function parseBunLock(source: string, projects: LocalProject[]): ResolvedGraph {
  const lock: unknown = JSON.parse(stripJsonc(source));
  if (!isRecord(lock)) throw new LockfileError('not a JSON object');
  const version = field(lock, 'lockfileVersion');
  // 2 (bun 1.4) has the same shape as 1; 3 (scoped overrides) is not known yet.
  if (typeof version !== 'number' || version < 0 || version > 2) {
    throw new LockfileError(`unsupported lockfileVersion ${JSON.stringify(version)}`);
  }
  const workspaces = entries(field(lock, 'workspaces'));
  const packages = entries(field(lock, 'packages'));
  const graph = emptyGraph();

  const keyOf = (installKey: string): string => {
    const ident = text(firstOf(packages.get(installKey))) ?? '';
    const workspace = ident.match(/^.+?@workspace:(.*)$/)?.[1];
    return workspace !== undefined && workspaces.has(workspace)
      ? `workspace:${workspace}`
      : `package:${installKey}`;
  };
  const resolveFrom = (prefix: string[], dep: string, spec: string): string => {
    for (let depth = prefix.length; depth >= 0; depth--) {
      const candidate = [...prefix.slice(0, depth), dep].join('/');
      if (packages.has(candidate)) return keyOf(candidate);
    }
    return unresolved(graph, dep, spec);
  };

  for (const [installKey, value] of packages) {
    // Real keys nest a few levels; deeper ones are hostile and cost quadratic time to resolve from.
    if (packagePath(installKey).length > MAX_DEPTH) {
      throw new LockfileError(`package key nested deeper than ${MAX_DEPTH} levels`);
    }
    if (!Array.isArray(value) || keyOf(installKey).startsWith('workspace:')) continue;
    const ident = text(value[0]) ?? '';
    const at = ident.indexOf('@', 1);
    const name = at < 0 ? ident : ident.slice(0, at);
    const info = value.find(isRecord);
    const deps = [...dependencySpecs(info, PACKAGE_FIELDS)].map(([dep, spec]) =>
      resolveFrom(packagePath(installKey), dep, spec),
    );
    // Strings are the ident, registry, integrity or git tag; the info object only repeats ranges.
    const identity = value.filter((part) => typeof part === 'string').join(' ');
    graph.nodes.set(`package:${installKey}`, { name, version: ident.slice(at + 1), identity, deps });
  }
  for (const [dir, workspace] of workspaces) {
    const name = text(field(workspace, 'name')) ?? dir;
    const version = text(field(workspace, 'version')) ?? '';
    // Packages installed for one workspace only are nested under its name.
    const prefix = dir === '' ? [] : packagePath(name);
    const deps = [...dependencySpecs(workspace, WORKSPACE_FIELDS)].map(([dep, spec]) =>
      resolveFrom(prefix, dep, spec),
    );
    graph.nodes.set(`workspace:${dir}`, { name, version, identity: `workspace ${name}@${version}`, deps });
  }
  for (const project of projects) {
    if (workspaces.has(project.dir)) graph.roots.set(project.name, `workspace:${project.dir}`);
  }
  return graph;
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

/** `@scope/a/b/@x/c` -> ['@scope/a', 'b', '@x/c']. */
function packagePath(installKey: string): string[] {
  const names: string[] = [];
  const parts = installKey.split('/');
  for (let i = 0; i < parts.length; i++) {
    names.push(parts[i]!.startsWith('@') && i + 1 < parts.length ? `${parts[i]}/${parts[++i]}` : parts[i]!);
  }
  return names;
}

/** JSONC to JSON: drops comments, then trailing commas, never touching strings. Linear on any input. */
export function stripJsonc(source: string): string {
  return dropTrailingCommas(dropComments(source));
}

/** Index just past the string whose opening quote is at `start` (the end of the text if unterminated). */
function skipString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '"') return i + 1;
  }
  return text.length;
}

function dropComments(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length;) {
    if (text[i] === '"') i = skipString(text, i);
    else if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const line = text[i + 1] === '/';
      const end = line ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      out += `${text.slice(from, i)} `;
      i = from = end < 0 ? text.length : line ? end : end + 2;
    } else i++;
  }
  return out + text.slice(from);
}

function dropTrailingCommas(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length;) {
    if (text[i] === '"') {
      i = skipString(text, i);
      continue;
    }
    if (text[i] === ',') {
      let next = i + 1;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (text[next] === '}' || text[next] === ']') {
        out += text.slice(from, i);
        from = i + 1;
      }
      i = next;
      continue;
    }
    i++;
  }
  return out + text.slice(from);
}
