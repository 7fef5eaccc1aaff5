import type { FailureDetail, ParsedReport, SuiteError } from './junit.js';
import { cellOf } from './history.js';

/** What one test did in this step, over every report and every entry (reruns add up). */
export interface TestResult {
  id: string;
  passes: number;
  failures: number;
  file?: string;
  line?: number;
  /** The first failure seen, for annotations and issues. */
  failure?: FailureDetail;
}

export interface RunResults {
  tests: Map<string, TestResult>;
  suiteErrors: SuiteError[];
  /** Tests that ran (passed or failed at least once). */
  executed: number;
  /** Tests that failed and never passed in this step. */
  failed: number;
}

/** A test that failed and did not pass on a retry in this step. */
export const finallyFailed = (t: TestResult) => t.failures > 0 && t.passes === 0;

/** Folds parsed reports into one result per test id: duplicate entries are reruns of one test. */
export function foldReports(reports: readonly ParsedReport[]): RunResults {
  const tests = new Map<string, TestResult>();
  const suiteErrors: SuiteError[] = [];
  for (const report of reports) {
    suiteErrors.push(...report.suiteErrors);
    for (const c of report.cases) {
      const seen = tests.get(c.id);
      if (!seen) {
        tests.set(c.id, {
          id: c.id,
          passes: c.passes,
          failures: c.failures,
          file: c.file,
          line: c.line,
          failure: c.failure,
        });
      } else {
        seen.passes += c.passes;
        seen.failures += c.failures;
        seen.failure ??= c.failure;
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

/** The history cells of this step (skipped tests give no evidence and are left out). */
export function cellsOfRun(results: RunResults): Map<string, number> {
  const cells = new Map<string, number>();
  for (const t of results.tests.values()) {
    const cell = cellOf(t);
    if (cell) cells.set(t.id, cell);
  }
  return cells;
}
