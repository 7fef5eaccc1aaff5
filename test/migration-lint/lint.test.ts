import { type LintOptions, lintMigrations } from '../../actions/migration-lint/src/lint.js';
import { type Parser, loadParser } from '../../actions/migration-lint/src/parser.js';
import { parseStatements } from '../../actions/migration-lint/src/statements.js';

const BASE = {
  path: 'db/migrations/V1__init.sql',
  content: `CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100) NOT NULL, name text, age int);
CREATE INDEX users_email ON users (email);`,
};
let parser: Parser;
beforeAll(async () => {
  parser = await loadParser();
});

const lint = (sql: string, options: Partial<LintOptions> = {}, path = 'db/migrations/V2__change.sql') =>
  lintMigrations(parser, [BASE], [{ path, content: sql }], {
    postgresVersion: 15,
    runner: 'auto',
    scope: 'change',
    ...options,
  }).findings.map((f) => `${f.line}:${f.column} ${f.rule}`);

describe('rules on exact positions', () => {
  const T = "SET lock_timeout = '1s';\n";
  test.each([
    ['drop column points at its clause', `${T}ALTER TABLE users DROP COLUMN name;`, ['2:19 drop-column']],
    [
      'volatile default points at the expression',
      `${T}ALTER TABLE users ADD COLUMN t uuid DEFAULT gen_random_uuid();`,
      ['2:45 volatile-default'],
    ],
    [
      'a rule after multi-byte text on the same line',
      `${T}COMMENT ON TABLE users IS 'é😀'; ALTER TABLE users DROP COLUMN name;`,
      ['2:51 drop-column'],
    ],
    [
      'second statement on a later line',
      `${T}SELECT 1;\n\n  CREATE INDEX i ON users (age);`,
      ['4:21 create-index-non-concurrent'],
    ],
    [
      'syntax error in the middle keeps the rest',
      `${T}ALTER TABLE users ADD COLUM x int;\nALTER TABLE users DROP COLUMN age;`,
      ['2:31 syntax-error', '3:19 drop-column'],
    ],
    [
      'DO block statement on its body line',
      `${T}DO $$\nBEGIN\n  EXECUTE 'SELECT 1';\n  ALTER TABLE users RENAME COLUMN name TO n;\nEND $$;`,
      ['5:15 rename-column'],
    ],
    [
      'string literals, comments and function bodies are not statements',
      `${T}-- DROP TABLE users;\nSELECT 'DROP TABLE users';\nCREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ TRUNCATE users $$;`,
      [],
    ],
    [
      'lock-timeout-missing once, on the first locking statement',
      'SELECT 1;\nALTER TABLE users ADD COLUMN a int;\nALTER TABLE users ADD COLUMN b int;',
      ['2:1 lock-timeout-missing'],
    ],
  ])('%s', (_name, sql, expected) => {
    expect(lint(sql)).toEqual(expected);
  });
});

describe('version-aware rules', () => {
  const checked = `${"SET lock_timeout = '1s';\n"}ALTER TABLE users ADD CONSTRAINT c CHECK (name IS NOT NULL) NOT VALID;`;
  test.each([
    [10, 'ALTER TABLE users ADD COLUMN n int DEFAULT 0;', ['volatile-default']],
    [11, 'ALTER TABLE users ADD COLUMN n int DEFAULT 0;', []],
    [15, 'ALTER TABLE users ADD COLUMN n timestamptz DEFAULT clock_timestamp();', ['volatile-default']],
    [11, 'ALTER TABLE users ALTER COLUMN name SET NOT NULL;', ['set-not-null']],
    [12, 'ALTER TABLE users ALTER COLUMN name SET NOT NULL;', []],
  ])('PostgreSQL %i: %s', (version, sql, expected) => {
    const findings = lintMigrations(
      parser,
      [BASE],
      [
        {
          path: 'migrations/0002_check.sql',
          content: `${checked}\nALTER TABLE users VALIDATE CONSTRAINT c;`,
        },
        { path: 'migrations/0003_change.sql', content: `SET lock_timeout = '1s';\n${sql}` },
      ],
      { postgresVersion: version, runner: 'plain', scope: 'change' },
    ).findings;
    expect(findings.map((f) => f.rule)).toEqual(expected);
  });
});

