import fc from 'fast-check';
import { parserText, splitStatements } from '../../actions/migration-lint/src/split.js';

const texts = (sql: string) => {
  const { pieces } = splitStatements(sql);
  return pieces.map((p) => `${p.kind}:${sql.slice(p.start, p.end)}`);
};

describe('splitStatements', () => {
  test.each([
    ['plain statements', 'SELECT 1; SELECT 2;', ['sql:SELECT 1;', 'sql:SELECT 2;']],
    ['last statement without a semicolon', 'SELECT 1;\nSELECT 2', ['sql:SELECT 1;', 'sql:SELECT 2']],
    [
      'semicolons in strings',
      "SELECT 'a;b', 'it''s;'; SELECT 2;",
      ["sql:SELECT 'a;b', 'it''s;';", 'sql:SELECT 2;'],
    ],
    [
      'E strings with backslash quotes',
      "SELECT E'x\\';y'; SELECT 2;",
      ["sql:SELECT E'x\\';y';", 'sql:SELECT 2;'],
    ],
    [
      'a word ending in e before a string is not an E string',
      "SELECT name'\\'; SELECT 2;",
      ["sql:SELECT name'\\';", 'sql:SELECT 2;'],
    ],
    [
      'a word that lower-casing lengthens (İ) before a semicolon and a quote',
      "CREATE TABLE İ; SELECT 'İ;x'İ; SELECT 2;",
      ['sql:CREATE TABLE İ;', "sql:SELECT 'İ;x'İ;", 'sql:SELECT 2;'],
    ],
    [
      'quoted identifiers',
      'CREATE TABLE "a;""b" (x int); SELECT 2;',
      ['sql:CREATE TABLE "a;""b" (x int);', 'sql:SELECT 2;'],
    ],
    [
      'dollar quotes with tags',
      'DO $x$ BEGIN PERFORM 1; END $x$; SELECT 2;',
      ['sql:DO $x$ BEGIN PERFORM 1; END $x$;', 'sql:SELECT 2;'],
    ],
    [
      '$1 parameters are not quotes',
      'PREPARE p AS SELECT $1; SELECT 2;',
      ['sql:PREPARE p AS SELECT $1;', 'sql:SELECT 2;'],
    ],
    ['line comments', '-- a; b\nSELECT 1; -- c;\nSELECT 2;', ['sql:SELECT 1;', 'sql:SELECT 2;']],
    ['nested block comments', '/* a /* b; */ c; */ SELECT 1;', ['sql:SELECT 1;']],
    [
      'parentheses (rules)',
      'CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2); SELECT 3;',
      ['sql:CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);', 'sql:SELECT 3;'],
    ],
    [
      'BEGIN ATOMIC bodies',
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END; SELECT 3;',
      [
        'sql:CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;',
        'sql:SELECT 3;',
      ],
    ],
    [
      'BEGIN ATOMIC in any case; near misses (a longer word, a quote between, a non-ASCII letter) open none',
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql Begin aTomic SELECT 1; SELECT Case WHEN true THEN 2 eNd; End; SELECT BEGINS ATOMIC; SELECT BEGIN 'x' ATOMIC; SELECT BEGİN ATOMIC; SELECT 3;",
      [
        'sql:CREATE FUNCTION f() RETURNS int LANGUAGE sql Begin aTomic SELECT 1; SELECT Case WHEN true THEN 2 eNd; End;',
        'sql:SELECT BEGINS ATOMIC;',
        "sql:SELECT BEGIN 'x' ATOMIC;",
        'sql:SELECT BEGİN ATOMIC;',
        'sql:SELECT 3;',
      ],
    ],
    [
      'psql meta-commands',
      '\\set ON_ERROR_STOP on\nSELECT 1;\n\\i other.sql\n',
      ['meta:\\set ON_ERROR_STOP on', 'sql:SELECT 1;', 'meta:\\i other.sql'],
    ],
    [
      'Flyway placeholders',
      'CREATE TABLE ${schema}.t (x int); SELECT 2;',
      ['sql:CREATE TABLE ${schema}.t (x int);', 'sql:SELECT 2;'],
    ],
    [
      'COPY FROM stdin data',
      'COPY t (a) FROM stdin;\n1;x\n2;y\n\\.\nSELECT 2;',
      ['sql:COPY t (a) FROM stdin;', 'meta:1;x\n2;y\n\\.', 'sql:SELECT 2;'],
    ],
    [
      'an unbalanced parenthesis does not swallow the next statement',
      'SELECT (1; SELECT 2;',
      ['sql:SELECT (1;', 'sql:SELECT 2;'],
    ],
    ['an unterminated string runs to the end', "SELECT 'oops; SELECT 2;", ["sql:SELECT 'oops; SELECT 2;"]],
  ])('%s', (_name, sql, expected) => {
    expect(texts(sql)).toEqual(expected);
  });

  test('comments are collected with their offsets', () => {
    const sql = 'SELECT 1; -- one\n/* two */ SELECT 2;';
    expect(splitStatements(sql).comments.map((c) => [c.start, c.text])).toEqual([
      [10, '-- one'],
      [17, '/* two */'],
    ]);
  });

  test('any sequence of simple statements splits back into the same statements', () => {
    const statement = fc.oneof(
      fc.constantFrom(
        'SELECT 1',
        "SELECT 'a;b'",
        'SELECT $$x;y$$',
        'SELECT "q;r" FROM t',
        "SELECT E'\\';'",
        'SELECT (1 + 2)',
      ),
      fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'é', '😀') }).map((s) => `SELECT '${s}'`),
    );
    const gap = fc.constantFrom(' ', '\n', ' -- c;\n', ' /* c; */ ');
    fc.assert(
      fc.property(fc.array(fc.tuple(statement, gap), { minLength: 1, maxLength: 8 }), (parts) => {
        const sql = parts.map(([s, g]) => `${s};${g}`).join('');
        expect(texts(sql)).toEqual(parts.map(([s]) => `sql:${s};`));
      }),
    );
  });
});

describe('parserText', () => {
  test('placeholders become underscores of the same UTF-8 length', () => {
    const text = 'CREATE TABLE ${sché}.t ()';
    const out = parserText(text);
    expect(out).toBe('CREATE TABLE ________.t ()');
    expect(Buffer.byteLength(out)).toBe(Buffer.byteLength(text));
  });
});
