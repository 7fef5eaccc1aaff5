import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/harness.js';
import { emptyHistory } from '../../actions/flaky-quarantine/src/history.js';
import { historyKey } from '../../actions/flaky-quarantine/src/identity.js';
import { issueBody } from '../../actions/flaky-quarantine/src/issues.js';
import { infraWarning, unreadableWarning } from '../../actions/flaky-quarantine/src/outcome.js';
import { emptyManual } from '../../actions/flaky-quarantine/src/quarantine.js';
import { buildSummary } from '../../actions/flaky-quarantine/src/report.js';
import { noEvidence, readingTitle, resultsLine } from '../../actions/flaky-quarantine/src/reports.js';
import { type RunResults, foldReports } from '../../actions/flaky-quarantine/src/results.js';
import { updateLine } from '../../actions/flaky-quarantine/src/state.js';
import { decideVerdict } from '../../actions/flaky-quarantine/src/verdict.js';

/** `failed` tests that failed and `passed` that passed, plus `suiteErrors` suite errors. */
function results(failed: number, passed: number, suiteErrors = 0): RunResults {
  const testCase = (i: number, fails: boolean) => {
    const id = `v2:|K|t${i}`;
    return { id, key: historyKey(id), passes: fails ? 0 : 1, failures: fails ? 1 : 0, skipped: false };
  };
  return foldReports([
    {
      cases: Array.from({ length: failed + passed }, (_, i) => testCase(i, i < failed)),
      suiteErrors: Array.from({ length: suiteErrors }, (_, i) => ({ suite: `s${i}`, message: 'setup' })),
    },
  ]);
}

const reasons = (failed: number, suiteErrors: number, reportErrors: number) =>
  decideVerdict({
    results: results(failed, 0, suiteErrors),
    quarantinedBefore: new Set(),
    broken: new Set(),
    forcedIn: new Set(),
    reportErrors,
    failOnBadReport: true,
  }).reasons.join(', ');

describe('flaky-quarantine counts in English', () => {
  test.each([
    ['verdict, one of each', reasons(1, 1, 1), '1 test failed, 1 suite error, 1 report could not be read'],
    ['verdict, two of each', reasons(2, 2, 2), '2 tests failed, 2 suite errors, 2 reports could not be read'],
    ['log group, one report', readingTitle(1), 'Reading 1 report'],
    ['log group, three reports', readingTitle(3), 'Reading 3 reports'],
    ['results, one test', resultsLine(results(0, 1, 1)), '1 test: 1 ran, 0 failed; 1 suite error.'],
    ['results, two tests', resultsLine(results(1, 1)), '2 tests: 2 ran, 1 failed; 0 suite errors.'],
    [
      'the one report unreadable',
      noEvidence(1, { results: results(0, 0), reportErrors: [{ file: 'a', error: 'e' }] }),
      'The matched report could not be read; see output report-errors.',
    ],
    [
      'two reports unreadable',
      noEvidence(2, { results: results(0, 0), reportErrors: [1, 2].map(() => ({ file: 'a', error: 'e' })) }),
      'None of the 2 matched reports could be read; see output report-errors.',
    ],
    [
      'two readable reports without tests',
      noEvidence(2, { results: results(0, 0), reportErrors: [] }),
      'The 2 readable reports hold no test cases: the tests did not run. Failing rather than passing on nothing.',
    ],
    ['one write', updateLine('h', { written: true, attempts: 1 }), 'History in h: updated (1 attempt).'],
    ['three writes', updateLine('h', { written: true, attempts: 3 }), 'History in h: updated (3 attempts).'],
    ['unreadable, one', unreadableWarning(1), '1 report could not be read; see output report-errors.'],
    [
      'infrastructure failure',
      infraWarning(results(10, 0)),
      '10 of 10 tests failed: treated as an infrastructure failure, not flaky evidence. The failures still block.',
    ],
  ])('%s', (_, text, expected) => {
    expect(text).toBe(expected);
  });

  test.each([
    [1, 'after 1 consecutive pass on `main`'],
    [30, 'after 30 consecutive passes on `main`'],
  ])('the issue text, release after %i', (releaseAfter, phrase) => {
    const body = issueBody({
      id: 'v2:|K|t',
      score: { flakyCommits: 1, commits: 1 },
      releaseAfter,
      defaultBranch: 'main',
    });
    expect(body).toContain(phrase);
    expect(body).toContain('| Mixed results | 1 of 1 commit |');
  });

  test('the summary: one waived failure, one pass to release', () => {
    const id = 'v2:|K|t0';
    const run = results(1, 0);
    const verdict = {
      verdict: 'pass' as const,
      blockingFailures: [],
      quarantinedFailures: [id],
      reasons: [],
    };
    const decisions = { newlyFlaky: [], quarantined: [], released: [id], broken: [] };
    const markdown = buildSummary({
      results: run,
      verdict,
      decisions,
      quarantinedNow: [],
      reportErrors: [],
      issues: new Map(),
      history: emptyHistory(),
      infra: false,
      manual: emptyManual(),
      defaultBranch: 'main',
      releaseAfter: 1,
    }).toMarkdown();
    expect(markdown).toContain('Tests pass: 1 quarantined failure did not block');
    expect(markdown).toContain('released after 1 pass on `main`');
  });

  test('the summary: collapsed sections titled with their counts, the first 100 rows shown, none when empty', () => {
    const run = results(150, 0, 2);
    const ids = [...run.tests.values()].map((t) => t.id);
    const markdown = buildSummary({
      results: run,
      verdict: {
        verdict: 'fail',
        blockingFailures: ids,
        quarantinedFailures: [],
        reasons: ['150 tests failed'],
      },
      decisions: { newlyFlaky: [], quarantined: [], released: [], broken: [] },
      quarantinedNow: [],
      reportErrors: [{ file: 'r.xml', error: 'the file is empty' }],
      issues: new Map(),
      history: emptyHistory(),
      infra: false,
      manual: emptyManual(),
      defaultBranch: 'main',
      releaseAfter: 30,
    }).toMarkdown();
    expect(markdown).toContain('Blocking failures (150)');
    expect(markdown).toContain('Suite errors (2)');
    expect(markdown).toContain('Unreadable reports (1)');
    expect(markdown).not.toContain('Broken: failed on every attempt');
    expect(markdown).not.toContain('Quarantined tests (');
    expect(markdown.match(/^\| K › t\d+ \| failed \|$/gm)).toHaveLength(100);
  });

  test('no message in the source counts with "(s)"', () => {
    const folder = join(repoRoot, 'actions', 'flaky-quarantine', 'src');
    const offenders = readdirSync(folder)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        readFileSync(join(folder, file), 'utf8')
          .split('\n')
          .map((line, i) => [`${file}:${i + 1}`, line] as const)
          // `test(s)` inside a string or template (a call such as `decode(s)` has no quote after it).
          .filter(([, line]) => /[a-z]\(s\)[^`'"]*[`'"]/.test(line)),
      );
    expect(offenders).toEqual([]);
  });
});