describe('runner transaction modes', () => {
  const cic = 'CREATE INDEX CONCURRENTLY i ON users (age);';
  test.each([
    ['plain', `SELECT 1;\n${cic}`, []],
    ['plain', `BEGIN;\n${cic}\nCOMMIT;`, ['concurrent-index-in-transaction']],
    ['golang-migrate', cic, []],
    ['golang-migrate', `SELECT 1;\n${cic}`, ['concurrent-index-in-transaction']],
    ['prisma', `SELECT 1;\n${cic}`, ['concurrent-index-in-transaction']],
    ['flyway', `SET lock_timeout = '1s';\n${cic}`, []],
    ['flyway', `SELECT 1;\n${cic}`, ['concurrent-index-in-transaction']],
    ['rails', cic, ['concurrent-index-in-transaction']],
    ['knex', cic, ['concurrent-index-in-transaction']],
  ] as const)('%s: %s', (runner, sql, expected) => {
    expect(lint(sql, { runner }).map((f) => f.split(' ')[1])).toEqual(expected);
  });
});

describe('parseStatements', () => {
  test('batches map every statement back to its piece and first token', () => {
    const sql =
      "-- lead\nCREATE TABLE a (x int);\n/* c */ CREATE TABLE b ('é' text);\nINSERT INTO a VALUES (1);\nCREATE TABLE c (y int)";
    const parsed = parseStatements(parser, sql.replace("('é' text)", '(é text)'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.statements.map((s) => [s.piece, s.text])).toEqual([
      [0, 'CREATE TABLE a (x int);'.slice(0, -1)],
      [1, 'CREATE TABLE b (é text)'],
      [2, 'INSERT INTO a VALUES (1)'], // data: syntax-checked in a call of its own, text as the parser gives it
      [3, 'CREATE TABLE c (y int)'],
    ]);
  });

  test('statements after blanked-out data keep exact offsets, across multi-byte text', () => {
    const sql =
      "CREATE TABLE a (x int);\nINSERT INTO a VALUES ('ééé');\n-- note\nALTER TABLE a ADD COLUMN y int;\nUPDATE a SET x = 1;";
    const parsed = parseStatements(parser, sql);
    expect(parsed.errors).toEqual([]);
    expect(parsed.statements.map((s) => [s.piece, s.text])).toEqual([
      [0, 'CREATE TABLE a (x int)'],
      [1, "INSERT INTO a VALUES ('ééé')"],
      [2, 'ALTER TABLE a ADD COLUMN y int'],
      [3, 'UPDATE a SET x = 1'],
    ]);
    const alter = parsed.statements[2]!;
    expect(alter.offset).toBe(sql.indexOf('ALTER'));
    expect(alter.stmt.AlterTableStmt.relation.location - alter.byteBase).toBe('ALTER TABLE '.length);
    expect(parsed.statements[3]!.stmt).toEqual({});
  });

  test('without data, data statements are left out, even broken ones', () => {
    const sql = 'CREATE TABLE a (x int);\nINSERT INTO a VALUES (1,;\nALTER TABLE a ADD COLUMN y int;';
    const parsed = parseStatements(parser, sql, false);
    expect(parsed.errors).toEqual([]);
    expect(parsed.statements.map((s) => s.piece)).toEqual([0, 2]);
  });

  test('a syntax error after blanked-out multi-byte data is placed exactly', () => {
    const sql = "INSERT INTO a VALUES ('é');\nCREATE TABLE a (x int);\nCREATE TABLEE b (x int);";
    const parsed = parseStatements(parser, sql);
    expect(parsed.statements.map((s) => s.piece)).toEqual([0, 1]);
    expect(parsed.errors).toEqual([
      { piece: 2, message: 'syntax error at or near "TABLEE"', offset: sql.indexOf('TABLEE') },
    ]);
  });

  test('a syntax error in a large batch is pinned to its statement', () => {
    const lines = Array.from({ length: 300 }, (_, i) =>
      i === 150 ? 'CREATE TABLEE t150 (x int);' : `CREATE TABLE t${i} (x int);`,
    );
    const parsed = parseStatements(parser, lines.join('\n'));
    expect(parsed.statements).toHaveLength(299);
    expect(parsed.errors).toEqual([
      {
        piece: 150,
        message: 'syntax error at or near "TABLEE"',
        offset: lines.slice(0, 150).join('\n').length + 8,
      },
    ]);
  });

  test('a bad data statement in a long run of data is found, the others kept', () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      i === 25 ? 'INSERT INTO a VALUES (2,;' : `INSERT INTO a VALUES ('é${i}');`,
    );
    const parsed = parseStatements(parser, rows.join('\n'));
    expect(parsed.statements).toHaveLength(39);
    expect(parsed.statements[30]).toMatchObject({
      piece: 31,
      offset: rows.slice(0, 31).join('\n').length + 1,
    });
    expect(parsed.statements[30]!.text).toBe("INSERT INTO a VALUES ('é31')");
    expect(parsed.errors.map((e) => e.piece)).toEqual([25]);
  });
});

