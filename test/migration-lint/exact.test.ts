import { type LintOptions, type SourceFile, lintMigrations } from '../../actions/migration-lint/src/lint.js';
import { type Parser, loadParser } from '../../actions/migration-lint/src/parser.js';

// What PostgreSQL actually does, class by class (issue 18); each claim is measured on a real server
// in postgres-claims.test.ts.

let parser: Parser;
beforeAll(async () => {
  parser = await loadParser();
});

const BASE: SourceFile = {
  path: 'db/migrations/V1__init.sql',
  content: `CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100) NOT NULL, name text, age int, status text DEFAULT 'a');
CREATE TABLE kinds (v varchar(10), t text, n numeric(10,2), ts timestamp(3), tz timestamptz, i int,
  a varchar(10)[], iv interval(3), c cidr, ch char(10), vb varbit(3), x xml);`,
};
const T = "SET lock_timeout = '1s';\n";

const lintFiles = (change: SourceFile[], options: Partial<LintOptions> = {}, base = [BASE]) =>
  lintMigrations(parser, base, change, {
    postgresVersion: 15,
    runner: 'plain',
    scope: 'change',
    ...options,
  }).findings;
const lint = (sql: string, options: Partial<LintOptions> = {}) =>
  lintFiles([{ path: 'db/migrations/V2__change.sql', content: sql }], options).map(
    (f) => `${f.line}:${f.column} ${f.rule}`,
  );
const rules = (sql: string, options: Partial<LintOptions> = {}) =>
  lint(sql, options).map((f) => f.split(' ')[1]);

describe('type changes: only those PostgreSQL rewrites (or re-indexes) are findings', () => {
  test.each([
    ['v varchar(20)', []],
    ['v varchar', []],
    ['v text', []],
    ['t varchar', []],
    ['n numeric(12,2)', []],
    ['n numeric', []],
    ['ts timestamp(6)', []],
    ['ts timestamp', []],
    ['iv interval(6)', []],
    ['c inet', []],
    ['vb varbit(8)', []],
    ['x text', []],
    ['v varchar(20) USING v', []],
    ['v text USING v::text', []],
    ['v varchar(5)', ['change-column-type']],
    ['t varchar(10)', ['change-column-type']],
    ['n numeric(12,4)', ['change-column-type']],
    ['n numeric(8,2)', ['change-column-type']],
    ['i bigint', ['change-column-type']],
    ['ts timestamp(2)', ['change-column-type']],
    ['tz timestamp', ['change-column-type']],
    ['ch char(20)', ['change-column-type']],
    ['ch text', ['change-column-type']],
    ['a varchar(20)[]', ['change-column-type']],
    ['a text[]', ['change-column-type']],
    ['iv interval day to second(6)', ['change-column-type']],
    ['v varchar(20) USING lower(v)', ['change-column-type']],
    ['t text COLLATE "C"', ['change-column-type']],
  ])('ALTER COLUMN %s', (change, expected) => {
    const [column, ...type] = change.split(' ');
    expect(rules(`${T}ALTER TABLE kinds ALTER COLUMN ${column} TYPE ${type.join(' ')};`)).toEqual(expected);
  });
});

describe('SET NOT NULL and VALIDATE CONSTRAINT', () => {
  const checked = (check: string) =>
    `${T}ALTER TABLE users ADD CONSTRAINT nn CHECK (${check}) NOT VALID;\nCOMMIT;\n` +
    `${T}ALTER TABLE users VALIDATE CONSTRAINT nn;\nALTER TABLE users ALTER COLUMN name SET NOT NULL;`;
  test.each([
    ['name IS NOT NULL', []],
    ['name IS NOT NULL AND age > 0', []],
    ['NOT (name IS NULL)', []],
    ['users.name IS NOT NULL', []],
    ["name <> ''", ['set-not-null']], // a CHECK passes on NULL: PostgreSQL still scans
    ['name IS NOT NULL OR age > 0', ['set-not-null']],
  ])('after a validated CHECK (%s)', (check, expected) => {
    expect(rules(checked(check))).toEqual(expected);
  });

  test('a column that is already NOT NULL (a primary key) is not scanned again', () => {
    expect(
      rules(`${T}ALTER TABLE users ALTER COLUMN id SET NOT NULL, ALTER COLUMN email SET NOT NULL;`),
    ).toEqual([]);
  });

  test.each([
    [
      'autocommit, two statements',
      'ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;',
      [],
    ],
    [
      'one explicit transaction',
      'BEGIN;\nALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;\nCOMMIT;',
      ['4:19 validate-in-same-transaction'],
    ],
    [
      'one statement',
      'ALTER TABLE users\n  ADD CONSTRAINT c CHECK (age > 0) NOT VALID,\n  VALIDATE CONSTRAINT c;',
      ['4:3 validate-in-same-transaction'],
    ],
    [
      'one DO block',
      'DO $$\nBEGIN\n  ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID;\n  ALTER TABLE users VALIDATE CONSTRAINT c;\nEND $$;',
      ['5:21 validate-in-same-transaction'],
    ],
  ])('VALIDATE after ADD ... NOT VALID, %s', (_name, sql, expected) => {
    expect(lint(`${T}${sql}`)).toEqual(expected);
  });
});

