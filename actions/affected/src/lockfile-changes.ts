import { diffLockfile } from './lockfiles/index.js';
import { type Ecosystem, type Project, type Workspace, baseName } from './model.js';

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
 * changed). A lockfile they cannot read falls back, with a warning naming it, to marking every
 * project of its ecosystem: too many jobs is recoverable, a missed one is not.
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
      verdicts.warnings.push(
        `Lockfile ${change.path} could not be diffed (${diff.reason}); every ${ecosystem} project it covers counts as affected.`,
      );
      const reason = `lockfile ${change.path} changed and could not be diffed`;
      affected = new Map(
        projects
          .filter((p) => change.path === baseName(change.path) || isBelow(p.dir, change.path))
          .map((p) => [p.name, reason]),
      );
    } else affected = diff.affected;
    verdicts.notes.push(
      `${change.path}: ${affected.size ? `${affected.size} project(s) resolve different dependencies` : 'no project resolves different dependencies'}`,
    );
    for (const [name, reason] of affected) {
      const reasons = verdicts.seeds.get(name);
      if (reasons) reasons.push(reason);
      else verdicts.seeds.set(name, [reason]);
    }
  }
  return verdicts;
}

/** True when a project folder lies in the lockfile's folder. */
function isBelow(dir: string, lockfile: string): boolean {
  const folder = lockfile.slice(0, lockfile.lastIndexOf('/'));
  return dir === folder || dir.startsWith(`${folder}/`);
}
