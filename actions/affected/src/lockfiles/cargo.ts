/**
 * Cargo.lock (TOML), versions 1-4. Every crate is a `[[package]]` with name, version, source
 * (absent for workspace and path crates) and checksum (v3+, or `[metadata]` `checksum ...` lines in
 * v1/v2). `dependencies` entries are `name`, `name version` or `name version (source)`: just enough to
 * tell apart crates that share a name. Normal, dev and build dependencies are all listed together.
 */
import { parse } from 'smol-toml';
import { emptyGraph, LockfileError, unresolved, type ResolvedGraph } from './graph.js';
import { entries, field, isRecord, text } from './read.js';
import type { LocalProject } from './types.js';

interface Crate {
  key: string;
  name: string;
  version: string;
  source: string;
}

export function parseCargoLock(source: string, projects: LocalProject[]): ResolvedGraph {
  const lock: unknown = parse(source);
  const version = field(lock, 'version');
  if (version !== undefined && !(typeof version === 'number' && version >= 1 && version <= 4)) {
    throw new LockfileError(`unsupported version ${JSON.stringify(version)}`);
  }
  const list = field(lock, 'package') ?? [];
  if (!Array.isArray(list)) throw new LockfileError('`package` is not an array of tables');
  const metadata = entries(field(lock, 'metadata'));

  const byName = new Map<string, Crate[]>();
  const crates: Array<[Crate, unknown]> = [];
  for (const data of list) {
    if (!isRecord(data)) continue;
    const name = text(field(data, 'name'));
    const crateVersion = text(field(data, 'version'));
    if (name === undefined || crateVersion === undefined)
      throw new LockfileError('a [[package]] has no name or version');
    const crateSource = text(field(data, 'source')) ?? '';
    const crate = {
      key: `${name} ${crateVersion} ${crateSource}`,
      name,
      version: crateVersion,
      source: crateSource,
    };
    const same = byName.get(name);
    if (same) same.push(crate);
    else byName.set(name, [crate]);
    crates.push([crate, data]);
  }

  const graph = emptyGraph();
  const resolve = (entry: string): string => {
    const match = entry.match(/^(\S+)(?: (\S+))?(?: \((.+)\))?$/);
    const [name, depVersion, depSource] = match
      ? [match[1]!, match[2], match[3]]
      : [entry, undefined, undefined];
    const found = (byName.get(name) ?? []).filter(
      (crate) =>
        (depVersion === undefined || crate.version === depVersion) &&
        (depSource === undefined || crate.source === depSource),
    );
    return found.length === 1 ? found[0]!.key : unresolved(graph, name, entry);
  };
  for (const [crate, data] of crates) {
    const deps = (
      Array.isArray(field(data, 'dependencies')) ? (field(data, 'dependencies') as unknown[]) : []
    )
      .map((entry) => text(entry))
      .filter((entry) => entry !== undefined)
      .map(resolve);
    const legacyChecksum = metadata.get(`checksum ${crate.name} ${crate.version} (${crate.source})`);
    const checksum = text(field(data, 'checksum')) ?? text(legacyChecksum) ?? '';
    const identity = `${crate.name}@${crate.version} ${crate.source} ${checksum}`;
    graph.nodes.set(crate.key, { name: crate.name, version: crate.version, identity, deps });
  }
  for (const project of projects) {
    // Workspace crates have no source; their names are unique in a workspace.
    const crate = (byName.get(project.name) ?? []).find((candidate) => candidate.source === '');
    if (crate) graph.roots.set(project.name, crate.key);
  }
  return graph;
}
