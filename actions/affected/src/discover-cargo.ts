import { UserError } from '../../../shared/errors.js';
import { DEFAULT_INPUTS } from './inputs.js';
import { dirOf, isInside, joinPath, relativeTo } from './model.js';
import {
  type Contents,
  type Draft,
  type Json,
  FIXTURE_DIR,
  asObject,
  fileIn,
  isObject,
  readTomlManifests,
  memberMatcher,
  strings,
} from './manifests.js';

const DEPENDENCY_TABLES = ['dependencies', 'dev-dependencies', 'build-dependencies'];

export const cargoKey = (root: string, table: 'dependencies' | 'package' | 'lints', key: string): string =>
  `cargo-${table}\t${root}\t${key}`;

export interface DiscoveredCargo {
  drafts: Draft[];
  structureFiles: string[];
  /** `[workspace.dependencies]` and `[workspace.package]` entries, as JSON, by cargoKey. */
  sharedValues: Map<string, string>;
  fingerprints: Map<string, string>;
}

const TARGET_TABLES = ['bin', 'test', 'bench', 'example'];

/**
 * What a crate's manifest points at beyond the conventional layout: `[lib]`, `[[bin]]`, `[[test]]`,
 * `[[bench]]`, `[[example]]` paths and `build = "…"` (anchored repository globs, wherever they are),
 * and `include`/`exclude`, which replace or trim the default inputs.
 */
function crateFiles(dir: string, toml: Json): Pick<Draft, 'targets' | 'inputs'> {
  const paths: unknown[] = [asObject(toml.lib).path, asObject(toml.package).build];
  for (const table of TARGET_TABLES)
    if (Array.isArray(toml[table])) for (const target of toml[table]) paths.push(asObject(target).path);
  const targets: string[] = [];
  for (const path of paths) {
    const file = typeof path === 'string' ? joinPath(dir, path) : undefined;
    if (file === undefined || targets.includes(`/${file}`)) continue;
    targets.push(`/${file}`);
    // The target's module tree (`mod x;`) lives beside it; at most the crate's own top-level files
    // when the target sits in the crate folder or above it.
    const folder = dirOf(file);
    if (folder === dir) targets.push(dir ? `/${dir}/*.rs` : '/*.rs');
    else if (!isInside(dir, folder)) targets.push(`/${folder}/**/*.rs`);
  }
  const pkg = asObject(toml.package);
  const include = strings(pkg.include);
  const exclude = strings(pkg.exclude).map((p) => `!${p}`);
  const inputs = include.length
    ? ['/Cargo.toml', ...include, ...exclude]
    : exclude.length
      ? [...DEFAULT_INPUTS.cargo, ...exclude]
      : undefined;
  return { targets: targets.length ? targets : undefined, inputs };
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
  // A manifest that cannot be read stops discovery at the repository root or when a workspace selects
  // it (cargo fails there too); elsewhere (a fixture, a sample) it is left alone.
  const { tomls, unreadable } = readTomlManifests(contents, 'Cargo.toml');

  const structureFiles: string[] = [];
  const fingerprints = new Map<string, string>();
  const sharedValues = new Map<string, string>();
  const workspaceOf = new Map<string, string>(); // crate dir -> workspace root dir
  // Only outermost workspaces count, as `cargo metadata` at their root lists them: a nested [workspace]
  // (a fuzzing workspace inside the main one) is a separate workspace that the main one neither builds
  // nor lists, and one in a test fixture folder is test data. Their crates are not projects.
  const allRoots = [...tomls]
    .filter(([dir, toml]) => isObject(toml.workspace) && !FIXTURE_DIR.test(dir))
    .sort(([a], [b]) => a.length - b.length);
  const roots = allRoots.filter(([dir], i) => !allRoots.slice(0, i).some(([outer]) => isInside(dir, outer)));
  const nested = allRoots.filter((root) => !roots.includes(root)).map(([dir]) => dir);
  const inNested = (dir: string) => nested.some((n) => isInside(dir, n));
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
    if (workspace.lints !== undefined)
      sharedValues.set(cargoKey(rootDir, 'lints', ''), JSON.stringify(workspace.lints));
    const isMember = memberMatcher(
      [...strings(workspace.members), ...strings(workspace['default-members'])],
      file,
    );
    const excluded = strings(workspace.exclude).map((p) => joinPath(rootDir, p) ?? '');
    for (const dir of tomls.keys()) {
      if (
        workspaceOf.has(dir) ||
        !isInside(dir, rootDir) ||
        inNested(dir) ||
        excluded.some((e) => e && isInside(dir, e))
      )
        continue;
      if (dir === rootDir || isMember(relativeTo(dir, rootDir))) workspaceOf.set(dir, rootDir);
    }
    for (const [dir, message] of unreadable)
      if (isInside(dir, rootDir) && isMember(relativeTo(dir, rootDir))) throw new UserError(message);
    // Cargo makes every path dependency inside the workspace folder a member too, also one inherited
    // from `[workspace.dependencies]` with `workspace = true`.
    const inherited = asObject(workspace.dependencies);
    const queue = [...workspaceOf].filter(([, root]) => root === rootDir).map(([dir]) => dir);
    for (const dir of queue) {
      for (const [, table] of dependencyTables(tomls.get(dir)!)) {
        for (const [key, spec] of Object.entries(table)) {
          const shared = isObject(spec) && spec.workspace === true ? asObject(inherited[key]) : undefined;
          const target =
            shared && typeof shared.path === 'string'
              ? joinPath(rootDir, shared.path)
              : isObject(spec) && typeof spec.path === 'string'
                ? joinPath(dir, spec.path)
                : undefined;
          if (
            target === undefined ||
            workspaceOf.has(target) ||
            !tomls.has(target) ||
            inNested(target) ||
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
    if (!workspaceOf.has(dir) && FIXTURE_DIR.test(dir)) continue;
    drafts.set(dir, {
      ...crateFiles(dir, toml),
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
    if (rootDir !== undefined && asObject(toml.lints).workspace === true)
      draft.sharedEntries.push(cargoKey(rootDir, 'lints', ''));
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