describe('statements built inside DO blocks', () => {
  const block = (body: string) => `${T}DO $$\nDECLARE tbl text := 'users';\nBEGIN\n${body}\nEND $$;`;
  test.each([
    ["  EXECUTE 'ALTER TABLE users DROP COLUMN name';", ['5:30 drop-column']],
    ["  EXECUTE 'ALTER TABLE users ' || 'RENAME COLUMN name TO n';", ['5:24 rename-column']],
    ["  EXECUTE format('ALTER TABLE %I DROP COLUMN %I', 'users', 'name');", ['5:34 drop-column']],
    ["  EXECUTE format('CREATE INDEX %s ON %I (age)', 'users_age', tbl);", ['5:11 dynamic-sql-not-analysed']],
    ["  EXECUTE 'ALTER TABLE ' || tbl || ' DROP COLUMN name';", ['5:11 dynamic-sql-not-analysed']],
    ['  EXECUTE $q$\n    ALTER TABLE users\n      ALTER COLUMN name SET NOT NULL$q$;', ['7:7 set-not-null']],
    ["  EXECUTE 'CREATE INDEX CONCURRENTLY i ON users (age)';", ['5:12 concurrent-index-in-transaction']],
    ["  EXECUTE 'ALTER TABLE users DROP COLUMN nme''s';", ['5:45 syntax-error']],
    [
      "  IF true THEN\n    EXECUTE 'ALTER TABLE users ALTER COLUMN email TYPE varchar(50)';\n  END IF;",
      ['6:45 change-column-type'],
    ],
  ])('%s', (body, expected) => {
    expect(lint(block(body))).toEqual(expected);
  });

  test('static SQL in a DO block: each clause on its own line', () => {
    expect(
      lint(block('  ALTER TABLE users\n    DROP COLUMN age,\n    ALTER COLUMN status DROP DEFAULT;')),
    ).toEqual(['6:5 drop-column', '7:5 drop-default']);
  });
});

