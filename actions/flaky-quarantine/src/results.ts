import { historyKey } from './identity.js';
import type { FailureDetail, ParsedReport, SuiteError } from './junit.js';

/** What one test did in this step, over every report and every entry (reruns add up). */
export interface TestResult {
  id: string;
  /** historyKey(id): how the history knows the test. */
  key: string;
  passes: number;
  failures: number;
  file?: string;
  line?: number;
  /** The first failure seen, for annotations and issues. */
  failure?: FailureDetail;
}

export interface RunResults {
  /** By history key. */
  tests: Map<string, TestResult>;
  suiteErrors: SuiteError[];
  /** Tests that ran (passed or failed at least once). */
  executed: number;
  /** Tests that failed and never passed in this step. */
  failed: number;
}

/** A test that failed and did not pass on a retry in this step. */
export const finallyFailed = (t: TestResult) => t.failures > 0 && t.passes === 0;

/**
 * Folds parsed reports into one result per test id: duplicate entries are reruns of one test.
 * The first case of each id is reused as its result (and updated), so the reports are consumed.
 */
export function foldReports(reports: readonly ParsedReport[]): RunResults {
  const tests = new Map<string, TestResult>();
  const suiteErrors: SuiteError[] = [];
  for (const report of reports) {
    suiteErrors.push(...report.suiteErrors);
    for (const c of report.cases) {
      const seen = tests.get(c.key);
      // The first entry of a test becomes its result (no copy: 330,000 cases must stay cheap).
      if (!seen) tests.set(c.key, c);
      else {
        seen.passes += c.passes;
        seen.failures += c.failures;
        seen.failure ??= c.failure;
        seen.file ??= c.file;
        seen.line ??= c.line;
      }
    }
  }
  let executed = 0;
  let failed = 0;
  for (const t of tests.values()) {
    if (t.passes + t.failures > 0) executed++;
    if (finallyFailed(t)) failed++;
  }
  return { tests, suiteErrors, executed, failed };
}

/** The result of a test in this step, by id. */
export const resultOf = (results: RunResults, id: string) => results.tests.get(historyKey(id));
