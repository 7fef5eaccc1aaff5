/**
 * go.sum and go.work.sum, read with the modules' go.mod `require`/`replace` directives.
 *
 * go.sum has no edges: it is a list of `module version hash` lines (`version/go.mod` for the go.mod
 * file's hash). Since go 1.17 a go.mod requires every module its build needs (`// indirect` included),
 * so a module's closure is its requirements (after `replace`) with their go.sum hashes. Without a
 * go.mod, or with `go` older than 1.17, every go.sum entry counts.
 *
 * - go.sum belongs to the module in its folder.
 * - go.work.sum belongs to all modules of the workspace; an entry counts for a module that requires its
 *   module path at any version, since the workspace may select a higher version than one go.mod asks for.
 */
import { emptyGraph, LockfileError, type ResolvedGraph } from './graph.js';
import type { LocalProject } from './types.js';

interface Requirement {
  path: string;
  version: string;
}

export function parseGoSum(
  source: string,
  projects: LocalProject[],
  manifests: Map<string, string>,
  scope: 'module' | 'workspace',
): ResolvedGraph {
  const graph = emptyGraph();
  const hashes = new Map<string, string[]>();
  const lines = source.split(/\r?\n/);
  for (let number = 1; number <= lines.length; number++) {
    const line = lines[number - 1]!.trim();
    if (line === '') continue;
    const parts = line.split(/\s+/);
    if (parts.length !== 3 || !/^v\d/.test(parts[1]!) || !/^[\w-]+:/.test(parts[2]!)) {
      throw new LockfileError(`line ${number} is not "module version hash"`);
    }
    const [path, version, hash] = parts as [string, string, string];
    const key = `${path}@${version.replace(/\/go\.mod$/, '')}`;
    const list = hashes.get(key);
    if (list) list.push(`${version} ${hash}`);
    else hashes.set(key, [`${version} ${hash}`]);
  }
  const moduleNode = (key: string): string => {
    if (!graph.nodes.has(key)) {
      const at = key.lastIndexOf('@');
      const identity = `${key} ${[...(hashes.get(key) ?? [])].sort().join(' ')}`;
      graph.nodes.set(key, { name: key.slice(0, at), version: key.slice(at + 1), identity, deps: [] });
    }
    return key;
  };

  const owners = scope === 'module' ? projects.filter((project) => project.dir === '') : projects;
  for (const project of owners) {
    const goMod = manifests.get(project.dir);
    const requirements = goMod === undefined ? undefined : readGoMod(goMod);
    let deps: string[];
    if (requirements === undefined) deps = [...hashes.keys()].map(moduleNode);
    else if (scope === 'module') deps = requirements.map((req) => moduleNode(`${req.path}@${req.version}`));
    else {
      const paths = new Set(requirements.map((req) => req.path));
      deps = [...hashes.keys()]
        .filter((key) => paths.has(key.slice(0, key.lastIndexOf('@'))))
        .map(moduleNode);
    }
    const key = `module:${project.dir}`;
    graph.nodes.set(key, { name: project.name, version: '', identity: `module ${project.name}`, deps });
    graph.roots.set(project.name, key);
  }
  return graph;
}

/**
 * The modules a go.mod builds with: `require` after `replace` (local-path replacements are workspace
 * links, tracked by the project graph, not by go.sum). Undefined when the go.mod predates go 1.17 and
 * so does not list indirect requirements.
 */
export function readGoMod(source: string): Requirement[] | undefined {
  const requires: Requirement[] = [];
  const replaces = new Map<string, Requirement | 'local'>();
  let block: string | undefined;
  let goVersion: number[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (block !== undefined && line === ')') {
      block = undefined;
      continue;
    }
    let tokens = line.split(/\s+/).map((token) => token.replace(/^"(.*)"$/, '$1'));
    let directive = block;
    if (directive === undefined) {
      directive = tokens[0]!;
      tokens = tokens.slice(1);
      if (tokens[0] === '(') {
        block = directive;
        continue;
      }
    }
    if (directive === 'go') goVersion = (tokens[0] ?? '').split('.').map(Number);
    else if (directive === 'require' && tokens.length >= 2)
      requires.push({ path: tokens[0]!, version: tokens[1]! });
    else if (directive === 'replace') {
      const arrow = tokens.indexOf('=>');
      if (arrow < 1) throw new LockfileError(`go.mod: bad replace "${line.slice(0, 80)}"`);
      const from = arrow === 2 ? `${tokens[0]}@${tokens[1]}` : tokens[0]!;
      const [to, toVersion] = tokens.slice(arrow + 1);
      replaces.set(
        from,
        toVersion === undefined || /^\.{0,2}\//.test(to ?? '') ? 'local' : { path: to!, version: toVersion },
      );
    }
  }
  const [major = 0, minor = 0] = goVersion;
  if (major < 1 || (major === 1 && minor < 17)) return undefined;
  const effective: Requirement[] = [];
  for (const req of requires) {
    const replacement = replaces.get(`${req.path}@${req.version}`) ?? replaces.get(req.path);
    if (replacement === undefined) effective.push(req);
    else if (replacement !== 'local') effective.push(replacement);
  }
  return effective;
}
