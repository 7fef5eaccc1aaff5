import { eventContext } from '../../shared/context.js';
import { planRange } from '../../shared/range.js';

const env = {
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'm'.repeat(40),
  GITHUB_REF: 'refs/pull/5/merge',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_API_URL: 'http://127.0.0.1:1234/',
};
const repository = { default_branch: 'trunk', name: 'shop', owner: { login: 'acme' } };
const sha = (c: string) => c.repeat(40);

describe('eventContext', () => {
  it('takes the pull request head, not the merge commit', () => {
    const ctx = eventContext(
      { ...env, GITHUB_EVENT_NAME: 'pull_request' },
      {
        repository,
        pull_request: {
          number: 5,
          base: { sha: sha('b'), ref: 'trunk' },
          head: { sha: sha('h'), ref: 'feature' },
          labels: [{ name: 'x' }],
        },
      },
    );
    expect(ctx).toMatchObject({
      owner: 'acme',
      repo: 'shop',
      headSha: sha('h'),
      sha: sha('m'),
      defaultBranch: 'trunk',
      runAttempt: 2,
      apiUrl: 'http://127.0.0.1:1234',
      runUrl: 'https://github.com/acme/shop/actions/runs/42',
      pullRequest: { number: 5, baseSha: sha('b'), labels: ['x'] },
    });
  });

  it('reads an empty payload (a local run) without failing', () => {
    const ctx = eventContext({}, {});
    expect(ctx).toMatchObject({ eventName: '', runAttempt: 1, pullRequest: undefined, inputs: {} });
  });
});

describe('planRange picks base and head for every event', () => {
  const plan = (name: string, payload: Record<string, unknown>, overrides = {}) =>
    planRange(
      eventContext({ ...env, GITHUB_EVENT_NAME: name, GITHUB_SHA: sha('a') }, { repository, ...payload }),
      overrides,
    );

  it.each([
    [
      'pull_request',
      { pull_request: { number: 1, base: { sha: sha('b') }, head: { sha: sha('h') } } },
      { base: sha('b'), head: sha('h'), mode: 'merge-base' },
    ],
    [
      'pull_request_target',
      { pull_request: { number: 1, base: { sha: sha('b') }, head: { sha: sha('h') } } },
      { base: sha('b'), head: sha('h'), mode: 'merge-base' },
    ],
    [
      'push',
      { before: sha('c'), after: sha('a') },
      { base: sha('c'), head: sha('a'), mode: 'direct', fallbackBase: 'trunk' },
    ],
    [
      'push',
      { before: '0'.repeat(40), after: sha('a'), created: true },
      { base: 'trunk', mode: 'merge-base' },
    ],
    [
      'merge_group',
      { merge_group: { base_sha: sha('b'), head_sha: sha('h') } },
      { base: sha('b'), head: sha('h'), mode: 'direct' },
    ],
    ['workflow_dispatch', {}, { base: 'trunk', head: sha('a'), mode: 'merge-base' }],
    ['schedule', {}, { base: 'trunk', head: sha('a'), mode: 'merge-base' }],
  ])('%s', (name, payload, expected) => {
    expect(plan(name, payload)).toMatchObject(expected);
  });

  it('lets the base and head inputs override the event', () => {
    expect(plan('push', { before: sha('c') }, { base: 'v1.0.0', head: 'HEAD' })).toMatchObject({
      base: 'v1.0.0',
      head: 'HEAD',
      baseSource: 'input base',
    });
  });
});
