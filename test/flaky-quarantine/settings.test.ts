import { UserError } from '../../shared/errors.js';
import {
  type EventFacts,
  type StepInputs,
  MAX_BRANCHES,
  issuesWanted,
  recordPlan,
  runIdentity,
  settingsOf,
} from '../../actions/flaky-quarantine/src/settings.js';

const event: EventFacts = {
  sha: 'a'.repeat(40),
  refName: 'main',
  runId: '77',
  runAttempt: 2,
  defaultBranch: 'trunk',
  owner: 'acme',
  repo: 'shop',
  runUrl: 'https://github.com/acme/shop/actions/runs/77',
};
const opts: StepInputs = {
  'history-runs': 50,
  'auto-quarantine': true,
  'release-after': 30,
  'infra-failure-ratio': 0.5,
  'create-issues': 'auto',
  'issue-label': 'flaky-test',
  'on-bad-report': 'fail',
};

describe('runIdentity: the commit, branch and run recorded', () => {
  test.each<[string, Partial<StepInputs>, Partial<EventFacts>, object]>([
    ['the event', {}, {}, { commit: 'a'.repeat(40), branch: 'main', defaultBranch: 'trunk', runKey: '77:2' }],
    [
      'inputs over the event',
      { commit: 'c1', branch: 'feature', 'run-id': '9', 'run-attempt': '3', 'default-branch': 'dev' },
      {},
      { commit: 'c1', branch: 'feature', defaultBranch: 'dev', runKey: '9:3' },
    ],
    [
      "a pull request's head branch, not its merge ref",
      {},
      { refName: '12/merge', pullRequest: { number: 12, headRef: 'fix-cart', labels: [] } },
      { branch: 'fix-cart' },
    ],
    [
      'no run id (a local run): keyed by the commit',
      {},
      { runId: '' },
      { runKey: `local-${'a'.repeat(40)}:2` },
    ],
    ['no default branch in the event: main', {}, { defaultBranch: undefined }, { defaultBranch: 'main' }],
  ])('%s', (_, inputs, facts, expected) => {
    expect(runIdentity({ ...opts, ...inputs }, { ...event, ...facts })).toMatchObject(expected);
  });

  test.each([
    [{ sha: '' }, 'No commit: set input "commit" (GITHUB_SHA is empty outside a runner).'],
    [{ refName: '' }, 'No branch: set input "branch" (GITHUB_REF_NAME is empty outside a runner).'],
  ])("missing %j is the user's to set", (facts, message) => {
    const run = () => runIdentity(opts, { ...event, ...facts });
    expect(run).toThrow(UserError);
    expect(run).toThrow(message);
  });
});

describe('issuesWanted: input "create-issues"', () => {
  test.each([
    ['auto', 'ghs_x', true],
    ['auto', undefined, false],
    ['true', 'ghs_x', true],
    ['false', 'ghs_x', false],
    ['false', undefined, false],
  ])('%s with token %j: %j', (setting, token, wanted) => {
    expect(issuesWanted(setting, token)).toBe(wanted);
  });

  test('true without a token is a mistake the user fixes', () => {
    expect(() => issuesWanted('true', undefined)).toThrow(
      new UserError('Input "create-issues" is true but there is no token.'),
    );
  });
});

describe('settingsOf and recordPlan', () => {
  test('issues go to the event repository with the label, only when wanted', () => {
    expect(settingsOf({ ...opts, token: 't' }, event).issues).toEqual({
      owner: 'acme',
      repo: 'shop',
      label: 'flaky-test',
    });
    expect(settingsOf(opts, event).issues).toBeUndefined();
    expect(settingsOf({ ...opts, 'on-bad-report': 'warn' }, event).failOnBadReport).toBe(false);
    expect(settingsOf(opts, { ...event, runUrl: '' }).runUrl).toBeUndefined();
  });

  test('a run is recorded under its key, commit and time; the writer is unique to the step', () => {
    const settings = settingsOf(opts, event);
    const plan = recordPlan(settings, false, '2026-01-01T00:00:00.000Z', 'beef');
    expect(plan).toEqual({
      context: {
        commit: 'a'.repeat(40),
        branch: 'main',
        defaultBranch: 'trunk',
        releaseAfter: 30,
        autoQuarantine: true,
        now: '2026-01-01T00:00:00.000Z',
        writer: '77:2/beef',
      },
      limits: { runsPerBranch: 50, maxBranches: MAX_BRANCHES, defaultBranch: 'trunk' },
      run: { branch: 'main', info: { key: '77:2', commit: 'a'.repeat(40), at: '2026-01-01T00:00:00.000Z' } },
    });
  });

  test('an infrastructure failure records no run', () => {
    expect(recordPlan(settingsOf(opts, event), true, '2026-01-01T00:00:00.000Z', 'beef').run).toBeUndefined();
  });
});
