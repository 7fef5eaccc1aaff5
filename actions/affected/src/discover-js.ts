import {
  DEPENDENCY_FIELDS,
  type PackageFields,
  packageFieldsOf,
  readPackageFields,
} from './discover-js-manifest.js';
import { isInside, joinPath, relativeTo } from './model.js';
import {
  type Contents,
  type Draft,
  type Json,
  FIXTURE_DIR,
  asObject,
  fileIn,
  isObject,
  manifestsNamed,
  memberMatcher,
  parseJsonFile,
  parseYamlFile,
  strings,
} from './manifests.js';

/** Fields that make a workspace root package a project of its own: it ships code, not only tooling. */
const OWN_CODE_FIELDS = ['main', 'module', 'exports', 'bin', 'types', 'browser'];

export interface DiscoveredJs {
  drafts: Draft[];
  structureFiles: string[];
  /** Catalog entries: `catalog\t<root>\t<catalog>\t<package>` -> version. */
  sharedValues: Map<string, string>;
  /** Manifest path -> the part of it that is the project's own (a root manifest also holds the workspace). */
  fingerprints: Map<string, string>;
}

interface Root {
  dir: string;
  patterns: string[];
  /** Where the member list came from. */
  source: string;
  catalogs: Map<string, Json>;
  /** Member folders the package manager skips although a glob selects them (relative to the root). */
  ignore: (relDir: string) => boolean;
}

/**
 * From this many package.json files up, members are read by readPackageFields. Below it JSON.parse,
 * native code, is as fast (measured on astro's 538 manifests: about 7 ms either way, the reader's
 * code still cold), and its cost per dependency map has not grown yet.
 */
const READER_FROM = 2000;

/** pnpm never takes workspace packages from these folders, whatever the globs say. */
const PNPM_IGNORED = /(^|\/)(node_modules|bower_components)(\/|$)/;

/** A catalog value as text; YAML may give a number or a mapping (which String() cannot convert). */
const jsonText = (value: unknown): string => JSON.stringify(value) ?? 'null';

/**
 * The workspace a root folder declares: pnpm-workspace.yaml `packages` (pnpm ignores package.json
 * `workspaces` then), else package.json `workspaces` (array or `{packages}`); undefined when the
 * package.json only mentions the word.
 */
function readRoot(
  dir: string,
  contents: Contents,
  packageText: string | undefined,
  parsed: (dir: string, text: string) => Json,
): Root | undefined {
  const yamlFile = fileIn(dir, 'pnpm-workspace.yaml');
  const yamlText = contents.get(yamlFile);
  const json = packageText === undefined ? undefined : parsed(dir, packageText);
  const catalogs = new Map<string, Json>();
  if (yamlText !== undefined) {
    const yaml = parseYamlFile(yamlFile, yamlText);
    readCatalogs(catalogs, yaml);
    if (json) readCatalogs(catalogs, json);
    return {
      dir,
      patterns: strings(yaml.packages),
      source: yamlFile,
      catalogs,
      ignore: (relDir) => PNPM_IGNORED.test(relDir),
    };
  }
  if (!json || json.workspaces === undefined) return undefined;
  const workspaces = json.workspaces;
  readCatalogs(catalogs, json); // bun: top level
  readCatalogs(catalogs, asObject(workspaces)); // bun: inside `workspaces`
  return {
    dir,
    patterns: Array.isArray(workspaces) ? strings(workspaces) : strings(asObject(workspaces).packages),
    source: fileIn(dir, 'package.json'),
    catalogs,
    ignore: (relDir) => /(^|\/)node_modules(\/|$)/.test(relDir),
  };
}

/** Reads catalogs in the pnpm / yarn / bun shape: `catalog` (the default one) and `catalogs.<name>`. */
function readCatalogs(into: Map<string, Json>, holder: Json): void {
  if (isObject(holder.catalog)) into.set('default', holder.catalog);
  for (const [name, catalog] of Object.entries(asObject(holder.catalogs)))
    if (isObject(catalog)) into.set(name, catalog);
}

export const catalogKey = (root: string, catalog: string, pkg: string): string =>
  `catalog\t${root}\t${catalog}\t${pkg}`;

