import type { Annotation, OutputValue } from '../../../shared/io.js';
import { neutralise, truncate } from '../../../shared/neutralise.js';
import { plural } from '../../../shared/english.js';
import type { History } from './history.js';
import { displayName, normaliseFile } from './identity.js';
import type { IssuePlanInput, IssueRef } from './issues.js';
import { type Decisions, type ManualQuarantine, effectiveQuarantine, ownTransitions } from './quarantine.js';
import { type ReportErrorEntry, type SummaryInput, boundedIds } from './report.js';
import { type RunResults, resultOf } from './results.js';
import type { Settings } from './settings.js';
import type { Recording } from './state.js';
import { type Verdict, decideVerdict } from './verdict.js';

/** What the step reports once the history is recorded: verdict, outputs, annotations, messages. */

/** What this step read: the reports' results and the manual quarantine file. */
export interface RunFacts {
  results: RunResults;
  reportErrors: ReportErrorEntry[];
  manual: ManualQuarantine;
  /** So many tests failed that this run was recorded as no evidence. */
  infra: boolean;
}

export interface Conclusion extends RunFacts {
  /** The history as written. */
  history: History;
  /** This step's transitions, its own found in the history included (see `ownTransitions`). */
  decisions: Decisions;
  verdict: Verdict;
  /** Every test quarantined after this run, sorted. */
  quarantinedNow: string[];
}

/**
 * The verdict reads the quarantine as it stood before this run (`recording.before`): evidence from
 * this run never unblocks it. `writer` is this step's (settings.recordPlan).
 */
export function conclude(
  facts: RunFacts,
  recording: Recording,
  writer: string,
  settings: Settings,
): Conclusion {
  const { results, manual } = facts;
  const { before, history } = recording;
  const decisions = ownTransitions(history, recording.decisions, writer);
  const verdict = decideVerdict({
    results,
    quarantinedBefore: effectiveQuarantine(before, manual),
    broken: new Set(decisions.broken),
    forcedIn: new Set(manual.forceIn.keys()),
    reportErrors: facts.reportErrors.length,
    failOnBadReport: settings.failOnBadReport,
  });
  const quarantinedNow = [...effectiveQuarantine(history, manual)].sort();
  return { ...facts, history, decisions, verdict, quarantinedNow };
}

/** The step's outputs, in the order action.yml lists them; id lists cut to a size GitHub accepts. */
export function stepOutputs(c: Conclusion): Record<string, OutputValue> {
  return {
    verdict: c.verdict.verdict,
    'blocking-failures': boundedIds(c.verdict.blockingFailures),
    'quarantined-failures': boundedIds(c.verdict.quarantinedFailures),
    'newly-flaky': boundedIds(c.decisions.newlyFlaky),
    released: boundedIds(c.decisions.released),
    broken: boundedIds(c.decisions.broken),
    quarantined: boundedIds(c.quarantinedNow),
    'report-errors': c.reportErrors,
  };
}

/** What the issues are planned from. */
export function issuePlanInput(c: Conclusion, settings: Settings): IssuePlanInput {
  return {
    history: c.history,
    decisions: c.decisions,
    quarantinedFailures: c.verdict.quarantinedFailures,
    forcedIn: c.manual.forceIn,
    failureOf: (id) => resultOf(c.results, id),
    runUrl: settings.runUrl,
    releaseAfter: settings.releaseAfter,
    defaultBranch: settings.defaultBranch,
    runKey: settings.runKey,
  };
}

/** What the job summary is built from. */
export function summaryInput(c: Conclusion, settings: Settings, issues: Map<string, IssueRef>): SummaryInput {
  const { defaultBranch, releaseAfter } = settings;
  return { ...c, issues, defaultBranch, releaseAfter };
}

/**
 * One annotation per failure, blocking first (the shared writer shows GitHub's per-step share as
 * annotations and logs the rest). Files are relative to the
 * repository as ids are (a container's or another runner's checkout included); a path still
 * absolute is outside the repository and gets no file annotation.
 */
export function failureAnnotations(c: Conclusion, workspace: string): Annotation[] {
  const relative = (file?: string) => {
    const path = file && normaliseFile(file, workspace);
    return path && !/^(\/|[A-Za-z]:\/)/.test(path) ? path : undefined;
  };
  const items = [
    ...c.verdict.blockingFailures.map((id) => ({ id, level: 'error' as const, title: 'Test failed' })),
    ...c.verdict.quarantinedFailures.map((id) => ({
      id,
      level: 'warning' as const,
      title: 'Quarantined test failed (not blocking)',
    })),
  ];
  return items.map((item) => {
    const test = resultOf(c.results, item.id)!;
    const failure = test.failure?.message || test.failure?.type || 'failed';
    return {
      level: item.level,
      title: item.title,
      message: `${truncate(displayName(item.id), 300)}: ${truncate(failure, 500)}`,
      file: relative(test.file),
      line: test.line,
    };
  });
}

/** Log lines for the suites that failed outside any test case. */
export const suiteErrorLines = (results: RunResults) =>
  results.suiteErrors.map((error) =>
    neutralise(`Suite error in ${truncate(error.suite, 200)}: ${truncate(error.message, 500)}`),
  );

export const infraWarning = (results: RunResults) =>
  `${results.failed} of ${plural(results.executed, 'test')} failed: treated as an infrastructure failure, not flaky evidence. The failures still block.`;

/** The step's failure message, when the verdict is fail. */
export const blockingMessage = (c: Conclusion) =>
  c.verdict.verdict === 'fail' ? `Blocking: ${c.verdict.reasons.join(', ')}.` : undefined;

export const unreadableWarning = (count: number) =>
  `${plural(count, 'report')} could not be read; see output report-errors.`;
