import type { EventContext } from '../../../shared/context.js';
import { UserError } from '../../../shared/errors.js';
import type { HistoryLimits, RunInfo } from './history.js';
import type { DecideContext } from './quarantine.js';

/** Every input and event fact the step's decisions use, as plain data. */

/** PR branches beyond this many (the least recently run first) leave the history. */
export const MAX_BRANCHES = 100;

export interface StepInputs {
  'history-runs': number;
  'auto-quarantine': boolean;
  'release-after': number;
  'infra-failure-ratio': number;
  'create-issues': string;
  'issue-label': string;
  'on-bad-report': string;
  token?: string;
  commit?: string;
  branch?: string;
  'run-id'?: string;
  'run-attempt'?: string;
  'default-branch'?: string;
}

export type EventFacts = Pick<
  EventContext,
  'sha' | 'refName' | 'runId' | 'runAttempt' | 'defaultBranch' | 'pullRequest' | 'owner' | 'repo' | 'runUrl'
>;

export interface RunIdentity {
  commit: string;
  branch: string;
  defaultBranch: string;
  /** `<run-id>:<attempt>`: matrix jobs of one attempt share it. */
  runKey: string;
}

export interface Settings extends RunIdentity {
  historyRuns: number;
  autoQuarantine: boolean;
  releaseAfter: number;
  infraFailureRatio: number;
  failOnBadReport: boolean;
  /** The repository and label of the flaky-test issues; undefined when none are kept. */
  issues?: { owner: string; repo: string; label: string };
  runUrl?: string;
}

/** Which commit, branch and run this step records: the inputs, or else the event. */
export function runIdentity(opts: StepInputs, ctx: EventFacts): RunIdentity {
  const commit = opts.commit ?? ctx.sha;
  if (!commit) throw new UserError('No commit: set input "commit" (GITHUB_SHA is empty outside a runner).');
  const branch = opts.branch ?? ctx.pullRequest?.headRef ?? ctx.refName;
  if (!branch)
    throw new UserError('No branch: set input "branch" (GITHUB_REF_NAME is empty outside a runner).');
  const attempt = opts['run-attempt'] ?? String(ctx.runAttempt);
  return {
    commit,
    branch,
    defaultBranch: opts['default-branch'] ?? ctx.defaultBranch ?? 'main',
    runKey: `${opts['run-id'] ?? (ctx.runId || `local-${commit}`)}:${attempt}`,
  };
}

/** Input "create-issues": `auto` means when there is a token; `true` without one is a mistake. */
export function issuesWanted(setting: string, token: string | undefined): boolean {
  const wanted = setting === 'auto' ? !!token : setting === 'true';
  if (wanted && !token) throw new UserError('Input "create-issues" is true but there is no token.');
  return wanted;
}

export function settingsOf(opts: StepInputs, ctx: EventFacts): Settings {
  const where = runIdentity(opts, ctx);
  return {
    ...where,
    historyRuns: opts['history-runs'],
    autoQuarantine: opts['auto-quarantine'],
    releaseAfter: opts['release-after'],
    infraFailureRatio: opts['infra-failure-ratio'],
    failOnBadReport: opts['on-bad-report'] === 'fail',
    issues: issuesWanted(opts['create-issues'], opts.token)
      ? { owner: ctx.owner, repo: ctx.repo, label: opts['issue-label'] }
      : undefined,
    runUrl: ctx.runUrl || undefined,
  };
}

export interface RecordPlan {
  context: DecideContext;
  limits: HistoryLimits;
  /** The run this step adds; none for an infrastructure failure, which is no evidence either way. */
  run?: { branch: string; info: RunInfo };
}

/** How this step records its run: `now` and `nonce` (which makes the writer unique) are passed in. */
export function recordPlan(settings: Settings, infra: boolean, now: string, nonce: string): RecordPlan {
  const { commit, branch, defaultBranch, runKey } = settings;
  return {
    context: {
      commit,
      branch,
      defaultBranch,
      releaseAfter: settings.releaseAfter,
      autoQuarantine: settings.autoQuarantine,
      now,
      writer: `${runKey}/${nonce}`,
    },
    limits: { runsPerBranch: settings.historyRuns, maxBranches: MAX_BRANCHES, defaultBranch },
    run: infra ? undefined : { branch, info: { key: runKey, commit, at: now } },
  };
}
