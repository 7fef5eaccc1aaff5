import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type EventContext, eventContext, readEventPayload } from '../../../shared/context.js';
import { lazyGitHub } from '../../../shared/github-lazy.js';
import { StepFailed, UserError, describeError } from '../../../shared/errors.js';
import { findFiles, readChunksInside, readTextInside } from '../../../shared/files.js';
import { input, parseInputs } from '../../../shared/inputs.js';
import type { GitHub } from '../../../shared/github.js';
import type { ActionIO } from '../../../shared/io.js';
import { neutralise, truncate } from '../../../shared/neutralise.js';
import { resolveInside } from '../../../shared/paths.js';
import { type StateStore, branchStore, fileStore, parseStateLocation } from '../../../shared/state-store.js';
import { isInfraFailure } from './classify.js';
import { type History, emptyHistory, parseHistory, serialiseHistory } from './history.js';
import { displayName, normaliseFile } from './identity.js';
import type { IssueRef } from './issues.js';
import { ReportError, parseReport } from './junit.js';
import {
  type DecideContext,
  type Decisions,
  type ManualQuarantine,
  effectiveQuarantine,
  emptyManual,
  ownTransitions,
  parseManualFile,
  recordRun,
} from './quarantine.js';
import { type RunResults, foldReports, resultOf } from './results.js';
import { type ReportErrorEntry, buildSummary, boundedIds } from './report.js';
import { decideVerdict } from './verdict.js';

export const inputs = {
  reports: input.list(),
  token: input.optional(),
  state: input.required(),
  'history-runs': input.integer(2, 1000),
  'quarantine-file': input.text(),
  'auto-quarantine': input.boolean(),
  'release-after': input.integer(1, 1000),
  'infra-failure-ratio': input.number(0.01, 1),
  'create-issues': input.oneOf(['auto', 'true', 'false']),
  'issue-label': input.required(),
  'on-bad-report': input.oneOf(['fail', 'warn']),
  commit: input.optional(),
  branch: input.optional(),
  'run-id': input.optional(),
  'run-attempt': input.optional(),
  'default-branch': input.optional(),
};

/** The file on the state branch; other actions keep theirs beside it. */
const STATE_PATH = 'flaky-quarantine/history.json';
const MAX_BRANCHES = 100;

