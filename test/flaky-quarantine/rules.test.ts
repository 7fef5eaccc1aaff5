import {
  consecutivePasses,
  flakinessScore,
  isInfraFailure,
} from '../../actions/flaky-quarantine/src/classify.js';
import { type History, emptyHistory } from '../../actions/flaky-quarantine/src/history.js';
import {
  type ManualQuarantine,
  effectiveQuarantine,
  emptyManual,
  parseManualFile,
  recordRun,
} from '../../actions/flaky-quarantine/src/quarantine.js';
import { historyKey } from '../../actions/flaky-quarantine/src/identity.js';
import { foldReports } from '../../actions/flaky-quarantine/src/results.js';
import { decideVerdict } from '../../actions/flaky-quarantine/src/verdict.js';
import { loadYaml } from '../../shared/yaml.js';
import { loadZod } from '../../shared/zod.js';

// The YAML parser loads on first need (shared/yaml.ts); parsing a quarantine file needs it, also while tests are collected.
await loadYaml();
await loadZod();

/**
 * A run is written as test -> outcome letters, one per attempt inside the run (retry elements or
 * duplicate entries): `P` passed, `F` failed, `S` skipped. `FP` failed then passed on a retry.
 */
interface Step {
  branch?: string;
  commit: string;
  run: string;
  tests: Record<string, string>;
}

const limits = { runsPerBranch: 200, maxBranches: 100, defaultBranch: 'main' };

function simulate(
  steps: Step[],
  options: { releaseAfter?: number; manual?: ManualQuarantine; autoQuarantine?: boolean } = {},
) {
  let history: History = emptyHistory();
  const manual = options.manual ?? emptyManual();
  let clock = Date.parse('2026-01-01T00:00:00Z');
  return steps.map((step) => {
    const results = foldReports([
      {
        suiteErrors: [],
        cases: Object.entries(step.tests).map(([id, letters]) => ({
          id,
          key: historyKey(id),
          passes: letters.endsWith('P') ? 1 : 0,
          failures: [...letters].filter((l) => l === 'F').length,
          skipped: letters === 'S',
        })),
      },
    ]);
    const now = new Date((clock += 60_000)).toISOString();
    const branch = step.branch ?? 'main';
    const before = effectiveQuarantine(history, manual);
    const ctx = {
      commit: step.commit,
      branch,
      defaultBranch: 'main',
      releaseAfter: options.releaseAfter ?? 3,
      autoQuarantine: options.autoQuarantine ?? true,
      now,
      writer: `${step.run}/test`,
    };
    const out = recordRun(
      history,
      { branch, info: { key: step.run, commit: step.commit, at: now } },
      results.tests,
      manual,
      ctx,
      limits,
    );
    history = out.history;
    const verdict = decideVerdict({
      results,
      quarantinedBefore: before,
      broken: new Set(out.decisions.broken),
      forcedIn: new Set(manual.forceIn.keys()),
      reportErrors: 0,
      failOnBadReport: true,
    });
    return {
      ...out.decisions,
      verdict: verdict.verdict,
      blocking: verdict.blockingFailures,
      waived: verdict.quarantinedFailures,
      history,
      quarantinedNow: [...effectiveQuarantine(history, manual)],
    };
  });
}

