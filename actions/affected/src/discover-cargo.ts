import { isInside, joinPath, relativeTo } from './model.js';
import {
  type Contents,
  type Draft,
  type Json,
  asObject,
  fileIn,
  isObject,
  manifestsNamed,
  memberMatcher,
  parseTomlFile,
  strings,
} from './manifests.js';

const DEPENDENCY_TABLES = ['dependencies', 'dev-dependencies', 'build-dependencies'];

export const cargoKey = (root: string, table: 'dependencies' | 'package', key: string): string =>
  `cargo-${table}\t${root}\t${key}`;

export interface DiscoveredCargo {
  drafts: Draft[];
  structureFiles: string[];
  /** `[workspace.dependencies]` and `[workspace.package]` entries, as JSON, by cargoKey. */
  sharedValues: Map<string, string>;
  fingerprints: Map<string, string>;
}

/** The dependency tables of a manifest, including `[target.'cfg(...)'.dependencies]`. */
function dependencyTables(toml: Json): [string, Json][] {
  const tables: [string, Json][] = DEPENDENCY_TABLES.map((t) => [t, asObject(toml[t])]);
  for (const target of Object.values(asObject(toml.target)))
    for (const t of DEPENDENCY_TABLES) tables.push([t, asObject(asObject(target)[t])]);
  return tables;
}

/**
 * Cargo workspaces: `[workspace] members` globs minus `exclude`, a root `[package]`, path
 * dependencies (normal, dev and build, inherited through `[workspace.dependencies]` with
 * `workspace = true`). Crates outside any workspace are projects of their own.
 */
export function discoverCargo(contents: Contents): DiscoveredCargo {
  const tomls = new Map<string, Json>();
  for (const [dir, text] of manifestsNamed(contents, 'Cargo.toml'))
    tomls.set(dir, parseTomlFile(fileIn(dir, 'Cargo.toml'), text));

  const structureFiles: string[] = [];
  const fingerprints = new Map<string, string>();
  const sharedValues = new Map<string, string>();
  const workspaceOf = new Map<string, string>(); // crate dir -> workspace root dir
  const roots = [...tomls]
    .filter(([, toml]) => isObject(toml.workspace))
    .sort(([a], [b]) => b.length - a.length);
  for (const [rootDir, toml] of roots) {
    const workspace = asObject(toml.workspace);
    const file = fileIn(rootDir, 'Cargo.toml');
    structureFiles.push(file);
    const { workspace: _w, ...own } = toml;
    fingerprints.set(file, JSON.stringify(own));
    for (const [key, value] of Object.entries(asObject(workspace.dependencies)))
      sharedValues.set(cargoKey(rootDir, 'dependencies', key), JSON.stringify(value));
    for (const [key, value] of Object.entries(asObject(workspace.package)))
      sharedValues.set(cargoKey(rootDir, 'package', key), JSON.stringify(value));
    const isMember = memberMatcher(strings(workspace.members), file);
    const excluded = strings(workspace.exclude).map((p) => joinPath(rootDir, p) ?? '');
    for (const dir of tomls.keys()) {
      if (workspaceOf.has(dir) || !isInside(dir, rootDir) || excluded.some((e) => e && isInside(dir, e)))
        continue;
      if (dir === rootDir || isMember(relativeTo(dir, rootDir))) workspaceOf.set(dir, rootDir);
    }
    // Cargo makes every path dependency inside the workspace folder a member too.
    const queue = [...workspaceOf].filter(([, root]) => root === rootDir).map(([dir]) => dir);
    for (const dir of queue) {
      for (const [, table] of dependencyTables(tomls.get(dir)!)) {
        for (const spec of Object.values(table)) {
          const target =
            isObject(spec) && typeof spec.path === 'string' ? joinPath(dir, spec.path) : undefined;
          if (
            target === undefined ||
            workspaceOf.has(target) ||
            !tomls.has(target) ||
            !isInside(target, rootDir)
          )
            continue;
          if (excluded.some((e) => e && isInside(target, e))) continue;
          workspaceOf.set(target, rootDir);
          queue.push(target);
        }
      }
    }
  }

  const drafts = new Map<string, Draft>();
  for (const [dir, toml] of tomls) {
    const pkg = asObject(toml.package);
    if (typeof pkg.name !== 'string') continue;
    // Under a workspace root, only members are projects: excluded crates (fuzz targets, samples) are not.
    if (!workspaceOf.has(dir) && roots.some(([root]) => isInside(dir, root))) continue;
    drafts.set(dir, {
      ecosystem: 'cargo',
      dir,
      name: pkg.name,
      manifest: fileIn(dir, 'Cargo.toml'),
      links: [],
      sharedEntries: [],
    });
  }

  for (const draft of drafts.values()) {
    const toml = tomls.get(draft.dir)!;
    const rootDir = workspaceOf.get(draft.dir);
    const rootDeps =
      rootDir === undefined ? {} : asObject(asObject(tomls.get(rootDir)!.workspace).dependencies);
    for (const [field, value] of Object.entries(asObject(toml.package)))
      if (rootDir !== undefined && asObject(value).workspace === true)
        draft.sharedEntries.push(cargoKey(rootDir, 'package', field));
    for (const [kind, table] of dependencyTables(toml)) {
      for (const [key, spec] of Object.entries(table)) {
        let dir: string | undefined;
        if (isObject(spec) && spec.workspace === true && rootDir !== undefined) {
          draft.sharedEntries.push(cargoKey(rootDir, 'dependencies', key));
          const inherited = asObject(rootDeps[key]);
          if (typeof inherited.path === 'string') dir = joinPath(rootDir, inherited.path);
        } else if (isObject(spec) && typeof spec.path === 'string') dir = joinPath(draft.dir, spec.path);
        const target = dir === undefined ? undefined : drafts.get(dir);
        if (target && target !== draft && !draft.links.some((l) => l.target === target))
          draft.links.push({ target, kind });
      }
    }
  }
  return { drafts: [...drafts.values()], structureFiles, sharedValues, fingerprints };
}
