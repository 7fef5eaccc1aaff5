import { jest } from '@jest/globals';
import { runBundle } from '../support/harness.js';
import { type TestRepo, createRepo } from '../support/git-repo.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';

// each bundle run is a whole process; on a loaded 2-core machine a few of them take seconds
jest.setTimeout(60_000);

interface Observation {
  file: string;
  line: number;
  locks: string[];
  rewritten: string[];
  scanned: string[];
  skipped?: string;
  error?: string;
}

const INIT = `CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, age int);
CREATE INDEX CONCURRENTLY users_email ON users (email);
INSERT INTO users SELECT g, 'u' || g, g % 90 FROM generate_series(1, 1000) g;
`;

const CHANGE = [
  "SET lock_timeout = '2s';",
  'ALTER TABLE users ALTER COLUMN age TYPE bigint;',
  'ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();',
  'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
  'ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);',
  'ALTER TABLE users ADD COLUMN nickname varchar(20);',
  'ALTER TABLE users ALTER COLUMN nickname TYPE text;',
  'CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));',
  'ALTER TABLE missing_table ADD COLUMN x int;',
  'CREATE TABLE ${schema}.audit (id int);',
  '',
].join('\n');

describe('migration-lint dynamic check against a real PostgreSQL 15', () => {
  let server: PostgresServer;
  let repo: TestRepo;
  let base: string;
  let head: string;

  beforeAll(async () => {
    server = await startPostgres();
    repo = createRepo({ 'db/migrations/V1__init.sql': INIT });
    base = repo.git(['rev-parse', 'HEAD']).trim();
    head = repo.commit('change users', {
      'db/migrations/V2__users.sql': CHANGE,
      'db/migrations/V3__index.sql': 'CREATE INDEX CONCURRENTLY users_age ON users (age);\n',
    });
  }, 120_000);
  afterAll(() => {
    repo?.cleanup();
    server?.stop();
  });

  test('records locks, rewrites, scans and failures beside the static findings, and commits nothing', async () => {
    const url = await server.createDatabase('dynamic_ok');
    const result = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { base, head, 'database-url': url },
    });
    const observations = JSON.parse(result.outputs.observations!) as Observation[];
    const at = (line: number, file = 'db/migrations/V2__users.sql') =>
      observations.find((o) => o.file === file && o.line === line)!;

    expect(at(2).rewritten).toEqual(['public.users']);
    expect(at(2).locks).toContain('public.users: ACCESS EXCLUSIVE');
    expect(at(3)).toMatchObject({ rewritten: [] }); // now() is evaluated once: no rewrite on PG 11+
    expect(at(4).rewritten).toEqual(['public.users']); // a volatile default rewrites
    expect(at(5)).toMatchObject({ rewritten: [], scanned: ['public.users'] }); // CHECK validation scans
    expect(at(7).rewritten).toEqual([]); // varchar to text is binary-coercible
    expect(at(8).locks).toContain('public.users: SHARE ROW EXCLUSIVE'); // the referenced table, a mode not held yet
    expect(at(9).error).toMatch(/relation "missing_table" does not exist/);
    expect(at(1, 'db/migrations/V3__index.sql').skipped).toMatch(/CONCURRENTLY/);
    expect(at(10).skipped).toMatch(/Flyway placeholders/);

    const findings = JSON.parse(result.outputs.findings!) as { line: number; rule: string; file: string }[];
    const v2 = findings
      .filter((f) => f.file === 'db/migrations/V2__users.sql')
      .map((f) => `${f.line}:${f.rule}`);
    expect(v2).toEqual(
      expect.arrayContaining([
        '2:change-column-type',
        '2:observed-rewrite',
        '4:volatile-default',
        '4:observed-rewrite',
        '5:add-check-validating',
        '9:observed-failure',
      ]),
    );
    expect(v2).not.toContain('7:change-column-type');
    expect(v2).not.toContain('3:observed-rewrite');
    expect(result.summary).toContain('Observed on PostgreSQL');
    expect(result.summary).toContain(
      'public.users: ACCESS EXCLUSIVE; public.users: SHARE; rewrote public.users',
    );

    // the base migrations were applied; nothing of the change was committed
    const tables = await server.query(
      'dynamic_ok',
      "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'",
    );
    expect(tables.map((t) => t.relname)).toEqual(['users']);
    const columns = await server.query(
      'dynamic_ok',
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position",
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'bigint' },
      { column_name: 'email', data_type: 'text' },
      { column_name: 'age', data_type: 'integer' },
    ]);
    expect((await server.query('dynamic_ok', 'SELECT count(*)::int AS n FROM users'))[0]!.n).toBe(1000);
  });

  test('refuses a database that is not empty unless it is declared a scratch database', async () => {
    const url = await server.createDatabase('dynamic_busy');
    await server.query('dynamic_busy', 'CREATE TABLE keep_me (id int); INSERT INTO keep_me VALUES (1), (2);');
    const refused = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { base, head, 'database-url': url },
    });
    expect(refused.exitCode).toBe(2);
    expect(refused.stdout).toMatch(/is not empty: it holds 1 table or index\..*scratch-database: true/);

    const allowed = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { base, head, 'database-url': url, 'scratch-database': 'true', 'fail-on': 'never' },
    });
    expect(allowed.exitCode).toBe(0);
    expect(JSON.parse(allowed.outputs.observations!).length).toBeGreaterThan(5);
    const tables = await server.query(
      'dynamic_busy',
      "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1",
    );
    expect(tables.map((t) => t.relname)).toEqual(['keep_me', 'users']);
    expect((await server.query('dynamic_busy', 'SELECT count(*)::int AS n FROM keep_me'))[0]!.n).toBe(2);
  });

  test('an unreachable server is a clear error that names the host, not the password', async () => {
    const result = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { base, head, 'database-url': `postgres://app:s3cret@127.0.0.1:${server.port + 1}/nope` },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain(
      `Cannot connect to PostgreSQL at 127.0.0.1:${server.port + 1}/nope (database-url)`,
    );
    // only the masking command itself carries the secret; the runner hides it everywhere else
    const printed = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toContain('s3cret');
    expect(result.stdout).toContain('::add-mask::s3cret');
  });
});