describe('files not in UTF-8', () => {
  const sql = (header: string) =>
    `${header}${T}COMMENT ON TABLE users IS 'café';\nALTER TABLE users\n  DROP COLUMN name;\n`;
  const lintBytes = (bytes: Buffer) =>
    lintFiles([{ path: 'db/migrations/V2__change.sql', content: bytes }]).map(
      (f) => `${f.line}:${f.column} ${f.rule}`,
    );
  const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

  test.each([
    [
      'Latin-1 with a coding comment',
      Buffer.from(sql('-- -*- coding: latin-1 -*-\n'), 'latin1'),
      ['5:3 drop-column'],
    ],
    [
      'Latin-1 with SET client_encoding',
      Buffer.from(sql("SET client_encoding = 'LATIN1';\n"), 'latin1'),
      ['5:3 drop-column'],
    ],
    [
      'Windows-1252 declared',
      Buffer.from(sql("SET client_encoding TO 'WIN1252';\n"), 'latin1'),
      ['5:3 drop-column'],
    ],
    ['Latin-1 without a declaration', Buffer.from(sql(''), 'latin1'), ['2:31 not-utf8', '4:3 drop-column']],
    ['UTF-8 with a byte order mark', Buffer.from(`\ufeff${sql('')}`, 'utf8'), ['4:3 drop-column']],
    ['UTF-16LE with a byte order mark', Buffer.from(`\ufeff${sql('')}`, 'utf16le'), ['4:3 drop-column']],
    ['UTF-16BE with a byte order mark', utf16be(`\ufeff${sql('')}`), ['4:3 drop-column']],
  ])('%s is read and linted on the right lines', (_name, bytes, expected) => {
    expect(lintBytes(bytes)).toEqual(expected);
  });

  test.each([
    [
      'bytes that are not the declared UTF-8',
      Buffer.from(sql("SET client_encoding = 'UTF8';\n"), 'latin1'),
      '3:31',
      'byte offset 85 (0xe9) is not valid UTF-8',
    ],
    ['a NUL byte', Buffer.from(`${T}SELECT 1;\n\0\n`), '3:1', 'byte offset 35 (0x00) is not valid UTF-8'],
    [
      'an unpaired surrogate in UTF-16',
      Buffer.concat([Buffer.from(`\ufeffSELECT 1;\n`, 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]),
      '2:1',
      'byte offset 22 (0x00) is not valid UTF-16LE',
    ],
  ])('%s: an error naming the file and the byte offset', (_name, bytes, at, message) => {
    const findings = lintFiles([{ path: 'db/migrations/V2__change.sql', content: bytes }]);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([`${at} undecodable`]);
    expect(findings[0]!.message).toContain(`db/migrations/V2__change.sql: ${message}`);
    expect(findings[0]!.severity).toBe('error');
  });
});

describe('a foreign key in its own ALTER TABLE (as Prisma writes them)', () => {
  const prismaBase: SourceFile = {
    path: 'prisma/migrations/20240101000000_init/migration.sql',
    content: 'CREATE TABLE "User" ("id" SERIAL NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));',
  };
  const post = `CREATE TABLE "Post" ("id" SERIAL NOT NULL, "authorId" INTEGER NOT NULL);
CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;`;
  const lintPrisma = (sql: string) =>
    lintFiles(
      [{ path: 'prisma/migrations/20240202000000_post/migration.sql', content: sql }],
      { runner: 'auto' },
      [prismaBase],
    ).map((f) => `${f.line}:${f.column} ${f.rule}`);

  test('locks the existing referenced table: counts for lock-timeout-missing', () => {
    expect(lintPrisma(post)).toEqual(['4:1 lock-timeout-missing']);
  });
  test('with a lock_timeout, nothing', () => {
    expect(lintPrisma(`${T}${post}`)).toEqual([]);
  });
  test('a new column referencing an existing table, on a new table', () => {
    expect(
      lintPrisma(
        'CREATE TABLE "Tag" ("id" int);\nALTER TABLE "Tag" ADD COLUMN "userId" int REFERENCES "User";',
      ),
    ).toEqual(['2:1 lock-timeout-missing']);
  });
  test('both tables new: no lock on anything that holds data', () => {
    expect(lintPrisma(post.replace('REFERENCES "User"', 'REFERENCES "Post"'))).toEqual([]);
  });
});

describe('each finding on the line of its clause', () => {
  test('a multi-clause ALTER TABLE', () => {
    const sql = `${T}ALTER TABLE users
  ADD COLUMN nickname text,
  ALTER COLUMN status DROP DEFAULT,
  ALTER COLUMN email DROP NOT NULL, ALTER COLUMN name SET NOT NULL,
  -- a comment, with a comma
  ALTER COLUMN age TYPE numeric(10, 2) USING (age::numeric(10,2)),
  DROP COLUMN "age";`;
    expect(lint(sql)).toEqual([
      '4:3 drop-default',
      '5:3 drop-not-null',
      '5:37 set-not-null',
      '7:16 change-column-type',
      '8:3 drop-column',
    ]);
  });

  test('quoted and qualified table names, ONLY, and clauses holding brackets and strings', () => {
    const sql = `${T}ALTER TABLE ONLY public."users"\n  ADD COLUMN tags text[] DEFAULT ARRAY['a,b', 'c'],\n  DROP COLUMN name;`;
    expect(lint(sql)).toEqual(['4:3 drop-column']);
  });
});

// classes found on the real histories (bench/real-migrations), as CI tests of the same shape
describe('found on real migration histories', () => {
  test('Prisma: a column added with a default to fill existing rows, then its default dropped, is not drop-default', () => {
    const sql = `${T}ALTER TABLE users ADD COLUMN "level" TEXT NOT NULL DEFAULT 'SES';\nALTER TABLE users ALTER COLUMN "level" DROP DEFAULT;\nALTER TABLE users ALTER COLUMN status DROP DEFAULT;`;
    expect(lint(sql)).toEqual(['4:19 drop-default']);
  });

  test('postgres-migrations: a file marked disable-transaction runs outside the runner transaction', () => {
    const cic = 'DROP INDEX CONCURRENTLY IF EXISTS users_email;';
    expect(rules(cic, { runner: 'knex' })).toEqual(['concurrent-index-in-transaction']);
    expect(rules(`-- postgres-migrations disable-transaction\n${cic}`, { runner: 'knex' })).toEqual([]);
  });

  test('ADD COLUMN ... REFERENCES without a default has only NULLs to check: no validating scan', () => {
    const sql = `${T}ALTER TABLE users ADD COLUMN invited_by bigint REFERENCES users (id) ON DELETE SET NULL;\nALTER TABLE users ADD COLUMN referrer bigint DEFAULT 1 REFERENCES users (id);`;
    expect(lint(sql)).toEqual(['3:56 add-fk-validating']);
  });
});
