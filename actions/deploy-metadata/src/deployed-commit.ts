import type { EventContext } from '../../../shared/context.js';
import { InputError, describeError } from '../../../shared/errors.js';
import type { Git } from '../../../shared/git.js';
import type { CommitFacts } from './record.js';
import { type Version, chooseVersion } from './version.js';

/** Tags `describe` may build a version from: semver, with or without a leading `v`. */
const SEMVER_TAGS = ['v[0-9]*.[0-9]*.[0-9]*', '[0-9]*.[0-9]*.[0-9]*'];

export interface DeployedCommit {
  commit: CommitFacts;
  version: Version;
  ref: string;
}

/**
 * The deployed commit (the pull request head for pull requests), its version and its ref. The git
 * reads are independent and run side by side: each git process costs tens of milliseconds.
 */
export async function readDeployedCommit(
  git: Git,
  ctx: Pick<EventContext, 'headSha' | 'pullRequest' | 'ref'>,
  wanted: { version?: string; requireSemver: boolean },
): Promise<DeployedCommit> {
  const head = await git.resolve(
    ctx.pullRequest?.headSha ? 'the pull request head' : 'the event commit',
    ctx.headSha || 'HEAD',
  );
  const derive = wanted.version === undefined;
  const [commit, tagsOnCommit, describe, ref] = await Promise.all([
    git.commit(head),
    derive ? git.tagsAt(head) : [],
    derive ? git.describe(head, SEMVER_TAGS) : undefined,
    // Outside a runner there is no GITHUB_REF: the branch checked out stands in.
    ctx.ref || git.exec(['symbolic-ref', '--quiet', 'HEAD']).then((r) => r.stdout.trim()),
  ]);
  try {
    const version = chooseVersion({
      input: wanted.version,
      requireSemver: wanted.requireSemver,
      tagsOnCommit,
      describe,
      shortSha: head.slice(0, 7),
    });
    return { commit, version, ref };
  } catch (error) {
    throw new InputError(describeError(error));
  }
}
