import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { repoRoot } from '../support/harness.js';
import { type History, emptyHistory } from '../../actions/flaky-quarantine/src/history.js';
import { historyKey } from '../../actions/flaky-quarantine/src/identity.js';
import {
  type RunFacts,
  blockingMessage,
  conclude,
  failureAnnotations,
  issuePlanInput,
  stepOutputs,
  suiteErrorLines,
  summaryInput,
} from '../../actions/flaky-quarantine/src/outcome.js';
import { emptyManual, recordRun } from '../../actions/flaky-quarantine/src/quarantine.js';
import { foldReports } from '../../actions/flaky-quarantine/src/results.js';
import { type Settings, recordPlan } from '../../actions/flaky-quarantine/src/settings.js';

const settings: Settings = {
  commit: 'c2',
  branch: 'main',
  defaultBranch: 'main',
  runKey: '2:1',
  historyRuns: 50,
  autoQuarantine: true,
  releaseAfter: 30,
  infraFailureRatio: 0.5,
  failOnBadReport: true,
  runUrl: 'https://example.com/run/2',
};

/** Test name -> outcome letters of this run (`P` passed, `F` failed; `FP` failed then passed). */
function facts(tests: Record<string, string>, file = (name: string) => `src/${name}.test.ts`): RunFacts {
  const results = foldReports([
    {
      suiteErrors: [],
      cases: Object.entries(tests).map(([name, letters]) => {
        const id = `v2:${file(name)}|S|${name}`;
        const failures = [...letters].filter((l) => l === 'F').length;
        return {
          id,
          key: historyKey(id),
          passes: letters.endsWith('P') ? 1 : 0,
          failures,
          skipped: false,
          file: file(name),
          line: 7,
          ...(failures ? { failure: { message: `boom in ${name}`, type: 'Error', text: '' } } : {}),
        };
      }),
    },
  ]);
  return { results, reportErrors: [], manual: emptyManual(), infra: false };
}

/** Records `run` on `history` as the step does, and concludes. */
function step(history: History, run: RunFacts, s: Settings = settings) {
  const plan = recordPlan(s, run.infra, '2026-01-02T00:00:00.000Z', 'n');
  const recording = recordRun(history, plan.run, run.results.tests, run.manual, plan.context, plan.limits);
  return conclude(run, recording, plan.context.writer, s);
}

const id = (name: string) => `v2:src/${name}.test.ts|S|${name}`;
// `flaky` failed and passed on commit c1, so it is quarantined before commit c2's run.
const quarantined = step(emptyHistory(), facts({ flaky: 'FP' }), {
  ...settings,
  commit: 'c1',
  runKey: '1:1',
}).history;

describe('conclude: the verdict reads the quarantine from before this run', () => {
  test.each([
    ['all pass', emptyHistory(), { a: 'P' }, 'pass', [], []],
    ['a new failure blocks', emptyHistory(), { a: 'F', b: 'P' }, 'fail', [id('a')], []],
    ['a quarantined test failing does not', quarantined, { flaky: 'F', a: 'P' }, 'pass', [], [id('flaky')]],
    ['flaky in this very run still blocks', emptyHistory(), { a: 'FP', b: 'F' }, 'fail', [id('b')], []],
  ])('%s', (_, history, tests, verdict, blocking, waived) => {
    const done = step(history, facts(tests));
    expect(done.verdict.verdict).toBe(verdict);
    expect(done.verdict.blockingFailures).toEqual(blocking);
    expect(done.verdict.quarantinedFailures).toEqual(waived);
  });

  test('quarantined now includes what this run quarantined, sorted', () => {
    const done = step(quarantined, facts({ b: 'FP', a: 'FP' }));
    expect(done.decisions.quarantined.sort()).toEqual([id('a'), id('b')]);
    expect(done.quarantinedNow).toEqual([id('a'), id('b'), id('flaky')]);
  });

  test('the step message says why it blocks; none when it passes', () => {
    expect(blockingMessage(step(emptyHistory(), facts({ a: 'F', b: 'F' })))).toBe(
      'Blocking: 2 tests failed.',
    );
    expect(blockingMessage(step(quarantined, facts({ flaky: 'F' })))).toBeUndefined();
  });
});

describe('what the step reports', () => {
  test('every output action.yml declares, in its order', () => {
    const declared = parse(readFileSync(`${repoRoot}/actions/flaky-quarantine/action.yml`, 'utf8')).outputs;
    const outputs = stepOutputs(step(quarantined, facts({ flaky: 'F', a: 'F' })));
    expect(Object.keys(outputs)).toEqual(Object.keys(declared));
    expect(outputs).toMatchObject({
      verdict: 'fail',
      'blocking-failures': [id('a')],
      'quarantined-failures': [id('flaky')],
      quarantined: [id('flaky')],
      'report-errors': [],
    });
  });

  test('annotations: one per failure, blocking failures first, as errors', () => {
    const tests = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`t${i}`, 'F']));
    const done = step(quarantined, facts({ ...tests, flaky: 'F' }));
    const annotations = failureAnnotations(done, '/w');
    expect(annotations).toHaveLength(61);
    expect(annotations.at(-1)).toMatchObject({ level: 'warning' });
    expect(annotations[0]).toEqual({
      level: 'error',
      title: 'Test failed',
      message: 'S › t0: boom in t0',
      file: 'src/t0.test.ts',
      line: 7,
    });
    expect(failureAnnotations(step(quarantined, facts({ flaky: 'F' })), '/w')).toEqual([
      expect.objectContaining({ level: 'warning', title: 'Quarantined test failed (not blocking)' }),
    ]);
  });

  test.each([
    ['relative to the repository', '/w/src/x.test.ts', 'src/x.test.ts'],
    ['outside the repository: no file', '/elsewhere/x.test.ts', undefined],
  ])('an annotation file %s', (_, path, file) => {
    const done = step(
      emptyHistory(),
      facts({ x: 'F' }, () => path),
    );
    expect(failureAnnotations(done, '/w')[0]!.file).toBe(file);
  });

  test('suite errors are logged without running as workflow commands', () => {
    const done = step(emptyHistory(), {
      ...facts({ a: 'P' }),
      results: foldReports([
        { cases: [], suiteErrors: [{ suite: 'Setup', message: '\n::error::injected' }] },
      ]),
    });
    const [line] = suiteErrorLines(done.results);
    expect(line).toMatch(/^Suite error in Setup: /);
    expect(line!.split('\n').some((l) => l.startsWith('::'))).toBe(false);
  });

  test('issues and the summary are planned from the same conclusion and settings', () => {
    const done = step(quarantined, facts({ flaky: 'F', a: 'FP' }));
    const plan = issuePlanInput(done, settings);
    expect(plan).toMatchObject({
      quarantinedFailures: [id('flaky')],
      runUrl: settings.runUrl,
      releaseAfter: 30,
      defaultBranch: 'main',
      runKey: '2:1',
    });
    expect(plan.failureOf(id('flaky'))?.failure?.message).toBe('boom in flaky');
    const issues = new Map([[id('a'), { number: 4, url: 'u', open: true }]]);
    expect(summaryInput(done, settings, issues)).toMatchObject({
      issues,
      releaseAfter: 30,
      defaultBranch: 'main',
    });
  });
});