export async function run(io: ActionIO): Promise<void> {
  const opts = await parseInputs(inputs, io, { secret: ['token'] });
  const ctx = eventContext(io.env, readEventPayload(io.env));
  const workspace = ctx.workspace || process.cwd();
  const where = runIdentity(opts, ctx);
  const createIssues = opts['create-issues'] === 'auto' ? !!opts.token : opts['create-issues'] === 'true';
  if (createIssues && !opts.token)
    throw new UserError('Input "create-issues" is true but there is no token.');

  // 1. Reports: every matched file is read or listed as an error; none matched is a failure.
  const files = findFiles(workspace, opts.reports, { inputName: 'reports', log: io.log });
  if (!files.length) {
    throw new UserError(
      `No report matches input "reports" (${opts.reports.join(', ')}) in ${workspace}: the tests did not run or wrote their reports elsewhere. Failing rather than passing on nothing.`,
    );
  }
  const { results, reportErrors } = await io.log.group(`Reading ${files.length} report(s)`, () =>
    readReports(files, workspace, io),
  );
  if (reportErrors.length === files.length) {
    io.setOutput('report-errors', reportErrors);
    throw new StepFailed(
      `None of the ${files.length} matched report(s) could be read; see output report-errors.`,
    );
  }
  if (results.tests.size === 0 && results.suiteErrors.length === 0) {
    io.setOutput('report-errors', reportErrors);
    throw new StepFailed(
      `The ${files.length - reportErrors.length} readable report(s) hold no test cases: the tests did not run. Failing rather than passing on nothing.`,
    );
  }
  const infra = isInfraFailure(results.executed, results.failed, opts['infra-failure-ratio']);
  if (infra) {
    io.log.warning(
      `${results.failed} of ${results.executed} tests failed: treated as an infrastructure failure, not flaky evidence. The failures still block.`,
    );
  }

  // 2. Manual quarantine, the state store, and this run recorded in it.
  const manual = readManual(workspace, opts['quarantine-file']);
  // One GitHub client, loaded only when the state branch or issues need it.
  const connect = lazyGitHub(io, opts.token);
  const store = await openStore(parseStateLocation(opts.state, 'state'), io, { ...ctx, workspace }, connect);
  const decideContext: DecideContext = {
    ...where,
    releaseAfter: opts['release-after'],
    autoQuarantine: opts['auto-quarantine'],
    now: new Date().toISOString(),
    writer: `${where.runKey}/${randomBytes(4).toString('hex')}`,
  };
  const limits = {
    runsPerBranch: opts['history-runs'],
    maxBranches: MAX_BRANCHES,
    defaultBranch: where.defaultBranch,
  };
  // An infrastructure failure adds no run: it is no evidence either way.
  const thisRun = infra
    ? undefined
    : { branch: where.branch, info: { key: where.runKey, commit: where.commit, at: decideContext.now } };
  const recorded = await record(
    store,
    io,
    (current) => recordRun(current, thisRun, results.tests, manual, decideContext, limits),
    `flaky-quarantine: record run ${where.runKey} of ${where.commit.slice(0, 12)} on ${where.branch}`,
  );
  const { before, history } = recorded;
  const decisions = ownTransitions(history, recorded.decisions, decideContext.writer);

  // 3. Verdict from the quarantine as it stood before this run.
  const verdict = decideVerdict({
    results,
    quarantinedBefore: effectiveQuarantine(before, manual),
    broken: new Set(decisions.broken),
    forcedIn: new Set(manual.forceIn.keys()),
    reportErrors: reportErrors.length,
    failOnBadReport: opts['on-bad-report'] === 'fail',
  });
  const quarantinedNow = [...effectiveQuarantine(history, manual)].sort();

  // 4. Issues: opened on quarantine, refreshed on failures, closed on release.
  let issues = new Map<string, IssueRef>();
  if (createIssues) {
    const { planIssues, syncIssues } = await import('./issues.js');
    const work = planIssues({
      history,
      decisions,
      quarantinedFailures: verdict.quarantinedFailures,
      forcedIn: manual.forceIn,
      failureOf: (id) => resultOf(results, id),
      runUrl: ctx.runUrl || undefined,
      releaseAfter: opts['release-after'],
      defaultBranch: where.defaultBranch,
      runKey: where.runKey,
    });
    if (work) {
      try {
        const repo = { owner: ctx.owner, repo: ctx.repo, label: opts['issue-label'] };
        issues = await syncIssues(await connect('issues (create-issues)'), repo, work, io.log);
      } catch (error) {
        // The history is recorded and the verdict stands; the test's next failure retries the issue.
        const { explainApiError } = await import('../../../shared/github.js');
        io.log.warning(explainApiError('Updating the flaky-test issues', error, 'issues: write').message);
      }
    }
  }

  // 5. Outputs, annotations, summary; then fail the step if anything blocks.
  io.setOutput('verdict', verdict.verdict);
  io.setOutput('blocking-failures', boundedIds(verdict.blockingFailures));
  io.setOutput('quarantined-failures', boundedIds(verdict.quarantinedFailures));
  io.setOutput('newly-flaky', boundedIds(decisions.newlyFlaky));
  io.setOutput('released', boundedIds(decisions.released));
  io.setOutput('broken', boundedIds(decisions.broken));
  io.setOutput('quarantined', boundedIds(quarantinedNow));
  io.setOutput('report-errors', reportErrors);
  annotate(io, results, verdict.blockingFailures, verdict.quarantinedFailures, workspace);
  for (const error of results.suiteErrors)
    io.log.info(neutralise(`Suite error in ${truncate(error.suite, 200)}: ${truncate(error.message, 500)}`));
  await io.writeSummary(
    buildSummary({
      results,
      verdict,
      decisions,
      quarantinedNow,
      reportErrors,
      issues,
      history,
      infra,
      manual,
      defaultBranch: where.defaultBranch,
      releaseAfter: opts['release-after'],
    }),
  );
  if (verdict.verdict === 'fail') throw new StepFailed(`Blocking: ${verdict.reasons.join(', ')}.`);
  if (reportErrors.length)
    io.log.warning(`${reportErrors.length} report(s) could not be read; see output report-errors.`);
}

