// One comparison from the resolved range to the affected set: every read goes through `git`, in as
// few processes as the answer allows (see revisions.ts); no input, output or log of the runner here.
import type { ChangedFile, Git } from '../../../shared/git.js';
import type { ResolvedRange } from '../../../shared/range.js';
import { withYaml } from '../../../shared/yaml.js';
import { type AffectedResult, computeAffected } from './affected.js';
import { discoverWorkspace } from './discover.js';
import { dependencyCycles } from './graph.js';
import { InputRules } from './inputs.js';
import { type LockfileVerdicts, lockfileVerdicts } from './lockfile-changes.js';
import { isLockfile } from './lockfiles/index.js';
import type { Workspace } from './model.js';
import {
  type HeadSnapshot,
  baseWorkspace,
  configReaders,
  goEmbedded,
  linkThroughLockfiles,
  readHead,
  readLockfiles,
  touchedPaths,
} from './revisions.js';
import type { Settings } from './settings.js';

export interface Analysis {
  result: AffectedResult;
  head: Workspace;
  changes: ChangedFile[];
  verdicts: LockfileVerdicts;
}

/**
 * The affected projects of `range`. `early` is the head's snapshot when it was read while the range
 * resolved (the head's files do not depend on the base); it is read again if it was another commit.
 */
export async function analyse(
  git: Git,
  range: ResolvedRange,
  settings: Settings,
  early: Promise<HeadSnapshot | undefined> = Promise.resolve(undefined),
): Promise<Analysis> {
  const [changes, snapshot] = await Promise.all([
    git.changedFiles(range.base, range.head),
    early.then((known) => (known?.sha === range.head ? known : readHead(git, range.head))),
  ]);
  const { files, contents: headContents } = snapshot;
  // withYaml: the full YAML parser loads only when a workspace file or lockfile needs more than the fast reader.
  const head = await withYaml(() => discoverWorkspace(files, headContents, settings.explicit));
  const { workspace: base, contents: baseContents } = await withYaml(() =>
    baseWorkspace(git, range.base, changes, files, headContents, settings.explicit, head),
  );
  const lockfileChanges = changes.filter(
    (c) => isLockfile(c.path) && !settings.isIgnored(c.path) && !settings.isGlobal(c.path),
  );
  const diffed = new Set(touchedPaths(lockfileChanges));
  // The lockfile texts read with the head (and for the links at base) are not read again for the
  // diff, nor at base where the range left them alone.
  const touched = new Set(touchedPaths(changes));
  const unchanged = new Map([...snapshot.lockfiles].filter(([path]) => !touched.has(path)));
  const known = await withYaml(async () => {
    await linkThroughLockfiles(git, snapshot, head, diffed);
    return {
      head: snapshot.lockfiles,
      base:
        base !== head
          ? await linkThroughLockfiles(git, snapshot, base, diffed, { revision: range.base, unchanged })
          : new Map(),
    };
  });
  const cycles = dependencyCycles(head.projects);
  const lockfiles = await readLockfiles(git, range.base, snapshot, lockfileChanges, known);
  const verdicts = await withYaml(() =>
    lockfileVerdicts(lockfiles, base, head, (project, side) =>
      (side === 'after' ? headContents : baseContents).get(project.manifest),
    ),
  );
  const rules = new InputRules(settings.inputs, await goEmbedded(git, snapshot, changes, head));
  const readBy = await configReaders(git, snapshot, changes, head);
  const result = computeAffected({
    base,
    head,
    changes,
    inputs: rules,
    isIgnored: settings.isIgnored,
    isGlobal: settings.isGlobal,
    isLockfile,
    lockfileSeeds: verdicts.seeds,
    readBy,
    cycles,
    includeDependents: settings.includeDependents,
    includeDependencies: settings.includeDependencies,
  });
  return { result, head, changes, verdicts };
}
