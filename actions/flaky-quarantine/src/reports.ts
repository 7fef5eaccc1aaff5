import { UserError, describeError } from '../../../shared/errors.js';
import { neutralise, truncate } from '../../../shared/neutralise.js';
import { plural } from '../../../shared/english.js';
import { ReportError, parseReport } from './junit.js';
import type { ReportErrorEntry } from './report.js';
import { type RunResults, foldReports } from './results.js';

/** The matched reports read into one run's results; an unreadable report is listed, not fatal. */

/** Larger reports are listed as report errors: 50 MB is a large real one. */
export const MAX_REPORT_BYTES = 1024 * 1024 * 1024;

export interface ReadReports {
  results: RunResults;
  reportErrors: ReportErrorEntry[];
  /** One log warning per unreadable report, in the order of the files. */
  warnings: string[];
}

/**
 * A report's own fault (not XML, too large, not a file, gone): the step lists it and goes on. Any
 * other error is a bug and propagates.
 */
export const isReportFault = (error: unknown) =>
  error instanceof ReportError || error instanceof UserError || !!(error as NodeJS.ErrnoException).code;

/** Parses each file's chunks (`chunksOf` opens it) and folds them into one result per test. */
export async function readReports(
  files: readonly string[],
  chunksOf: (file: string) => Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  workspace: string,
): Promise<ReadReports> {
  const parsed = [];
  const reportErrors: ReportErrorEntry[] = [];
  const warnings: string[] = [];
  for (const file of files) {
    try {
      parsed.push(await parseReport(chunksOf(file), { workspace }));
    } catch (error) {
      if (!isReportFault(error)) throw error;
      reportErrors.push({ file, error: truncate(describeError(error), 300) });
      warnings.push(neutralise(`Cannot read report ${file}: ${describeError(error)}`));
    }
  }
  return { results: foldReports(parsed), reportErrors, warnings };
}

/** The log group the reports are read in. */
export const readingTitle = (files: number) => `Reading ${plural(files, 'report')}`;

/** What the reports held, for the log. */
export const resultsLine = (results: RunResults) =>
  `${plural(results.tests.size, 'test')}: ${results.executed} ran, ${results.failed} failed; ${plural(results.suiteErrors.length, 'suite error')}.`;

/** Why no report matching is a failure, not a pass on nothing. */
export const noReportMessage = (patterns: readonly string[], workspace: string) =>
  `No report matches input "reports" (${patterns.join(', ')}) in ${workspace}: the tests did not run or wrote their reports elsewhere. Failing rather than passing on nothing.`;

/** Why the reports that matched are no evidence at all (none readable, or no test case), or undefined. */
export function noEvidence(matched: number, read: Omit<ReadReports, 'warnings'>): string | undefined {
  const { results, reportErrors } = read;
  if (reportErrors.length === matched)
    return `${matched === 1 ? 'The matched report could not' : `None of the ${plural(matched, 'matched report')} could`} be read; see output report-errors.`;
  const readable = matched - reportErrors.length;
  if (results.tests.size === 0 && results.suiteErrors.length === 0)
    return `The ${plural(readable, 'readable report')} ${readable === 1 ? 'holds' : 'hold'} no test cases: the tests did not run. Failing rather than passing on nothing.`;
  return undefined;
}
