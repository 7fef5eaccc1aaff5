import { Summary, escapeMarkdown, inlineCode } from '../../../shared/summary.js';
import { truncate } from '../../../shared/neutralise.js';
import { plural } from '../../../shared/english.js';
import { flakinessScore } from './classify.js';
import type { History } from './history.js';
import { displayName } from './identity.js';
import type { IssueRef } from './issues.js';
import type { Decisions, ManualQuarantine } from './quarantine.js';
import { type RunResults, resultOf } from './results.js';
import type { Verdict } from './verdict.js';

export interface ReportErrorEntry {
  file: string;
  error: string;
}

const MAX_OUTPUT_CHARS = 256 * 1024;
const MAX_ROWS = 100;

/** A JSON array of ids that stays under a size GitHub accepts as an output; the rest is cut. */
export function boundedIds(ids: readonly string[]): string[] {
  const kept: string[] = [];
  let size = 2;
  for (const id of ids) {
    size += JSON.stringify(id).length + 1;
    if (size > MAX_OUTPUT_CHARS) break;
    kept.push(id);
  }
  return kept;
}

export interface SummaryInput {
  results: RunResults;
  verdict: Verdict;
  decisions: Decisions;
  quarantinedNow: string[];
  reportErrors: ReportErrorEntry[];
  issues: Map<string, IssueRef>;
  history: History;
  infra: boolean;
  manual: ManualQuarantine;
  defaultBranch: string;
  releaseAfter: number;
}

const name = (id: string) => escapeMarkdown(truncate(displayName(id), 200));
const pct = (score: number) => `${Math.round(score * 100)}%`;

/** The job summary: the decision first, counts, the flaky table with issue links, then detail. */
export function buildSummary(input: SummaryInput): Summary {
  const { results, verdict, decisions } = input;
  const s = new Summary();
  const waived = verdict.quarantinedFailures.length;
  s.heading(
    verdict.verdict === 'pass'
      ? `✅ Tests pass${waived ? `: ${plural(waived, 'quarantined failure')} did not block` : ''}`
      : `❌ Blocked: ${verdict.reasons.join(', ')}`,
  );
  s.table(
    [
      'Tests',
      'Failed (blocking)',
      'Failed (quarantined)',
      'Newly flaky',
      'Broken',
      'Released',
      'Quarantined',
      'Unreadable reports',
    ],
    [
      [
        results.tests.size,
        verdict.blockingFailures.length,
        waived,
        decisions.newlyFlaky.length,
        decisions.broken.length,
        decisions.released.length,
        input.quarantinedNow.length,
        input.reportErrors.length,
      ],
    ],
  );
  if (input.infra)
    s.text(
      `**Infrastructure failure:** ${results.failed} of ${plural(results.executed, 'test')} failed, so this run is not used as flaky evidence.`,
    );

  const flakyRows = [
    ...new Set([...decisions.newlyFlaky, ...verdict.quarantinedFailures, ...decisions.released]),
  ];
  if (flakyRows.length) {
    s.heading('Flaky tests in this run', 3);
    s.table(
      ['Test', 'Status', 'Mixed commits', 'Issue'],
      flakyRows.slice(0, MAX_ROWS).map((id) => {
        const score = flakinessScore(input.history, id);
        const issue = input.issues.get(id);
        const manual = input.manual.forceIn.get(id);
        const status = decisions.released.includes(id)
          ? `released after ${plural(input.releaseAfter, 'pass', 'passes')} on ${inlineCode(input.defaultBranch)}`
          : manual
            ? `quarantined by ${escapeMarkdown(manual.owner)}: ${escapeMarkdown(manual.reason)}`
            : decisions.quarantined.includes(id)
              ? 'newly quarantined'
              : input.quarantinedNow.includes(id)
                ? 'quarantined, failed again'
                : 'flaky, not quarantined';
        return [
          name(id),
          status,
          `${pct(score.score)} (${score.flakyCommits}/${score.commits})`,
          issue ? `[#${issue.number}](${issue.url})` : '',
        ];
      }),
    );
  }
  details(s, 'Blocking failures', verdict.blockingFailures, (d, ids) =>
    d.table(
      ['Test', 'Failure'],
      ids.map((id) => {
        const failure = resultOf(results, id)?.failure;
        return [name(id), escapeMarkdown(truncate(failure?.message || failure?.type || 'failed', 300))];
      }),
    ),
  );
  details(s, 'Broken: failed on every attempt, never quarantined', decisions.broken, (d, ids) =>
    d.list(ids.map(name)),
  );
  details(s, 'Suite errors', results.suiteErrors, (d, errors) =>
    d.table(
      ['Suite', 'Error'],
      errors.map((e) => [escapeMarkdown(truncate(e.suite, 200)), escapeMarkdown(truncate(e.message, 300))]),
    ),
  );
  details(s, 'Unreadable reports', input.reportErrors, (d, errors) =>
    d.table(
      ['File', 'Why'],
      errors.map((e) => [escapeMarkdown(e.file), escapeMarkdown(e.error)]),
    ),
  );
  details(s, 'Quarantined tests', input.quarantinedNow, (d, ids) => d.list(ids.map((id) => inlineCode(id))));
  return s;
}

/** A collapsed section titled with how many items there are, showing the first MAX_ROWS; none for none. */
function details<T>(
  s: Summary,
  title: string,
  items: readonly T[],
  fill: (body: Summary, shown: T[]) => void,
) {
  if (items.length) s.details(`${title} (${items.length})`, (body) => fill(body, items.slice(0, MAX_ROWS)));
}
