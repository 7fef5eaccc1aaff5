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
 * The tags on the commit, asked for only when `describe` (distance 0) says a semver tag is there:
 * every semver tag matches SEMVER_TAGS, and describe picks a tag on the commit itself before any
 * older one. Listing the tags on a commit reads every tag, so most deploys skip it.
 */
async function semverTagsOn(git: Git, head: string, describe: string | undefined): Promise<string[]> {
  return describe && /-0-g[0-9a-f]+$/.test(describe) ? git.tagsAt(head) : [];
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
  const [commit, [describe, tagsOnCommit], ref] = await Promise.all([
    git.commit(head),
    derive
      ? git.describe(head, SEMVER_TAGS).then(async (d) => [d, await semverTagsOn(git, head, d)] as const)
      : ([undefined, []] as const),
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
