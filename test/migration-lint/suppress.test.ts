import { parseIgnore } from '../../actions/migration-lint/src/suppress.js';

const comment = (text: string) => ({ start: 5, end: 5 + text.length, text });

describe('parseIgnore', () => {
  test.each([
    [
      '-- migration-lint: ignore drop-column -- unused since v41',
      'statement',
      ['drop-column'],
      'unused since v41',
    ],
    [
      '-- migration-lint: ignore drop-column, rename-table -- both safe here',
      'statement',
      ['drop-column', 'rename-table'],
      'both safe here',
    ],
    [
      '-- migration-lint: ignore-file lock-timeout-missing -- set by the runner',
      'file',
      ['lock-timeout-missing'],
      'set by the runner',
    ],
    ['-- migration-lint: ignore truncate', 'statement', ['truncate'], ''],
    ['/* migration-lint: ignore truncate -- staging table */', 'statement', ['truncate'], 'staging table'],
    ['--migration-lint:ignore set-not-null --   padded  ', 'statement', ['set-not-null'], 'padded'],
  ])('%s', (text, scope, rules, reason) => {
    expect(parseIgnore(comment(text))).toMatchObject({ scope, rules, reason, offset: 5 });
  });

  test.each(['-- just a comment', '-- migration lint ignore x', '-- migration-lint: ignored'])(
    '%s is not a directive',
    (text) => {
      expect(parseIgnore(comment(text))).toBeUndefined();
    },
  );
});
