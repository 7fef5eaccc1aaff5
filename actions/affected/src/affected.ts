import type { ChangedFile } from '../../../shared/git.js';
import { type Cause, describeCause, expand } from './graph.js';
import { type InputRules, Owners } from './inputs.js';
import { type Project, type Workspace, describeShared } from './model.js';

export interface AffectedOptions {
  base: Workspace;
  head: Workspace;
  changes: readonly ChangedFile[];
  inputs: InputRules;
  isIgnored: (path: string) => boolean;
  isGlobal: (path: string) => boolean;
  /** Lockfiles are diffed by the caller (lockfile parsers); their verdicts arrive here. */
  isLockfile: (path: string) => boolean;
  lockfileSeeds: ReadonlyMap<string, string[]>;
  /** Files read by projects that do not own them (tsconfig `extends` chains): path -> project names. */
  readBy: ReadonlyMap<string, readonly string[]>;
  /** Dependency cycles at head (see dependencyCycles): each builds as one unit. */
  cycles: readonly string[][];
  includeDependents: boolean;
  includeDependencies: boolean;
}

export interface AffectedProject {
  name: string;
  path: string;
  reason: string;
  /** The neighbour that brought this project in; undefined for a project changed itself. */
  via?: string;
}

export interface AffectedResult {
  /** Sorted by name; only projects that exist at head. */
  projects: AffectedProject[];
  /** True when a global file changed, which affects every project. */
  all: boolean;
  globalFiles: string[];
  /** Paths considered (new and old path of renames), after `ignore`. */
  changedFiles: string[];
  ignoredFiles: string[];
  /** Files inside a project folder that are not inputs of that project, with the project. */
  nonInputs: [string, string][];
  /** Changed files no project owns. */
  unowned: string[];
  lockfiles: string[];
  /** Projects whose folder moved, keeping their name. */
  moved: { name: string; from: string; to: string }[];
  /** Projects that exist at base only. */
  removed: string[];
  /** Dependency cycles at head, each sorted; a member's change affects every member. */
  cycles: readonly string[][];
  causes: Map<string, Cause>;
}

const add = (seeds: Map<string, string[]>, name: string, reason: string) => {
  const reasons = seeds.get(name);
  if (!reasons) seeds.set(name, [reason]);
  else if (!reasons.includes(reason)) reasons.push(reason);
};

/**
 * The affected projects of a change, with the reason for each. Pure: workspaces at both revisions,
 * the changed files and the lockfile verdicts in, the answer out.
 *
 * A file counts at the revision it exists in (a deleted file at base, an added one at head, both
 * paths of a rename), so a moved project is one project with a new path. Workspace files are not
 * owned but compared: catalog and `[workspace.dependencies]` entries mark the projects using the
 * entry; changed links between projects mark the project whose links changed.
 */
