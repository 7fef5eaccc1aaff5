import {
  buildRecord,
  deployNumber,
  deployTags,
  isSameRun,
  nameProblem,
  pushAuthorLogin,
  recordInMessage,
  tagMessage,
  tagPrefixProblem,
  type RecordFacts,
} from '../../actions/deploy-metadata/src/record.js';

const sha = 'a'.repeat(40);
const facts: RecordFacts = {
  ctx: {
    repo: 'shop',
    ref: 'refs/heads/main',
    actor: 'octocat',
    runId: '1000',
    runAttempt: 2,
    runUrl: 'https://github.com/acme/shop/actions/runs/1000',
    repositoryUrl: 'https://github.com/acme/shop',
    pullRequest: undefined,
  },
  environment: 'production',
  service: 'shop',
  commit: {
    sha,
    committedAt: '2023-11-14T23:13:20+01:00',
    authorName: 'Ada Lovelace',
    authorEmail: '7+ada@users.noreply.github.com',
    subject: 'Add cart (#42)',
  },
  version: { version: '1.2.0', source: 'tag', tag: 'v1.2.0' },
  created: 'commit',
  now: new Date('2026-01-01T00:00:00.123Z'),
};

describe('buildRecord', () => {
  test('push: fields from the event and the commit', () => {
    expect(buildRecord(facts)).toMatchObject({
      schema: 'trunk-actions/deploy-record/v1',
      sha,
      shortSha: 'aaaaaaa',
      ref: 'refs/heads/main',
      buildId: '1000-2',
      deployId: 'production-1000-2',
      owner: { author: 'ada', actor: 'octocat' },
      pr: 42,
      created: '2023-11-14T22:13:20Z',
      previous: null,
      changes: null,
    });
  });

  test('pull request: head branch and PR number from the event, author from the PR when the email has no login', () => {
    const record = buildRecord({
      ...facts,
      ctx: {
        ...facts.ctx,
        ref: 'refs/pull/7/merge',
        pullRequest: { number: 7, headRef: 'feat/x', labels: [], author: 'grace' },
      },
      commit: { ...facts.commit, authorEmail: 'grace@example.com', subject: 'wip' },
    });
    expect(record).toMatchObject({ ref: 'refs/heads/feat/x', pr: 7, owner: { author: 'grace' } });
  });

  test('push: the login the event gives wins over the email', () => {
    const record = buildRecord({
      ...facts,
      commit: { ...facts.commit, authorEmail: 'ada@corp.example' },
      authorLogin: 'ada-l',
    });
    expect(record.owner.author).toBe('ada-l');
    expect(pushAuthorLogin({ head_commit: { id: sha, author: { username: 'ada-l' } } }, sha)).toBe('ada-l');
    expect(
      pushAuthorLogin({ head_commit: { id: 'other', author: { username: 'ada-l' } } }, sha),
    ).toBeUndefined();
    expect(
      pushAuthorLogin({ head_commit: { id: sha, author: { username: '::add-mask::x' } } }, sha),
    ).toBeUndefined();
    expect(pushAuthorLogin({ head_commit: null }, sha)).toBeUndefined();
  });

  test('created: now is the clock in whole seconds', () => {
    expect(buildRecord({ ...facts, created: 'now' }).created).toBe('2026-01-01T00:00:00Z');
  });

  test('a local run has no run id', () => {
    const record = buildRecord({ ...facts, ctx: { ...facts.ctx, runId: '' } });
    expect(record.buildId).toBe('local');
    expect(isSameRun(record, record)).toBe(false);
  });
});

describe('names', () => {
  test.each(['production', 'staging-eu.1', 'a', 'A_b', 'x'.repeat(63)])('%s is allowed', (name) =>
    expect(nameProblem(name)).toBeUndefined(),
  );
  test.each([
    '',
    'prod env',
    'prod/eu',
    '-prod',
    'prod.',
    'x'.repeat(64),
    'a..b',
    'prod.lock',
    'prod\n',
    'prød',
    '$(id)',
  ])('%j is refused', (name) => expect(nameProblem(name)).toBeDefined());
  test.each([['deploy/'], [''], ['deploys-'], ['a/b/']])('prefix %j is allowed', (p) =>
    expect(tagPrefixProblem(p)).toBeUndefined(),
  );
  test.each([['/x'], ['a//b/'], ['.x/'], ['a..b/'], ['x y/'], ['-x'], ['a.lock/']])(
    'prefix %j is refused',
    (p) => expect(tagPrefixProblem(p)).toBeDefined(),
  );
});

describe('deploy tags', () => {
  test('numbers only from exact <prefix><env>/<n> names', () => {
    expect(deployNumber('deploy/production/12', 'deploy/', 'production')).toBe(12);
    expect(deployNumber('deploy/production/012', 'deploy/', 'production')).toBeUndefined();
    expect(deployNumber('deploy/production-eu/3', 'deploy/', 'production')).toBeUndefined();
    expect(deployNumber('deploy/production/3/x', 'deploy/', 'production')).toBeUndefined();
  });

  test('newest first by number, not by text', () => {
    const tags = ['deploy/prod/9', 'deploy/prod/10', 'v1.0.0', 'deploy/staging/99'].map((name) => ({
      name,
      object: 'x',
    }));
    expect(deployTags(tags, 'deploy/', 'prod').map((t) => t.n)).toEqual([10, 9]);
  });

  test('the tag message carries the record, without the commit list', () => {
    const record = buildRecord({
      ...facts,
      changes: { count: 1, truncated: false, commits: [{ sha, subject: 'x', author: 'a' }] },
    });
    const message = tagMessage(record);
    expect(message.split('\n')[0]).toBe('deploy shop 1.2.0 to production');
    const stored = recordInMessage(message);
    expect(stored).toMatchObject({ version: '1.2.0', buildId: '1000-2', changes: { count: 1 } });
    expect(isSameRun(stored, { buildId: '1000-1', environment: 'production' })).toBe(true);
    expect(isSameRun(stored, { buildId: '1001-2', environment: 'production' })).toBe(false);
    expect(isSameRun(stored, { buildId: '1000-2', environment: 'staging' })).toBe(false);
    expect(recordInMessage('just text')).toBeUndefined();
    expect(recordInMessage('{ broken')).toBeUndefined();
  });
});
