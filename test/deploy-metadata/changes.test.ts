import { loginOf, pullRequestOf, toChanges } from '../../actions/deploy-metadata/src/changes.js';

describe('pullRequestOf', () => {
  test.each([
    ['Merge pull request #123 from acme/feature-x', 123],
    ['Add checkout flow (#45)', 45],
    ['Add checkout flow (#45) ', 45],
    ['Revert "Add checkout (#45)" (#46)', 46],
    ['Fix #12 in parser', undefined],
    ['Merge branch main into feature', undefined],
    ['(#0)', undefined],
    ['bump (#99999999999)', undefined],
  ])('%s -> %s', (subject, pr) => expect(pullRequestOf(subject)).toBe(pr));
});

describe('loginOf', () => {
  test.each([
    ['12345+octocat@users.noreply.github.com', 'octocat'],
    ['octocat@users.noreply.github.com', 'octocat'],
    ['49699333+dependabot[bot]@users.noreply.github.com', 'dependabot[bot]'],
    ['ada@example.com', undefined],
    ['12345+bad_login@users.noreply.github.com', undefined],
  ])('%s -> %s', (email, login) => expect(loginOf(email)).toBe(login));
});

describe('toChanges', () => {
  const raw = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      sha: `${i}`.padStart(40, 'a'),
      authorName: 'Ada',
      authorEmail: i % 2 ? '1+ada@users.noreply.github.com' : 'ada@example.com',
      subject: `change ${i} (#${i + 1})`,
    }));

  test('bounds the list and keeps the true count', () => {
    const changes = toChanges(raw(5), 12, 3);
    expect(changes).toMatchObject({ count: 12, truncated: true });
    expect(changes.commits.map((c) => c.pr)).toEqual([1, 2, 3]);
    expect(changes.commits.map((c) => c.author)).toEqual(['Ada', 'ada', 'Ada']);
  });

  test('not truncated when everything fits', () => {
    expect(toChanges(raw(2), 2, 250)).toMatchObject({ count: 2, truncated: false });
  });

  test('a 10 KB subject is cut', () => {
    const [change] = toChanges([{ ...raw(1)[0]!, subject: 'x'.repeat(10_000) }], 1, 10).commits;
    expect(change!.subject.length).toBeLessThanOrEqual(301);
  });
});