describe('flaky and broken', () => {
  test('failed then passed across attempts of one run: flaky, quarantined, but the failing attempt still blocked', () => {
    const [a1, a2] = simulate([
      { commit: 'c1', run: '9:1', tests: { t: 'F', u: 'P' } },
      { commit: 'c1', run: '9:2', tests: { t: 'P', u: 'P' } },
    ]);
    expect(a1).toMatchObject({ verdict: 'fail', blocking: ['t'], newlyFlaky: [], quarantined: [] });
    expect(a2).toMatchObject({
      verdict: 'pass',
      newlyFlaky: ['t'],
      quarantined: ['t'],
      quarantinedNow: ['t'],
    });
  });

  test('detection in the current attempt does not unblock it retroactively', () => {
    const [, a2] = simulate([
      { commit: 'c1', run: '9:1', tests: { t: 'P' } },
      { commit: 'c1', run: '9:2', tests: { t: 'F' } },
    ]);
    expect(a2).toMatchObject({ newlyFlaky: ['t'], quarantined: ['t'], verdict: 'fail', blocking: ['t'] });
  });

  test('a quarantined test failing later does not block; its failure is reported', () => {
    const steps = simulate([
      { commit: 'c1', run: '1:1', tests: { t: 'F' } },
      { commit: 'c1', run: '1:2', tests: { t: 'P' } },
      { commit: 'c2', run: '2:1', tests: { t: 'F', u: 'P' } },
    ]);
    expect(steps[2]).toMatchObject({ verdict: 'pass', blocking: [], waived: ['t'] });
  });

  test('a retry inside one report (flakyFailure, duplicate entries) is flaky evidence; the final pass does not block', () => {
    const [run] = simulate([{ commit: 'c1', run: '1:1', tests: { t: 'FP', u: 'P' } }]);
    expect(run).toMatchObject({ verdict: 'pass', newlyFlaky: ['t'], quarantined: ['t'] });
  });

  test('across runs on the same commit (different workflows) is flaky', () => {
    const steps = simulate([
      { commit: 'c1', run: '1:1', tests: { t: 'P' } },
      { commit: 'c2', run: '2:1', tests: { t: 'F' } },
      { commit: 'c1', run: '3:1', tests: { t: 'F' } },
    ]);
    expect(steps[1]!.newlyFlaky).toEqual([]); // a different commit: a change broke it, not flakiness
    expect(steps[2]!.newlyFlaky).toEqual(['t']);
  });

  test('failed on every attempt (two or more) is broken: never quarantined and blocks', () => {
    const steps = simulate([
      { commit: 'c1', run: '1:1', tests: { t: 'F' } },
      { commit: 'c1', run: '1:2', tests: { t: 'F' } },
    ]);
    expect(steps[0]!.broken).toEqual([]); // one attempt is not enough to call it broken
    expect(steps[1]).toMatchObject({ broken: ['t'], quarantined: [], verdict: 'fail', blocking: ['t'] });
    const [rerun] = simulate([{ commit: 'c1', run: '1:1', tests: { t: 'FFF' } }]);
    expect(rerun).toMatchObject({ broken: ['t'], quarantined: [], verdict: 'fail' });
  });

  test('a quarantined test that is broken on this commit blocks (a real regression is not waved through)', () => {
    const steps = simulate([
      { commit: 'c1', run: '1:1', tests: { t: 'FP' } },
      { commit: 'c2', run: '2:1', tests: { t: 'FF' } },
    ]);
    expect(steps[1]).toMatchObject({ broken: ['t'], verdict: 'fail', blocking: ['t'] });
  });

  test('a quarantined test that fails run after run (one attempt each) is broken from the fifth and blocks', () => {
    const steps = simulate([
      { commit: 'c0', run: '0:1', tests: { t: 'FP' } },
      ...[1, 2, 3, 4, 5].map((n) => ({ commit: `c${n}`, run: `${n}:1`, tests: { t: 'F' } })),
    ]);
    expect(steps.slice(1, 5).map((s) => s.verdict)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(steps[5]).toMatchObject({ broken: ['t'], verdict: 'fail', blocking: ['t'] });
  });

  test('skips are no evidence', () => {
    const steps = simulate([
      { commit: 'c1', run: '1:1', tests: { t: 'S' } },
      { commit: 'c1', run: '1:2', tests: { t: 'F' } },
    ]);
    expect(steps[1]).toMatchObject({ newlyFlaky: [], broken: [] });
  });

  test('auto-quarantine false reports newly flaky tests without quarantining them', () => {
    const [run] = simulate([{ commit: 'c1', run: '1:1', tests: { t: 'FP' } }], { autoQuarantine: false });
    expect(run).toMatchObject({ newlyFlaky: ['t'], quarantined: [], quarantinedNow: [] });
  });
});

describe('release', () => {
  const quarantineT = { commit: 'c0', run: '0:1', tests: { t: 'FP' } };
  test('after release-after consecutive passes on the default branch; issue-worthy once', () => {
    const steps = simulate([
      quarantineT,
      { commit: 'c1', run: '1:1', tests: { t: 'P' } },
      { commit: 'c2', run: '2:1', tests: { t: 'P' } },
      { commit: 'c3', run: '3:1', tests: { t: 'P' } },
      { commit: 'c4', run: '4:1', tests: { t: 'P' } },
    ]);
    expect(steps.map((s) => s.released)).toEqual([[], [], [], ['t'], []]);
    expect(steps[4]!.quarantinedNow).toEqual([]);
  });

  test('a failure resets the count; skips, absences and other branches do not count', () => {
    const steps = simulate([
      quarantineT,
      { commit: 'c1', run: '1:1', tests: { t: 'P' } },
      { commit: 'c2', run: '2:1', tests: { t: 'P' } },
      { commit: 'c3', run: '3:1', tests: { t: 'F' } },
      { commit: 'c4', run: '4:1', tests: { t: 'P' } },
      { commit: 'c5', run: '5:1', tests: { t: 'S' } },
      { commit: 'c6', run: '6:1', tests: { u: 'P' } },
      { branch: 'feature', commit: 'f1', run: '7:1', tests: { t: 'P' } },
      { commit: 'c7', run: '8:1', tests: { t: 'P' } },
      { commit: 'c8', run: '9:1', tests: { t: 'P' } },
    ]);
    expect(steps.map((s) => s.released.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(steps[3]).toMatchObject({ verdict: 'pass', waived: ['t'] });
    expect(consecutivePasses(steps[9]!.history, 'main', 't', '2026-01-01')).toBe(3);
  });

  test('a released test that is flaky again is quarantined again', () => {
    const steps = simulate(
      [
        quarantineT,
        { commit: 'c1', run: '1:1', tests: { t: 'P' } },
        { commit: 'c2', run: '2:1', tests: { t: 'FP' } },
      ],
      { releaseAfter: 1 },
    );
    expect(steps[1]!.released).toEqual(['t']);
    expect(steps[2]).toMatchObject({ quarantined: ['t'], quarantinedNow: ['t'] });
  });
});

describe('manual quarantine file', () => {
  const manual = parseManualFile(`
quarantine:
  - id: forced
    owner: '@team'
    reason: sandbox API is down
never-quarantine:
  - id: critical
    owner: '@payments'
    reason: must always block
`);
  test('forced in never blocks (even broken) and is never released automatically', () => {
    const steps = simulate(
      [
        { commit: 'c1', run: '1:1', tests: { forced: 'FF' } },
        { commit: 'c2', run: '2:1', tests: { forced: 'P' } },
        { commit: 'c3', run: '3:1', tests: { forced: 'P' } },
      ],
      { manual, releaseAfter: 1 },
    );
    expect(steps[0]).toMatchObject({ verdict: 'pass', waived: ['forced'] });
    expect(steps.flatMap((s) => s.released)).toEqual([]);
    expect(steps[2]!.quarantinedNow).toEqual(['forced']);
  });
  test('forced out is reported flaky but never quarantined', () => {
    const steps = simulate(
      [
        { commit: 'c1', run: '1:1', tests: { critical: 'FP' } },
        { commit: 'c2', run: '2:1', tests: { critical: 'F' } },
      ],
      { manual },
    );
    expect(steps[0]).toMatchObject({ newlyFlaky: ['critical'], quarantined: [] });
    expect(steps[1]).toMatchObject({ verdict: 'fail', blocking: ['critical'] });
  });
  test.each([
    ['quarantine:\n  - id: x\n    reason: r\n', /quarantine.0.owner/],
    ['quarantine:\n  - id: x\n    owner: o\n', /quarantine.0.reason/],
    [
      'quarantine:\n  - {id: x, owner: o, reason: r}\nnever-quarantine:\n  - {id: x, owner: o, reason: r}\n',
      /both/,
    ],
    ['quarantined: []\n', /Unrecognized key/],
  ])('an invalid file says what is wrong: %j', (text, message) => {
    expect(() => parseManualFile(text)).toThrow(message);
  });
  test('hostile ids are plain keys', () => {
    const m = parseManualFile(
      'quarantine:\n  - {id: __proto__, owner: o, reason: r}\n  - {id: constructor, owner: o, reason: r}\n',
    );
    expect([...m.forceIn.keys()]).toEqual(['__proto__', 'constructor']);
  });
});

describe('infrastructure failures and scores', () => {
  test.each([
    [100, 80, 0.8, true],
    [100, 79, 0.8, false],
    [5, 5, 0.8, false], // too few tests to tell
    [10, 10, 0.8, true],
  ])('%i executed, %i failed, ratio %f: infra %s', (executed, failed, ratio, infra) => {
    expect(isInfraFailure(executed, failed, ratio)).toBe(infra);
  });
  test('score is the share of commits with mixed results', () => {
    const steps = simulate([
      { commit: 'c1', run: '1:1', tests: { t: 'FP' } },
      { commit: 'c2', run: '2:1', tests: { t: 'P' } },
      { commit: 'c3', run: '3:1', tests: { t: 'P' } },
      { commit: 'c3', run: '3:2', tests: { t: 'F' } },
      { commit: 'c4', run: '4:1', tests: { t: 'P' } },
    ]);
    expect(flakinessScore(steps[4]!.history, 't')).toEqual({ score: 0.5, flakyCommits: 2, commits: 4 });
  });
});