/** Which commit, branch and run this step records, from the inputs or else the event. */
function runIdentity(
  opts: {
    commit?: string;
    branch?: string;
    'run-id'?: string;
    'run-attempt'?: string;
    'default-branch'?: string;
  },
  ctx: EventContext,
) {
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

/**
 * Applies `step` to the stored history through the store's optimistic concurrency: on a conflict
 * it runs again on the document read again. Returns the history as first read (for the verdict),
 * and the history and decisions of the attempt that was written.
 */
async function record(
  store: StateStore,
  io: ActionIO,
  step: (current: History) => { before: History; history: History; decisions: Decisions },
  message: string,
): Promise<{ before: History; history: History; decisions: Decisions }> {
  let before: History | undefined;
  let outcome: { history: History; decisions: Decisions } | undefined;
  const update = await store.update((text) => {
    const current = text === undefined ? emptyHistory() : readHistory(text, store);
    const stepped = step(current);
    // The first document read, as the step saw it (a migrated history carried over to this run).
    before ??= stepped.before;
    outcome = stepped;
    const next = serialiseHistory(outcome.history);
    return next === text ? undefined : next;
  }, message);
  io.log.info(
    `History in ${store.description}: ${update.written ? `updated (${update.attempts} attempt(s))` : 'unchanged (this run was already recorded)'}.`,
  );
  return { before: before!, ...outcome! };
}

async function readReports(
  files: string[],
  workspace: string,
  io: ActionIO,
): Promise<{ results: RunResults; reportErrors: ReportErrorEntry[] }> {
  const parsed = [];
  const reportErrors: ReportErrorEntry[] = [];
  for (const file of files) {
    try {
      const chunks = readChunksInside(workspace, file, { input: 'reports', maxBytes: MAX_REPORT_BYTES });
      parsed.push(await parseReport(chunks, { workspace }));
    } catch (error) {
      if (
        !(error instanceof ReportError || error instanceof UserError) &&
        !(error as NodeJS.ErrnoException).code
      )
        throw error;
      reportErrors.push({ file, error: truncate(describeError(error), 300) });
      io.log.warning(neutralise(`Cannot read report ${file}: ${describeError(error)}`));
    }
  }
  const results = foldReports(parsed);
  io.log.info(
    `${results.tests.size} tests: ${results.executed} ran, ${results.failed} failed; ${results.suiteErrors.length} suite error(s).`,
  );
  return { results, reportErrors };
}

/** Larger reports are listed as report errors: 50 MB is a large real one. */
const MAX_REPORT_BYTES = 1024 * 1024 * 1024;

function readManual(workspace: string, file: string): ManualQuarantine {
  if (!file) return emptyManual();
  if (!existsSync(resolveInside(workspace, file, 'quarantine-file'))) return emptyManual();
  const text = readTextInside(workspace, file, { input: 'quarantine-file', maxBytes: 4 * 1024 * 1024 });
  try {
    return parseManualFile(text);
  } catch (error) {
    throw new UserError(`The quarantine file ${file} is not valid: ${describeError(error)}`);
  }
}

function readHistory(text: string, store: StateStore): History {
  try {
    return parseHistory(text);
  } catch (error) {
    throw new UserError(
      `The history in ${store.description} is not a valid flaky-quarantine document (${describeError(error)}); fix it or delete it to start over.`,
    );
  }
}

async function openStore(
  location: ReturnType<typeof parseStateLocation>,
  io: ActionIO,
  repo: { owner: string; repo: string; workspace: string },
  connect: (why: string) => Promise<GitHub>,
): Promise<StateStore> {
  if (location.kind === 'file')
    return fileStore(location.path, { workspace: repo.workspace, extraRoots: [io.env.RUNNER_TEMP ?? ''] });
  if (!repo.owner || !repo.repo)
    throw new UserError('Input "state" is a branch but GITHUB_REPOSITORY is not set.');
  return branchStore({
    github: await connect(`state: branch:${location.branch}`),
    owner: repo.owner,
    repo: repo.repo,
    branch: location.branch,
    path: STATE_PATH,
    log: io.log,
  });
}

function annotate(
  io: ActionIO,
  results: RunResults,
  blocking: string[],
  quarantined: string[],
  workspace: string,
): void {
  // Relative to the repository as ids are (a container's or another runner's checkout included);
  // a path still absolute is outside the repository and gets no file annotation.
  const relative = (file?: string) => {
    const path = file && normaliseFile(file, workspace);
    return path && !/^(\/|[A-Za-z]:\/)/.test(path) ? path : undefined;
  };
  const items = [
    ...blocking.map((id) => ({ id, level: 'error' as const, title: 'Test failed' })),
    ...quarantined.map((id) => ({
      id,
      level: 'warning' as const,
      title: 'Quarantined test failed (not blocking)',
    })),
  ];
  for (const item of items) {
    const test = resultOf(results, item.id)!;
    const message = `${truncate(displayName(item.id), 300)}: ${truncate(test.failure?.message || test.failure?.type || 'failed', 500)}`;
    io.annotate({
      level: item.level,
      title: item.title,
      message,
      file: relative(test.file),
      line: test.line,
    });
  }
}