describe('replaying only the base files that can matter', () => {
  const file = (n: number, sql: string) => ({ path: `db/migrations/V${n}__m.sql`, content: sql });
  const base = [
    file(1, 'CREATE TABLE t0 (x bigint, y int);'),
    file(2, 'ALTER TABLE t0 RENAME TO t1;'),
    file(3, '-- unrelated\nCREATE TABLE other (a int);\nINSERT INTO other VALUES (1);'),
    file(4, 'ALTER TABLE t1 RENAME TO t2;\nALTER TABLE t2 ADD CONSTRAINT y_nn CHECK (y IS NOT NULL);'),
    file(5, 'ALTER TABLE t2 VALIDATE CONSTRAINT y_nn;\nCREATE INDEX idx_far ON far (a);'),
    file(6, 'CREATE TABLE far (a int);'),
    file(7, 'CREATE TABLE ${prefix}_hidden (x bigint);'),
  ];
  const change = [
    'SET lock_timeout = 1000;\nALTER TABLE t2 ALTER COLUMN x TYPE bigint;\nALTER TABLE t2 ALTER COLUMN y SET NOT NULL;',
    'SET lock_timeout = 1000;\nDROP INDEX idx_far;',
    'SET lock_timeout = 1000;\nALTER TABLE other ADD COLUMN b int NOT NULL;',
    'SET lock_timeout = 1000;\nDO $$ BEGIN ALTER TABLE t2 ALTER COLUMN x TYPE int; END $$;',
    'SET lock_timeout = 1000;\nALTER TABLE ${prefix}_hidden ALTER COLUMN x TYPE bigint;',
  ];
  test.each(change)('the same findings as a full replay: %s', (sql) => {
    const run = (collect: boolean) =>
      lintMigrations(parser, base, [file(9, sql)], {
        postgresVersion: 15,
        runner: 'plain',
        scope: 'change',
        collect, // the dynamic check replays every base file
      }).findings;
    expect(run(false)).toEqual(run(true));
  });

  test('state through renames and an index on another table is kept', () => {
    const findings = lintMigrations(parser, base, [file(9, change[0]!), file(10, change[1]!)], {
      postgresVersion: 15,
      runner: 'plain',
      scope: 'change',
    }).findings.map((f) => f.rule);
    // x keeps its type and y has a validated NOT NULL check: neither is flagged; far already exists
    expect(findings).toEqual(['drop-index-non-concurrent']);
  });
});
