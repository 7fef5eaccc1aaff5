import {
  annotations,
  orderFindings,
  tally,
  verdict,
  workLine,
} from '../../actions/migration-lint/src/outcome.js';
import { type FileReport, finding } from '../../actions/migration-lint/src/lint.js';

const file = (path: string, analysed = true): FileReport => ({
  path,
  runner: 'flyway',
  statements: 1,
  analysed,
});
const error = (path: string, line = 1) => finding(path, 'drop-column', 'Drops c.', line, 1);
const warning = (path: string, line = 1) =>
  finding(path, 'validate-in-same-transaction', 'Validates c.', line, 1);

describe('outcome', () => {
  test('counts in English, one and many alike', () => {
    expect(workLine(1, 1)).toBe('1 migration file to lint, 1 earlier one replayed for schema state.');
    expect(workLine(0, 499)).toBe('0 migration files to lint, 499 earlier ones replayed for schema state.');
    expect(verdict(tally([error('a.sql')]), [file('a.sql')], 'error')).toEqual({
      kind: 'failed',
      message: 'migration-lint: 1 error and 0 warnings in 1 migration file.',
    });
    const many = [error('a.sql'), error('b.sql'), warning('b.sql')];
    expect(verdict(tally(many), [file('a.sql'), file('b.sql')], 'warning')?.message).toBe(
      'migration-lint: 2 errors and 1 warning in 2 migration files.',
    );
  });

  test('fail-on decides which findings fail the step', () => {
    const counts = tally([warning('a.sql')]);
    expect(counts).toEqual({ errors: 0, warnings: 1 });
    expect(verdict(counts, [file('a.sql')], 'error')).toBeUndefined();
    expect(verdict(counts, [file('a.sql')], 'warning')?.kind).toBe('failed');
    expect(verdict(tally([error('a.sql')]), [file('a.sql')], 'never')).toBeUndefined();
    expect(verdict(tally([]), [], 'warning')).toBeUndefined();
  });

  test('nothing analysed is a usage problem, said in English for one file and many', () => {
    expect(verdict(tally([]), [file('a.sql', false)], 'never')).toEqual({
      kind: 'unreadable',
      message:
        'The migration file could not be analysed (undecodable, empty or not PostgreSQL); see the findings.',
    });
    expect(verdict(tally([]), [file('a.sql', false), file('b.sql', false)], 'never')?.message).toMatch(
      /^None of the 2 migration files could be analysed/,
    );
    expect(verdict(tally([]), [file('a.sql', false), file('b.sql')], 'never')).toBeUndefined();
  });

  test('findings in reading order; annotations capped, each with its recipe', () => {
    const ordered = orderFindings([
      error('b.sql', 2),
      warning('a.sql', 3),
      error('b.sql', 1),
      error('a.sql', 3),
    ]);
    expect(ordered.map((f) => `${f.file}:${f.line}:${f.rule}`)).toEqual([
      'a.sql:3:drop-column',
      'a.sql:3:validate-in-same-transaction',
      'b.sql:1:drop-column',
      'b.sql:2:drop-column',
    ]);
    const shown = annotations(Array.from({ length: 105 }, (_, i) => error('a.sql', i + 1)));
    expect(shown).toHaveLength(105);
    expect(shown[0]).toMatchObject({ level: 'error', file: 'a.sql', line: 1, column: 1 });
    expect(shown[0]!.title).toMatch(/^migration-lint drop-column \(ACCESS EXCLUSIVE\)$/);
    expect(shown[0]!.message).toContain('\nSafe recipe: ');
  });
});

describe('summary', () => {
  test('counts in English: one file, one finding beyond the table', async () => {
    const { buildSummary } = await import('../../actions/migration-lint/src/report.js');
    const one = buildSummary({ findings: [error('a.sql')], files: [file('a.sql')], failOn: 'error' });
    expect(one.toMarkdown()).toContain('1 error and 0 warnings in 1 migration file.');
    const many = Array.from({ length: 201 }, (_, i) => warning('a.sql', i + 1));
    const cut = buildSummary({ findings: many, files: [file('a.sql')], failOn: 'error' }).toMarkdown();
    expect(cut).toContain('0 errors and 201 warnings in 1 migration file.');
    expect(cut).toContain('_1 more finding is in the `findings` output');
  });
});
