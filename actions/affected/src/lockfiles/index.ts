/**
 * Per-project lockfile diffing: which workspace projects does a lockfile change actually affect?
 *
 * A project is affected exactly when its resolved dependency closure (transitive, through the lockfile's
 * own graph, workspace links followed) differs between before and after: a changed version, resolution
 * or integrity of any package it reaches, or an added or removed dependency. Metadata (specifiers,
 * `dev` flags, settings, `__metadata`) and packages the project does not reach do not count.
 *
 * Interface for callers:
 * - `projects`: the workspace projects of the lockfile's ecosystem (npm/pnpm/yarn/bun for JS lockfiles,
 *   crates for Cargo.lock, Go modules for go.sum/go.work.sum), dirs relative to the repository root.
 *   Projects outside the lockfile's folder are ignored (they use another lockfile).
 * - `extra.manifests` (optional, additive to the agreed interface): manifest texts by project dir,
 *   before and after the change:
 *   - yarn.lock v1 (classic) does not record what each workspace depends on, so it needs every
 *     project's `package.json`; without it the result is `unreadable`.
 *   - go.sum / go.work.sum: the module's `go.mod` narrows the change to the modules it requires
 *     (go 1.17+ lists every module it needs). Without it, any changed go.sum entry affects the module.
 * - Never throws: a format it cannot read is `{ kind: 'unreadable', reason }` naming what was wrong; the
 *   caller's documented fallback is to treat the lockfile as a global file for its ecosystem, with a warning.
 */
import { YamlNotLoaded } from '../../../../shared/yaml.js';
import { baseName, dirOf, isInside, relativeTo } from '../model.js';
import { diffGraphs, emptyGraph, LockfileError, oneLine, type ResolvedGraph } from './graph.js';
import { parseBunLock } from './bun.js';
import { parseCargoLock } from './cargo.js';
import { parseGoSum } from './go.js';
import { parseNpmLock } from './npm.js';
import { parsePnpmLock } from './pnpm.js';
import type { LocalProject, ManifestTexts } from './types.js';

export type { ManifestTexts } from './types.js';
import { parseYarnLock } from './yarn.js';

export interface LockfileProject {
  name: string;
  /** Relative to the repository root, '' = root. */
  dir: string;
}

export type LockfileDiff =
  | { kind: 'diffed'; affected: Map<string, string> } // project name -> reason
  | { kind: 'unreadable'; reason: string };

export interface LockfileExtra {
  /** Manifest texts (package.json for yarn.lock v1, go.mod for go.sum) by project dir from the repo root. */
  manifests?: Map<string, ManifestTexts>;
}

/** Larger lockfiles are refused rather than risk the runner's memory: real ones stay far below. */
export const MAX_LOCKFILE_CHARS = 64 * 1024 * 1024;

type Parser = (source: string, projects: LocalProject[], manifests: Map<string, string>) => ResolvedGraph;

const PARSERS = new Map<string, Parser>([
  ['package-lock.json', parseNpmLock],
  ['npm-shrinkwrap.json', parseNpmLock],
  ['pnpm-lock.yaml', parsePnpmLock],
  ['yarn.lock', parseYarnLock],
  ['bun.lock', parseBunLock],
  ['Cargo.lock', parseCargoLock],
  ['go.sum', (source, projects, manifests) => parseGoSum(source, projects, manifests, 'module')],
  ['go.work.sum', (source, projects, manifests) => parseGoSum(source, projects, manifests, 'workspace')],
]);

/** `dir` relative to the lockfile's folder; undefined when outside it (another lockfile's project). */
function localTo(folder: string, dir: string): string | undefined {
  return isInside(dir, folder) ? relativeTo(dir, folder) : undefined;
}

/** True for the lockfiles this module can diff, in any folder. */
export function isLockfile(path: string): boolean {
  return PARSERS.has(baseName(path));
}

/**
 * Which of `projects` the change of the lockfile at `path` (repo-relative) affects, each with a reason
 * such as `lockfile: lodash 4.17.20 -> 4.17.21`. `before`/`after` undefined: the lockfile was added or
 * removed, compared with an empty graph.
 */
export function diffLockfile(
  path: string,
  before: string | undefined,
  after: string | undefined,
  projects: LockfileProject[],
  extra: LockfileExtra = {},
): LockfileDiff {
  const dir = dirOf(path);
  const parse = PARSERS.get(baseName(path));
  if (parse === undefined)
    return { kind: 'unreadable', reason: `${path} is not a lockfile this action can read` };
  if (before === after) return { kind: 'diffed', affected: new Map() };

  const local: LocalProject[] = [];
  for (const project of projects) {
    const localDir = localTo(dir, project.dir);
    if (localDir !== undefined) local.push({ name: project.name, dir: localDir });
  }
  const read = (source: string | undefined, side: 'before' | 'after'): ResolvedGraph | string => {
    if (source === undefined) return emptyGraph();
    if (source.length > MAX_LOCKFILE_CHARS) {
      return `${path} (${side}) is larger than ${MAX_LOCKFILE_CHARS / 1024 / 1024} MB`;
    }
    const manifests = new Map<string, string>();
    for (const [projectDir, texts] of extra.manifests ?? []) {
      const localDir = localTo(dir, projectDir);
      const manifest = texts[side];
      if (localDir !== undefined && manifest !== undefined) manifests.set(localDir, manifest);
    }
    try {
      return parse(source, local, manifests);
    } catch (error) {
      if (error instanceof YamlNotLoaded) throw error; // not a verdict on the file: see withYaml
      // Parser libraries throw SyntaxError/RangeError on malformed or hostile input: all mean "unreadable".
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const what = error instanceof LockfileError ? message : `cannot be parsed: ${message}`;
      return `${path} (${side}): ${what}`;
    }
  };
  const beforeGraph = read(before, 'before');
  if (typeof beforeGraph === 'string') return { kind: 'unreadable', reason: oneLine(beforeGraph) };
  const afterGraph = read(after, 'after');
  if (typeof afterGraph === 'string') return { kind: 'unreadable', reason: oneLine(afterGraph) };

  const affected = diffGraphs(
    beforeGraph,
    afterGraph,
    local.map((project) => project.name),
  );
  if (before === undefined || after === undefined) {
    const change = before === undefined ? 'added' : 'removed';
    for (const name of affected.keys()) affected.set(name, `lockfile: ${path} ${change}`);
  }
  return { kind: 'diffed', affected };
}