export function computeAffected(options: AffectedOptions): AffectedResult {
  const { base, head } = options;
  const headOwners = new Owners(head);
  const owners = { base: base === head ? headOwners : new Owners(base), head: headOwners };
  const seeds = new Map<string, string[]>(options.lockfileSeeds);
  const result: AffectedResult = {
    projects: [],
    all: false,
    globalFiles: [],
    changedFiles: [],
    ignoredFiles: [],
    nonInputs: [],
    unowned: [],
    lockfiles: [],
    moved: [],
    removed: [],
    cycles: options.cycles,
    causes: new Map(),
  };
  const seen = new Set<string>();
  const lists = {
    ignored: new Set<string>(),
    changed: new Set<string>(),
    global: new Set<string>(),
    lockfiles: new Set<string>(),
    unowned: new Set<string>(),
    nonInputs: new Set<string>(),
  };
  const consider = (path: string, at: 'base' | 'head', verb: string) => {
    if (seen.has(`${at}:${path}`)) return;
    seen.add(`${at}:${path}`);
    if (options.isIgnored(path)) return void lists.ignored.add(path);
    lists.changed.add(path);
    if (options.isGlobal(path)) return void lists.global.add(path);
    if (options.isLockfile(path)) return void lists.lockfiles.add(path);
    const workspace = at === 'base' ? base : head;
    const found = owners[at].of(path);
    const readers = options.readBy.get(path) ?? [];
    for (const name of readers) add(seeds, name, `${verb} ${path}, which its tsconfig extends`);
    if (workspace.structureFiles.has(path) && !found.some((p) => p.manifest === path)) return;
    if (!found.length) return void (readers.length || lists.unowned.add(path));
    for (const project of found) {
      if (
        path === project.manifest &&
        project.fingerprint !== undefined &&
        !fingerprintChanged(base, project)
      )
        continue;
      if (options.inputs.isInput(project, path)) add(seeds, project.name, `${verb} ${path}`);
      else if (!lists.nonInputs.has(`${path}\0${project.name}`)) {
        lists.nonInputs.add(`${path}\0${project.name}`);
        result.nonInputs.push([path, project.name]);
      }
    }
  };
  for (const change of options.changes) {
    if (change.oldPath !== undefined) {
      consider(change.oldPath, 'base', 'moved');
      consider(change.path, 'head', 'moved');
    } else if (change.status === 'D') consider(change.path, 'base', 'deleted');
    else if (change.status === 'A') consider(change.path, 'head', 'added');
    else {
      consider(change.path, 'base', 'changed');
      consider(change.path, 'head', 'changed');
    }
  }

  result.ignoredFiles = [...lists.ignored];
  result.changedFiles = [...lists.changed];
  result.globalFiles = [...lists.global];
  result.lockfiles = [...lists.lockfiles];
  result.unowned = [...lists.unowned];
  if (base !== head) compareStructure(base, head, seeds, result);
  for (const name of [...seeds.keys()]) if (!head.byName.has(name)) seeds.delete(name);

  if (result.globalFiles.length) {
    result.all = true;
    const reason = `global file ${result.globalFiles[0]} changed`;
    for (const project of head.projects) if (!seeds.has(project.name)) seeds.set(project.name, [reason]);
  }
  result.causes = expand(head.projects, seeds, options.cycles, {
    dependents: options.includeDependents,
    dependencies: options.includeDependencies,
  });
  for (const project of head.projects) {
    const cause = result.causes.get(project.name);
    if (!cause) continue;
    result.projects.push({
      name: project.name,
      path: project.dir || '.',
      reason: describeCause(result.causes, project.name),
      via: cause.kind === 'changed' ? undefined : cause.via,
    });
  }
  return result;
}

function fingerprintChanged(base: Workspace, project: Project): boolean {
  const before = base.byName.get(project.name);
  return !before || before.fingerprint !== project.fingerprint;
}

/** Compares the two workspaces: moved and removed projects, changed shared entries, changed links. */
function compareStructure(
  base: Workspace,
  head: Workspace,
  seeds: Map<string, string[]>,
  result: AffectedResult,
): void {
  for (const before of base.projects) {
    const after = head.byName.get(before.name);
    if (!after) result.removed.push(before.name);
    else if (after.dir !== before.dir)
      result.moved.push({ name: before.name, from: before.dir || '.', to: after.dir || '.' });
  }
  const changedEntries = new Set<string>();
  for (const key of new Set([...base.sharedValues.keys(), ...head.sharedValues.keys()]))
    if (base.sharedValues.get(key) !== head.sharedValues.get(key)) changedEntries.add(key);
  for (const project of head.projects) {
    for (const key of project.sharedEntries)
      if (changedEntries.has(key)) add(seeds, project.name, `${describeShared(key)} changed`);
    const before = base.byName.get(project.name);
    if (!before) {
      // A folder the workspace globs newly select is built for the first time.
      if (!seeds.has(project.name)) add(seeds, project.name, 'joined the workspace');
      continue;
    }
    const links = (p: Project) =>
      p.links
        .map((l) => l.name)
        .sort()
        .join('\n');
    if (links(before) !== links(project)) add(seeds, project.name, 'its links to other projects changed');
  }
}