/**
 * npm, yarn (classic and berry), pnpm and bun workspaces: members come from package.json
 * `workspaces` (array or `{packages}`) or pnpm-workspace.yaml `packages`; every dependency field
 * naming a member is an edge whatever its range (`*`, `^1`, `workspace:*`, `file:`, `link:`, `npm:` alias).
 */
export function discoverJs(contents: Contents, files: readonly string[]): DiscoveredJs {
  const packages = new Map<string, Json>();
  const parsed = (dir: string, text: string): Json => {
    let json = packages.get(dir);
    if (!json) packages.set(dir, (json = parseJsonFile(fileIn(dir, 'package.json'), text)));
    return json;
  };
  const packageManifests = manifestsNamed(contents, 'package.json');
  // Members need only their name and dependency entries: in a large workspace, read without JSON.parse
  // when the text allows (see discover-js-manifest.ts). A member's parsed object is not kept (only
  // roots are read again): a thousand of them alive until discovery ends were copied by every
  // young-generation collection meanwhile.
  const fast = packageManifests.length >= READER_FROM;
  const fieldsOf = (dir: string, text: string, path: string): PackageFields => {
    const json = packages.get(dir);
    if (json) return packageFieldsOf(json);
    return (
      (fast ? readPackageFields(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) : undefined) ??
      packageFieldsOf(parseJsonFile(path, text))
    );
  };
  const packageTexts = new Map<string, string>();
  for (let i = 0; i < packageManifests.length; i++)
    packageTexts.set(packageManifests[i]![0], packageManifests[i]![1]);
  const structureFiles: string[] = [];
  const fingerprints = new Map<string, string>();

  // Workspace roots: a pnpm-workspace.yaml, or a package.json with `workspaces`. The outermost one
  // defines the workspace; a workspace file inside it, or in a test fixture folder, is not read at
  // all: members are whatever the root's globs select, as for the package managers themselves.
  const candidates = new Set<string>();
  for (const [dir] of manifestsNamed(contents, 'pnpm-workspace.yaml')) candidates.add(dir);
  packageTexts.forEach((text, dir) => text.includes('"workspaces"') && candidates.add(dir));
  const roots = new Map<string, Root>();
  for (const dir of [...candidates].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    if (FIXTURE_DIR.test(dir) || [...roots.keys()].some((root) => isInside(dir, root))) continue;
    const root = readRoot(dir, contents, packageTexts.get(dir), parsed);
    if (!root) continue;
    roots.set(dir, root);
    if (root.source.endsWith('pnpm-workspace.yaml')) structureFiles.push(root.source);
    const yarnrc = contents.get(fileIn(dir, '.yarnrc.yml'));
    if (yarnrc !== undefined) {
      readCatalogs(root.catalogs, parseYamlFile(fileIn(dir, '.yarnrc.yml'), yarnrc));
      structureFiles.push(fileIn(dir, '.yarnrc.yml'));
    }
  }

  // A repository without workspaces but with a root package.json is a one-package repository.
  if (!roots.size && packageTexts.has(''))
    roots.set('', {
      dir: '',
      patterns: [],
      source: 'package.json',
      catalogs: new Map(),
      ignore: () => false,
    });

  const sharedValues = new Map<string, string>();
  for (const root of roots.values())
    for (const [name, catalog] of root.catalogs)
      for (const [pkg, version] of Object.entries(catalog))
        sharedValues.set(
          catalogKey(root.dir, name, pkg),
          typeof version === 'string' ? version : jsonText(version),
        );
  const matchers = [...roots.values()].map((root) => ({
    root,
    isMember: memberMatcher(root.patterns, root.source),
  }));
  // Drafts with, at the same index, their manifest's fields and their workspace root.
  const drafts: Draft[] = [];
  const manifests: PackageFields[] = [];
  const rootDirs: string[] = [];
  const byName = new Map<string, Draft>();
  const add = (dir: string, manifest: PackageFields, rootDir: string, path: string): void => {
    const name = manifest.name || dir || 'root';
    const draft: Draft = {
      ecosystem: 'js',
      dir,
      name,
      manifest: path,
      links: [],
      sharedEntries: [],
    };
    drafts.push(draft);
    manifests.push(manifest);
    rootDirs.push(rootDir);
    if (!byName.has(name)) byName.set(name, draft);
  };
  // Members in folder order (the order of packageManifests); the last root selecting a folder takes it.
  // Index loops: this runs once per package while the code is still cold (see manifestsNamed).
  for (let i = 0; i < packageManifests.length; i++) {
    const manifest = packageManifests[i]!;
    const dir = manifest[0];
    let rootDir: string | undefined;
    for (let r = 0; r < matchers.length; r++) {
      const { root, isMember } = matchers[r]!;
      if (dir === root.dir || !isInside(dir, root.dir)) continue;
      const relative = relativeTo(dir, root.dir);
      if (isMember(relative) && !root.ignore(relative)) rootDir = root.dir;
    }
    if (rootDir !== undefined) add(dir, fieldsOf(dir, manifest[1], manifest[2]), rootDir, manifest[2]);
  }
  for (const root of roots.values()) {
    const text = packageTexts.get(root.dir);
    if (text === undefined) continue;
    const json = parsed(root.dir, text);
    const hasWorkspace = root.patterns.length > 0; // a pnpm-workspace.yaml for settings alone leaves a one-package repository
    const file = fileIn(root.dir, 'package.json');
    if (hasWorkspace) {
      structureFiles.push(file);
      // Read by field: workspaces and catalogs are compared as structure; devDependencies (the
      // workspace's tooling) reach projects only through the per-project lockfile diff.
      const { workspaces: _w, catalog: _c, catalogs: _cs, devDependencies: _d, ...own } = json;
      fingerprints.set(file, JSON.stringify(own));
    }
    // The root-project rule: a workspace root is a project only when it ships code of its own.
    const shipsCode =
      OWN_CODE_FIELDS.some((field) => json[field] !== undefined) ||
      files.some((path) => path.startsWith(root.dir ? `${root.dir}/src/` : 'src/'));
    if (!hasWorkspace || shipsCode) add(root.dir, fieldsOf(root.dir, text, file), root.dir, file);
  }

  let byDir: Map<string, Draft> | undefined; // for `file:` and `link:` specs only
  const draftIn = (dir: string) => (byDir ??= new Map(drafts.map((d) => [d.dir, d]))).get(dir);
  drafts.forEach((draft, index) => {
    const { dependencies } = manifests[index]!;
    const rootDir = rootDirs[index]!;
    for (let f = 0; f < DEPENDENCY_FIELDS.length; f++) {
      const field = DEPENDENCY_FIELDS[f]!;
      const entries = dependencies[f];
      if (!entries) continue;
      for (let i = 0; i < entries.length; i += 2) {
        const dep = entries[i]!;
        const raw = entries[i + 1]!;
        const spec = raw === '' ? raw : raw.trim();
        if (spec.startsWith('catalog:')) {
          draft.sharedEntries.push(catalogKey(rootDir, spec.slice(8) || 'default', dep));
          continue;
        }
        // '' is a plain range (see PackageFields), the common case: it links by the package name alone.
        const target = spec === '' ? byName.get(dep) : resolveSpec(dep, spec, draft.dir, byName, draftIn);
        if (target && target !== draft && !linksTo(draft.links, target))
          draft.links.push({ target, kind: field });
      }
    }
  });
  return { drafts, structureFiles, sharedValues, fingerprints };
}

/** True when `links` holds one to `target` (a few links per package: a scan beats a set per package). */
function linksTo(links: Draft['links'], target: Draft): boolean {
  for (let i = 0; i < links.length; i++) if (links[i]!.target === target) return true;
  return false;
}

/** The workspace package a dependency entry points at, if any. */
function resolveSpec(
  dep: string,
  spec: string,
  fromDir: string,
  byName: Map<string, Draft>,
  draftIn: (dir: string) => Draft | undefined,
): Draft | undefined {
  if (!spec.includes(':')) return byName.get(dep); // a plain range: the common case
  const path = /^(file|link|portal):(.*)$/.exec(spec);
  if (path) {
    const dir = joinPath(fromDir, path[2]!);
    return dir === undefined ? undefined : draftIn(dir);
  }
  const alias = /^(?:npm|workspace):((?:@[^/@]+\/)?[^@]+)@/.exec(spec);
  return byName.get(alias ? alias[1]! : dep);
}
