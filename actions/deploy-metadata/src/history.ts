import { UserError, describeError } from '../../../shared/errors.js';
import type { Git } from '../../../shared/git.js';
import { type Changes, toChanges } from './changes.js';
import type { DeployApi } from './deploy-api.js';
import { type DeployRecord, type Previous, deployTags, previousFromTags } from './record.js';
import type { Note } from './report.js';

/** The previous deploy of an environment and the commits since it, with what could not be found and why. */
export interface History {
  previous?: Previous;
  changes?: Changes;
  notes: Note[];
}

export interface HistorySources {
  git: Git;
  /** GitHub, when the previous deploy may be looked up there (previous-lookup: auto with a token). */
  github?: () => Promise<DeployApi>;
  tagPrefix: string;
  maxChanges: number;
}

/** The deploy being made, as far as finding its predecessor needs it. */
export type ThisDeploy = Pick<DeployRecord, 'environment' | 'buildId' | 'sha'>;

/** Why the changes are missing when the GitHub lookup failed. */
export function lookupFailedNote(reason: string): Note {
  const text = `Could not look up the previous deploy on GitHub (${reason}), so changes since it are not listed; give the token "contents: read" and "deployments: read", or set previous-lookup: git.`;
  return { level: 'warning', text };
}

/** Why the changes are missing when the previous deploy's commit is not in the clone. */
export function unreachableNote(previous: Previous, detail?: string): Note {
  const where = previous.tag ? `deploy tag ${previous.tag}` : 'the last successful deployment';
  const text = `The previous deploy ${previous.sha.slice(0, 7)} (${where}) is not in this clone and could not be fetched, so changes since it are not listed; check out with actions/checkout fetch-depth: 0.${detail ? ` (${detail})` : ''}`;
  return { level: 'warning', text };
}

/**
 * What to say when no earlier deploy was found. GitHub, when asked, knows every deploy tag; a
 * shallow clone alone may just lack them.
 */
export function noPreviousNote(environment: string, shallowAndNotAsked: boolean): Note {
  return shallowAndNotAsked
    ? {
        level: 'warning',
        text: `No earlier deploy of ${environment} was found in this shallow clone: if this is not the first one, check out with fetch-depth: 0 (which fetches the deploy tags) or let GitHub be asked (previous-lookup: auto with a token).`,
      }
    : { level: 'info', text: `No earlier deploy of ${environment} was found: this is the first one.` };
}

/** The previous deploy of the environment: local deploy tags, then GitHub's tags, then its deployments. */
async function findPrevious(
  sources: HistorySources,
  deploy: ThisDeploy,
): Promise<{ previous?: Previous; note?: Note }> {
  const { git, github, tagPrefix } = sources;
  const local = deployTags(
    await git.tags(`${tagPrefix}${deploy.environment}/`),
    tagPrefix,
    deploy.environment,
  );
  // A lightweight tag (the ref names the commit itself) has no message: no git process to ask.
  const fromLocal = await previousFromTags(
    local,
    async (tag) => ({
      commit: tag.commit!,
      message: tag.object === tag.commit ? undefined : await git.tagMessage(tag.name),
    }),
    deploy,
  );
  if (fromLocal || !github) return { previous: fromLocal };
  try {
    const client = await github();
    const remote = await client.deployTags(tagPrefix, deploy.environment);
    return {
      previous:
        (await previousFromTags(remote, (tag) => client.peel(tag), deploy)) ??
        (await client.lastSuccessfulDeployment(deploy)),
    };
  } catch (error) {
    if (error instanceof UserError) throw error;
    return { note: lookupFailedNote(describeError(error)) };
  }
}

/**
 * Commits since the previous deploy, deepening a shallow clone as needed; a note when impossible.
 * The full count costs a second git process only when the listed commits reach the bound.
 */
async function changesSince(git: Git, previous: Previous, head: string, max: number): Promise<History> {
  let prev = await git.tryResolve(previous.sha);
  if (!prev && (await git.fetch([previous.sha], 1))) prev = await git.tryResolve(previous.sha);
  if (!prev) return { previous, notes: [unreachableNote(previous)] };
  try {
    await git.mergeBase(prev, head);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { previous, notes: [unreachableNote(previous, error.message)] };
  }
  const raw = await git.log(prev, head, { max, firstParent: true });
  const count = raw.length < max ? raw.length : await git.countCommits(prev, head, true);
  return { previous, changes: toChanges(raw, count, max), notes: [] };
}

/** The previous deploy of the environment and the changes since it, with what could not be found and why. */
export async function findHistory(sources: HistorySources, deploy: ThisDeploy): Promise<History> {
  const found = await findPrevious(sources, deploy);
  if (found.previous) return changesSince(sources.git, found.previous, deploy.sha, sources.maxChanges);
  if (found.note) return { notes: [found.note] };
  const shallowAndNotAsked = !sources.github && (await sources.git.isShallow());
  return { notes: [noPreviousNote(deploy.environment, shallowAndNotAsked)] };
}
