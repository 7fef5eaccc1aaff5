import type { EventContext } from './context.js';
import { type Git, checkRevisionText, isZeroSha } from './git.js';

/** Which two revisions to compare, before git is asked, and the rule that chose them. */
export interface RangePlan {
  base: string;
  head: string;
  /** `merge-base`: compare head with the merge-base of base and head; `direct`: compare base..head. */
  mode: 'merge-base' | 'direct';
  rule: string;
  /** Where base came from, named in errors (`input base`, `push before`, ...). */
  baseSource: string;
  headSource: string;
  /** For push: when base is not an ancestor of head (force push), fall back to the default branch. */
  fallbackBase?: string;
  /** False when the payload did not name the default branch (a local run): git is asked instead. */
  defaultBranchKnown: boolean;
}

export interface ResolvedRange {
  /** The commit the head is compared with. */
  base: string;
  head: string;
  rule: string;
  warnings: string[];
}

/**
 * Picks base and head for any event, as the field guide sets out. `overrides` are the `base` and
 * `head` inputs; `defaultBranch` is the fallback when the event has no base of its own.
 */
export function planRange(ctx: EventContext, overrides: { base?: string; head?: string } = {}): RangePlan {
  const defaultBranch = ctx.defaultBranch ?? 'main';
  const defaultBranchKnown = ctx.defaultBranch !== undefined;
  const head = overrides.head ?? ctx.headSha ?? 'HEAD';
  const headSource = overrides.head ? 'input head' : 'the event head';
  const withHead = (plan: Omit<RangePlan, 'head' | 'headSource' | 'defaultBranchKnown'>): RangePlan => ({
    ...plan,
    defaultBranchKnown,
    head: head || 'HEAD',
    headSource,
  });

  if (overrides.base) {
    return withHead({
      base: overrides.base,
      mode: 'merge-base',
      rule: 'base input (merge-base with head)',
      baseSource: 'input base',
    });
  }
  const pr = ctx.pullRequest;
  if (pr && (ctx.eventName.startsWith('pull_request') || pr.baseSha)) {
    return withHead({
      base: pr.baseSha ?? pr.baseRef ?? defaultBranch,
      mode: 'merge-base',
      rule: `${ctx.eventName || 'pull_request'}: merge-base of the base branch and the pull request head`,
      baseSource: 'pull request base',
    });
  }
  if (ctx.mergeGroup?.baseSha) {
    return withHead({
      base: ctx.mergeGroup.baseSha,
      mode: 'direct',
      rule: 'merge_group: base_sha..head_sha',
      baseSource: 'merge group base_sha',
    });
  }
  if (ctx.push) {
    const before = ctx.push.before;
    if (!before || isZeroSha(before)) {
      return withHead({
        base: defaultBranch,
        mode: 'merge-base',
        rule: `push of a new branch: merge-base with the default branch ${defaultBranch}`,
        baseSource: 'default branch',
      });
    }
    return withHead({
      base: before,
      mode: 'direct',
      rule: 'push: before..after',
      baseSource: 'push before',
      fallbackBase: defaultBranch,
    });
  }
  return withHead({
    base: defaultBranch,
    mode: 'merge-base',
    rule: `${ctx.eventName || 'local run'}: merge-base with the default branch ${defaultBranch}`,
    baseSource: 'default branch',
  });
}

/** Resolves a plan with git: fetches what a shallow clone lacks and computes the merge-base. */
export async function resolveRange(git: Git, planned: RangePlan): Promise<ResolvedRange> {
  // git names the default branch only when the plan uses it (not for a base given as input)
  const usesDefault = planned.baseSource === 'default branch' || !!planned.fallbackBase;
  const plan =
    planned.defaultBranchKnown || !usesDefault ? planned : await withLocalDefaultBranch(git, planned);
  // Both names are looked up at once (git keeps the answers); a missing one is fetched after, in turn.
  checkRevisionText(plan.headSource, plan.head);
  checkRevisionText(plan.baseSource, plan.base);
  await Promise.all([git.tryResolve(plan.head), git.tryResolve(plan.base)]);
  const head = await git.resolve(plan.headSource, plan.head);
  if (plan.fallbackBase) {
    let before = await git.tryResolve(plan.base);
    if (!before && (await git.fetch([plan.base], 1))) before = await git.tryResolve(plan.base);
    // merge-base deepens a shallow clone until it answers; `before` is an ancestor exactly when it is its own answer.
    const isAncestor = before
      ? await git.mergeBase(before, head).then(
          (mb) => mb === before,
          () => false,
        )
      : false;
    if (before && isAncestor) return { base: before, head, rule: plan.rule, warnings: [] };
    const fallback = await git.resolve('default branch', plan.fallbackBase);
    return {
      base: await git.mergeBase(fallback, head),
      head,
      rule: `push (force or unknown before): merge-base with the default branch ${plan.fallbackBase}`,
      warnings: [
        `The pushed "before" commit ${plan.base.slice(0, 12)} is not an ancestor of ${head.slice(0, 12)} (a force push?); compared with the merge-base of the default branch ${plan.fallbackBase} instead.`,
      ],
    };
  }
  const base = await git.resolve(plan.baseSource, plan.base);
  return {
    base: plan.mode === 'merge-base' ? await git.mergeBase(base, head) : base,
    head,
    rule: plan.rule,
    warnings: [],
  };
}

/** Replaces the assumed `main` with the branch git knows as the default, for runs without a payload. */
async function withLocalDefaultBranch(git: Git, plan: RangePlan): Promise<RangePlan> {
  const branch = await git.defaultBranch();
  const swap = (text: string) => text.replace(/\bmain\b/, branch);
  return {
    ...plan,
    base: plan.baseSource === 'default branch' ? branch : plan.base,
    fallbackBase: plan.fallbackBase && branch,
    rule: plan.baseSource === 'default branch' ? swap(plan.rule) : plan.rule,
    defaultBranchKnown: true,
  };
}
