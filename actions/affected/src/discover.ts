import { InputError } from '../../../shared/errors.js';
import { discoverCargo } from './discover-cargo.js';
import { discoverGo } from './discover-go.js';
import { discoverJs } from './discover-js.js';
import { discoverPython } from './discover-python.js';
import { type Contents, type Draft, fileIn, manifestsNamed, parseJsonFile, strings } from './manifests.js';
import { type Link, type Project, type Workspace, baseName } from './model.js';

/** One entry of the `projects` input: a project the manifests do not describe, or an override. */
export interface ExplicitProject {
  name: string;
  /** Globs (repository-relative) of the files the project owns. */
  paths: string[];
  dependsOn: string[];
  /** The folder in the matrix entry; by default the fixed start of the first glob. */
  path?: string;
}

/** The fixed leading folders of a glob: `services/api/**` -> `services/api`. */
export function staticPrefix(glob: string): string {
  const parts: string[] = [];
  for (const part of glob.replace(/^\.?\//, '').split('/')) {
    if (/[*?[{]/.test(part)) break;
    parts.push(part);
  }
  return (/[*?[{]/.test(glob) ? parts : parts.slice(0, -1)).join('/');
}

/**
 * Finds every project of a revision from its file list and manifest contents (see manifestPaths):
 * JS workspaces, Nx project.json, Go modules, Cargo and uv workspaces, then the `projects` input.
 * Names are made unique (a later duplicate gets its folder appended, with a warning).
 */
export function discoverWorkspace(
  files: readonly string[],
  contents: Contents,
  explicit: readonly ExplicitProject[] = [],
): Workspace {
  const js = discoverJs(contents, files);
  const go = discoverGo(contents);
  const cargo = discoverCargo(contents);
  const python = discoverPython(contents);
  const drafts = [...js.drafts, ...go.drafts, ...cargo.drafts, ...python.drafts];
  const fingerprints = new Map([...js.fingerprints, ...cargo.fingerprints, ...python.fingerprints]);
  const implicit = nxProjects(contents, drafts);

  const warnings: string[] = [...go.warnings];
  const byDraft = new Map<Draft, Project>();
  const byName = new Map<string, Project>();
  const aliases = new Map<string, Project>();
  drafts.sort((a, b) => (a.dir === b.dir ? (a.ecosystem < b.ecosystem ? -1 : 1) : a.dir < b.dir ? -1 : 1));
  for (const draft of drafts) {
    let name = draft.name;
    if (byName.has(name)) {
      const first = byName.get(name)!;
      name = `${draft.name} (${draft.dir || '.'})`;
      warnings.push(
        `Two projects are named ${draft.name} (${first.manifest} and ${draft.manifest}); the second is called "${name}".`,
      );
    }
    const project: Project = {
      name,
      dir: draft.dir,
      ecosystem: draft.ecosystem,
      manifest: draft.manifest,
      links: [],
      sharedEntries: draft.sharedEntries,
      fingerprint: fingerprints.get(draft.manifest),
    };
    if (draft.targets) project.targets = draft.targets;
    if (draft.inputs) project.inputs = draft.inputs;
    byDraft.set(draft, project);
    byName.set(name, project);
    if (draft.aliases)
      for (const alias of draft.aliases) if (!aliases.has(alias)) aliases.set(alias, project);
  }
  for (const draft of drafts) {
    byDraft.get(draft)!.links = draft.links.map((l) => ({ name: byDraft.get(l.target)!.name, kind: l.kind }));
  }
  const find = (name: string) => byName.get(name) ?? aliases.get(name);
  for (const [draft, names] of implicit) applyImplicit(byDraft.get(draft)!, names, byName, find);

  for (const entry of explicit) {
    const existing = byName.get(entry.name);
    const project: Project = existing ?? {
      name: entry.name,
      dir: entry.path ?? staticPrefix(entry.paths[0] ?? ''),
      ecosystem: 'custom',
      manifest: '',
      links: [],
      sharedEntries: [],
    };
    if (entry.paths.length) project.paths = entry.paths;
    if (entry.path !== undefined) project.dir = entry.path;
    for (const dependency of entry.dependsOn) {
      const target = find(dependency) ?? explicit.find((e) => e.name === dependency);
      if (!target)
        throw new InputError(
          `Input "projects": ${entry.name} depends on ${dependency}, which is neither listed there nor found in the repository.`,
        );
      if (!project.links.some((l) => l.name === target.name))
        project.links.push({ name: target.name, kind: 'depends-on' });
    }
    byName.set(project.name, project);
  }

  const projects = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    projects,
    byName, // the same projects: the map is only looked up, never walked in order
    structureFiles: new Set([
      ...js.structureFiles,
      ...go.structureFiles,
      ...cargo.structureFiles,
      ...python.structureFiles,
    ]),
    sharedValues: new Map([...js.sharedValues, ...cargo.sharedValues]),
    warnings,
  };
}

/**
 * Nx `project.json` files: the Nx name wins over a package.json in the same folder (which stays an
 * alias for dependency lookups). Returns each project's `implicitDependencies`, applied after naming.
 */
function nxProjects(contents: Contents, drafts: Draft[]): Map<Draft, string[]> {
  const implicit = new Map<Draft, string[]>();
  for (const [dir, text] of manifestsNamed(contents, 'project.json')) {
    const file = fileIn(dir, 'project.json');
    const json = parseJsonFile(file, text);
    let draft = drafts.find((d) => d.ecosystem === 'js' && d.dir === dir);
    const name =
      typeof json.name === 'string' && json.name ? json.name : (draft?.name ?? (baseName(dir) || 'root'));
    if (draft) {
      if (draft.name !== name) (draft.aliases ??= []).push(draft.name);
      draft.name = name;
    } else {
      draft = { ecosystem: 'js', dir, name, manifest: file, links: [], sharedEntries: [] };
      drafts.push(draft);
    }
    const names = strings(json.implicitDependencies);
    if (names.length) implicit.set(draft, names);
  }
  return implicit;
}

/** Nx implicitDependencies: names add edges, `!name` removes an inferred one, `*` means every project. */
function applyImplicit(
  project: Project,
  names: string[],
  byName: Map<string, Project>,
  find: (name: string) => Project | undefined,
): void {
  for (const raw of names) {
    const negated = raw.startsWith('!');
    const name = negated ? raw.slice(1) : raw;
    const targets = name === '*' ? [...byName.values()] : [find(name)].filter((p): p is Project => !!p);
    for (const target of targets) {
      if (target === project) continue;
      if (negated) project.links = project.links.filter((l: Link) => l.name !== target.name);
      else if (!project.links.some((l) => l.name === target.name))
        project.links.push({ name: target.name, kind: 'implicitDependencies' });
    }
  }
}
