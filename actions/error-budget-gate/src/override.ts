import type { EventContext } from '../../../shared/context.js';
import type { ActionIO } from '../../../shared/io.js';
import { truncate } from '../../../shared/neutralise.js';
import type { GateOutcome } from './decision.js';

/** Why the gate is overridden: the input, or the configured label on the pull request. */
export function overrideReason(
  values: { 'override-reason'?: string; 'override-label'?: string },
  ctx: Pick<EventContext, 'pullRequest'>,
): string | undefined {
  if (values['override-reason']) return values['override-reason'];
  const label = values['override-label'];
  if (label && ctx.pullRequest?.labels.includes(label)) {
    return `label "${label}" on pull request #${ctx.pullRequest.number}`;
  }
  return undefined;
}

/** What records an override: who, the notice annotation's text and the commit comment's body. */
export function overrideRecord(
  gate: GateOutcome,
  reason: string,
  ctx: Pick<EventContext, 'actor' | 'runId' | 'runUrl'>,
): { actor: string; notice: string; comment: string } {
  const actor = ctx.actor || 'unknown';
  return {
    actor,
    notice: `Error budget gate overridden by ${actor} (${gate.overridden}: ${gate.deciding.reason}). Reason: ${reason}`,
    comment: `**Error budget gate overridden** by @${actor} in [run ${ctx.runId}](${ctx.runUrl}).\n\n- Decision overridden: \`${gate.overridden}\`: ${gate.deciding.reason}\n- Reason: ${truncate(reason.replace(/\r?\n/g, ' '), 500)}`,
  };
}

/**
 * Records an override as a commit comment, once per run attempt (a re-run updates nothing twice).
 * Returns what happened, for the summary; a failure is a warning, never a blocked emergency release.
 */
export async function commentOnCommit(
  io: ActionIO,
  ctx: EventContext,
  token: string,
  body: string,
): Promise<string> {
  if (!token) return 'No token, so no commit comment was written.';
  if (!ctx.owner || !ctx.repo || !/^[0-9a-f]{40}$/.test(ctx.headSha)) return 'No commit to comment on.';
  const { connectGitHub, explainApiError, findOrCreate } = await import('../../../shared/github.js');
  const github = connectGitHub(io, token, 'recording the override');
  const marker = `<!-- trunk-actions error-budget-gate override ${ctx.runId}/${ctx.runAttempt} -->`;
  const target = { owner: ctx.owner, repo: ctx.repo, commit_sha: ctx.headSha };
  try {
    const { value, created } = await findOrCreate({
      what: 'the override comment',
      find: async () => {
        const comments = await github.paginate(github.rest.repos.listCommentsForCommit, {
          ...target,
          per_page: 100,
        });
        return comments.find((c) => c.body?.includes(marker));
      },
      create: async () =>
        (await github.rest.repos.createCommitComment({ ...target, body: `${body}\n\n${marker}` })).data,
      isSame: () => true,
    });
    return `${created ? 'Recorded' : 'Already recorded'} as a [commit comment](${value.html_url ?? ''}).`;
  } catch (error) {
    const explained = explainApiError('Writing the override commit comment', error, 'contents: write');
    io.log.warning(explained.message);
    return `The commit comment could not be written: ${explained.message}`;
  }
}
