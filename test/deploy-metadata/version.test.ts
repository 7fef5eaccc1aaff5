import {
  chooseVersion,
  compareSemver,
  describeVersion,
  isSemver,
} from '../../actions/deploy-metadata/src/version.js';

const base = { requireSemver: false, tagsOnCommit: [] as string[], shortSha: 'abc1234' };

describe('chooseVersion', () => {
  test.each([
    ['input wins over tags', { input: 'v2.0.0', tagsOnCommit: ['v9.9.9'] }, '2.0.0', 'input'],
    ['free-form input kept', { input: '2024.11.26-build7' }, '2024.11.26-build7', 'input'],
    [
      'highest semver tag on the commit',
      { tagsOnCommit: ['v1.2.0', 'v1.10.0', 'deploy/prod/3', 'v1.10.0-rc.1'] },
      '1.10.0',
      'tag',
    ],
    ['describe when no tag on the commit', { describe: 'v1.2.0-5-gabc1234' }, '1.2.0-5-gabc1234', 'describe'],
    [
      'describe of a non-semver tag falls back',
      { describe: 'release-5-gabc1234' },
      '0.0.0-abc1234',
      'fallback',
    ],
    ['nothing at all', {}, '0.0.0-abc1234', 'fallback'],
    [
      'all-digit short sha with a leading zero stays semver',
      { shortSha: '0123456' },
      '0.0.0-g0123456',
      'fallback',
    ],
  ])('%s', (_name, facts, version, source) => {
    const chosen = chooseVersion({ ...base, ...facts });
    expect(chosen).toMatchObject({ version, source });
    if (source !== 'input') expect(isSemver(chosen.version)).toBe(true);
  });

  test.each([
    [
      'not semver when semver is required',
      { input: 'latest', requireSemver: true },
      /not semantic versioning/,
    ],
    ['newline', { input: '1.0.0\n::add-mask::x' }, /Input "version"/],
    ['space', { input: '1.0 beta' }, /letters, digits/],
    ['too long', { input: `1.${'0'.repeat(200)}` }, /1 to 128/],
    ['leading dash (an option to some tools)', { input: '-1.0.0' }, /starting with a letter or digit/],
  ])('rejects %s', (_name, facts, message) => {
    expect(() => chooseVersion({ ...base, ...facts })).toThrow(message);
  });

  test('semver required accepts a v prefix and strips it', () => {
    expect(chooseVersion({ ...base, input: 'v1.4.2-rc.1+b7', requireSemver: true }).version).toBe(
      '1.4.2-rc.1+b7',
    );
  });
});

describe('semver', () => {
  test.each([
    ['1.0.0', true],
    ['v1.0.0', true],
    ['1.0.0-alpha.1+001', true],
    ['01.0.0', false],
    ['1.0', false],
    ['1.0.0-01', false],
    ['1.2.0-5-gabc1234', true],
  ])('isSemver(%s) = %s', (text, ok) => expect(isSemver(text)).toBe(ok));

  test('precedence follows semver.org', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.10.0',
    ];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(compareSemver)).toEqual(ordered);
  });

  test('describe keeps pre-release and build parts valid', () => {
    expect(describeVersion('v1.2.0-rc.1-3-gdeadbee')?.version).toBe('1.2.0-rc.1-3-gdeadbee');
    expect(isSemver(describeVersion('v1.2.0-rc.1-3-gdeadbee')!.version)).toBe(true);
    expect(describeVersion('garbage')).toBeUndefined();
  });
});
