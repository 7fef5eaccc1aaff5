import { parse as parseToml } from 'smol-toml';
import { plural } from '../../../shared/english.js';
import { parseGoMod } from './discover-go.js';
import { diffLockfile } from './lockfiles/index.js';
import { type Ecosystem, type Project, type Workspace, baseName, dirOf, isInside } from './model.js';

/** The ecosystem whose projects a lockfile resolves. */
export function lockfileEcosystem(path: string): Ecosystem {
  const name = baseName(path);
  return name === 'Cargo.lock' ? 'cargo' : name === 'go.sum' || name === 'go.work.sum' ? 'go' : 'js';
}

export interface LockfileChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

export interface LockfileVerdicts {
  /** Project name -> reasons. */
  seeds: Map<string, string[]>;
  /** One line per lockfile that could not be diffed, naming it and the fallback taken. */
  warnings: string[];
  /** One line per lockfile: what it changed. */
  notes: string[];
}

/**
 * Diffs each changed lockfile per project (the lockfile parsers decide whose resolved dependencies
 * changed). A lockfile they cannot read falls back, with a warning naming it and the projects taken,
 * to the projects it covers whose manifests declare an external dependency (only those can resolve
 * differently): too many jobs is recoverable, a missed one is not.
 */
export function lockfileVerdicts(
  changes: readonly LockfileChange[],
  base: Workspace,
  head: Workspace,
  /** Manifest text of a project at each revision (package.json for yarn classic, go.mod for go.sum). */
  manifestOf: (project: Project, side: 'before' | 'after') => string | undefined,
): LockfileVerdicts {
  const verdicts: LockfileVerdicts = { seeds: new Map(), warnings: [], notes: [] };
  for (const change of changes) {
    const ecosystem = lockfileEcosystem(change.path);
    const projects = head.projects.filter((p) => p.ecosystem === ecosystem);
    const manifests = new Map(
      projects.map((p) => {
        const before = base.byName.get(p.name);
        return [p.dir, { before: before && manifestOf(before, 'before'), after: manifestOf(p, 'after') }];
      }),
    );
    const diff = diffLockfile(
      change.path,
      change.before,
      change.after,
      projects.map((p) => ({ name: p.name, dir: p.dir })),
      { manifests },
    );
    let affected: Map<string, string>;
    if (diff.kind === 'unreadable') {
      const reason = `lockfile ${change.path} changed and could not be diffed`;
      const names = projects
        .filter((p) => isInside(p.dir, dirOf(change.path)))
        .filter((p) => declaresExternal(p, manifestOf(p, 'after'), head))
        .map((p) => p.name);
      affected = new Map(names.map((name) => [name, reason]));
      verdicts.warnings.push(
        `Lockfile ${change.path} could not be diffed (${diff.reason}); fell back to the ${plural(names.length, `${ecosystem} project`)} it covers whose manifests declare external dependencies${names.length ? `: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}` : ''}.`,
      );
    } else affected = diff.affected;
    verdicts.notes.push(
      `${change.path}: ${affected.size ? `${plural(affected.size, 'project')} ${affected.size === 1 ? 'resolves' : 'resolve'} different dependencies` : 'no project resolves different dependencies'}`,
    );
    for (const [name, reason] of affected) {
      const reasons = verdicts.seeds.get(name);
      if (reasons) reasons.push(reason);
      else verdicts.seeds.set(name, [reason]);
    }
  }
  return verdicts;
}

const JS_DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
const LOCAL_SPEC = /^(workspace|link|file|portal):/;

/**
 * True when a project's manifest names a dependency from outside the repository (so a lockfile can
 * change what it resolves). A manifest that cannot be read counts as declaring one.
 */
export function declaresExternal(project: Project, text: string | undefined, workspace: Workspace): boolean {
  if (text === undefined) return true;
  const isProject = (name: string) => workspace.byName.get(name)?.ecosystem === project.ecosystem;
  try {
    if (project.ecosystem === 'go')
      return parseGoMod(project.manifest, text, project.dir).requires.some((m) => !isProject(m));
    if (project.ecosystem === 'cargo') {
      const toml = parseToml(text) as Record<string, unknown>;
      const tables = ['dependencies', 'dev-dependencies', 'build-dependencies'].flatMap((t) => [
        toml[t],
        ...Object.values(asRecord(toml.target)).map((target) => asRecord(target)[t]),
      ]);
      // `workspace = true` may name a registry crate: counted as external.
      return tables.some((table) =>
        Object.values(asRecord(table)).some((spec) => typeof asRecord(spec).path !== 'string'),
      );
    }
    const json = JSON.parse(text) as Record<string, unknown>;
    return JS_DEPENDENCY_FIELDS.some((field) =>
      Object.entries(asRecord(json[field])).some(
        ([name, spec]) => !(typeof spec === 'string' && LOCAL_SPEC.test(spec.trim())) && !isProject(name),
      ),
    );
  } catch {
    return true;
  }
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
