import { existsSync } from 'node:fs';
import { eventContext, readEventPayload } from '../../../shared/context.js';
import { StepFailed, UserError } from '../../../shared/errors.js';
import { lazyGitHub } from '../../../shared/github-lazy.js';
import { findFiles, readChunksInside, readTextInside } from '../../../shared/files.js';
import { input, parseInputs } from '../../../shared/inputs.js';
import type { ActionIO } from '../../../shared/io.js';
import { resolveInside } from '../../../shared/paths.js';
import { branchStore, fileStore, parseStateLocation } from '../../../shared/state-store.js';
import { isInfraFailure } from './classify.js';
import type { IssueRef } from './issues.js';
import * as outcome from './outcome.js';
import { emptyManual, recordRun } from './quarantine.js';
import * as reports from './reports.js';
import { buildSummary } from './report.js';
import { recordPlan, settingsOf } from './settings.js';
import * as state from './state.js';

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

export async function run(io: ActionIO): Promise<void> {
  const opts = await parseInputs(inputs, io, { secret: ['token'] });
  const ctx = eventContext(io.env, readEventPayload(io.env));
  const workspace = ctx.workspace || process.cwd();
  const settings = settingsOf(opts, ctx);

  // 1. Reports: every matched file is read or listed as an error; none matched is a failure.
  const files = findFiles(workspace, opts.reports, { inputName: 'reports', log: io.log });
  if (!files.length) throw new UserError(reports.noReportMessage(opts.reports, workspace));
  const place = { input: 'reports', maxBytes: reports.MAX_REPORT_BYTES };
  const chunksOf = (file: string) => readChunksInside(workspace, file, place);
  const { results, reportErrors } = await io.log.group(reports.readingTitle(files.length), async () => {
    const read = await reports.readReports(files, chunksOf, workspace);
    read.warnings.forEach((warning) => io.log.warning(warning));
    io.log.info(reports.resultsLine(read.results));
    return read;
  });
  const unusable = reports.noEvidence(files.length, { results, reportErrors });
  if (unusable) {
    io.setOutput('report-errors', reportErrors);
    throw new StepFailed(unusable);
  }
  const infra = isInfraFailure(results.executed, results.failed, settings.infraFailureRatio);
  if (infra) io.log.warning(outcome.infraWarning(results));

  // 2. Manual quarantine, the state store, and this run recorded in it.
  const manualFile = opts['quarantine-file'];
  const manualPlace = { input: 'quarantine-file', maxBytes: state.MAX_MANUAL_BYTES };
  const manual =
    manualFile && existsSync(resolveInside(workspace, manualFile, 'quarantine-file'))
      ? await state.readManual(readTextInside(workspace, manualFile, manualPlace), manualFile)
      : emptyManual();
  // One GitHub client, loaded only when the state branch or issues need it.
  const connect = lazyGitHub(io, opts.token);
  const location = parseStateLocation(opts.state, 'state');
  const store =
    location.kind === 'file'
      ? fileStore(location.path, { workspace, extraRoots: [io.env.RUNNER_TEMP ?? ''] })
      : await branchStore({
          ...state.branchTarget(location.branch, ctx),
          github: await connect(`state: branch:${location.branch}`),
          log: io.log,
        });
  const { randomBytes } = await import('node:crypto'); // loaded here, not before the first output
  const plan = recordPlan(settings, infra, new Date().toISOString(), randomBytes(4).toString('hex'));
  const step = state.historyTransform(
    (current) => recordRun(current, plan.run, results.tests, manual, plan.context, plan.limits),
    store.description,
  );
  const update = await store.update(step.transform, state.commitMessage(settings));
  io.log.info(state.updateLine(store.description, update));

  // 3. Verdict from the quarantine as it stood before this run.
  const facts = { results, reportErrors, manual, infra };
  const done = outcome.conclude(facts, step.recorded(), plan.context.writer, settings);

  // 4. Issues: opened on quarantine, refreshed on failures, closed on release.
  const { issues: repo } = settings;
  const connectIssues = () => connect('issues (create-issues)');
  const issues = repo
    ? await import('./issues.js').then((m) =>
        m.updateIssues(outcome.issuePlanInput(done, settings), connectIssues, repo, io.log),
      )
    : new Map<string, IssueRef>();

  // 5. Outputs, annotations, summary; then fail the step if anything blocks.
  for (const [name, value] of Object.entries(outcome.stepOutputs(done))) io.setOutput(name, value);
  for (const annotation of outcome.failureAnnotations(done, workspace)) io.annotate(annotation);
  for (const line of outcome.suiteErrorLines(results)) io.log.info(line);
  await io.writeSummary(buildSummary(outcome.summaryInput(done, settings, issues)));
  const blocking = outcome.blockingMessage(done);
  if (blocking) throw new StepFailed(blocking);
  if (reportErrors.length) io.log.warning(outcome.unreadableWarning(reportErrors.length));
}
