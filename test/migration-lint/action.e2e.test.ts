import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBundle } from '../support/harness.js';
import { type TestRepo, createRepo } from '../support/git-repo.js';

// each bundle run is a whole process; on a loaded 2-core machine a few of them take seconds
jest.setTimeout(60_000);

interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  lock: string;
  fix: string;
}

const INIT = `CREATE TABLE orgs (id bigint PRIMARY KEY, name text);
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100) NOT NULL, name text, legacy text, org_id bigint);
CREATE INDEX users_email ON users (email);
`;

const findingsOf = (outputs: Record<string, string>) => JSON.parse(outputs.findings ?? '[]') as Finding[];
const rulesOf = (outputs: Record<string, string>) =>
  findingsOf(outputs).map((f) => `${f.file}:${f.line}:${f.rule}`);

describe('migration-lint bundle on a repository', () => {
  let repo: TestRepo;
  let base: string;
  let change: string;
  let runners: string;
  let suppressed: string;

  beforeAll(() => {
    repo = createRepo({
      'db/migrations/V1__init.sql': INIT,
      'golang/000001_init.up.sql': INIT,
      'README.md': 'shop\n',
    });
    base = repo.git(['rev-parse', 'HEAD']).trim();
    change = repo.commit('expand: invoices, drop legacy', {
      'db/migrations/V2__drop_legacy.sql':
        "SET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN legacy;\n",
      'db/migrations/V3__invoices.sql':
        'CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint, total numeric);\nCREATE INDEX invoices_user ON invoices (user_id);\n',
      // invoices is new in this change (V3), users is not
      'db/migrations/V4__indexes.sql':
        '-- totals\nCREATE INDEX invoices_total ON invoices (total);\nCREATE INDEX users_name ON users (name);\n',
      'db/migrations/V2__drop_legacy.down.sql': 'ALTER TABLE users ADD COLUMN legacy text;\n',
    });
    runners = repo.commit('golang-migrate indexes', {
      'golang/000002_alone.up.sql': 'CREATE INDEX CONCURRENTLY users_name ON users (name);\n',
      'golang/000003_mixed.up.sql':
        "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY users_org ON users (org_id);\n",
    });
    suppressed = repo.commit('suppressions', {
      'db/migrations/V5__cleanup.sql': [
        "SET lock_timeout = '2s';",
        '-- migration-lint: ignore drop-column -- column unused since release 41',
        'ALTER TABLE users DROP COLUMN name;',
        '-- migration-lint: ignore drop-table',
        'DROP TABLE orgs;',
        '-- migration-lint: ignore truncate -- nothing to truncate here',
        'ALTER TABLE users ADD COLUMN nickname text;',
        '',
      ].join('\n'),
    });
  });
  afterAll(() => repo.cleanup());

  test('finds the risky statements of the change on their exact lines, with cross-file state', async () => {
    const result = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { base, head: change, 'sarif-file': 'reports/migration-lint.sarif' },
    });
    expect(result.exitCode).toBe(1);
    expect(rulesOf(result.outputs)).toEqual([
      'db/migrations/V2__drop_legacy.sql:2:drop-column',
      'db/migrations/V4__indexes.sql:3:lock-timeout-missing',
      'db/migrations/V4__indexes.sql:3:create-index-non-concurrent',
    ]);
    expect(JSON.parse(result.outputs.files!)).toEqual([
      'db/migrations/V2__drop_legacy.sql',
      'db/migrations/V3__invoices.sql',
      'db/migrations/V4__indexes.sql',
    ]);
    expect(result.outputs['error-count']).toBe('2');
    expect(result.outputs['warning-count']).toBe('1');
    const drop = findingsOf(result.outputs)[0]!;
    expect(drop).toMatchObject({ column: 19, severity: 'error', lock: 'ACCESS EXCLUSIVE' });
    expect(drop.fix).toMatch(/later migration/);

    const annotation = result.annotations.find((a) => a.title?.includes('drop-column'));
    expect(annotation).toMatchObject({
      level: 'error',
      file: 'db/migrations/V2__drop_legacy.sql',
      line: 2,
      col: 19,
    });
    expect(result.summary).toContain('2 errors and 1 warning in 3 migration files');
    expect(result.summary).toContain('| Where | Rule | Severity | Lock | Finding |');
    expect(result.summary).toContain('<details><summary>Safe recipes</summary>');

    const sarif = JSON.parse(readFileSync(join(repo.dir, 'reports/migration-lint.sarif'), 'utf8'));
    expect(result.outputs['sarif-file']).toBe('reports/migration-lint.sarif');
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.results).toHaveLength(3);
    expect(run.results[0]).toMatchObject({
      ruleId: 'drop-column',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'db/migrations/V2__drop_legacy.sql' },
            region: { startLine: 2, startColumn: 19 },
          },
        },
      ],
    });
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('drop-column');
  });

  test('down migrations are linted only when asked; fail-on never passes the step', async () => {
    const result = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { base, head: change, 'include-down': 'true', 'fail-on': 'never' },
    });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.outputs.files!)).toContain('db/migrations/V2__drop_legacy.down.sql');
  });

  test('runner modes decide whether CONCURRENTLY runs inside a transaction', async () => {
    const auto = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { base: change, head: runners },
    });
    expect(rulesOf(auto.outputs)).toEqual(['golang/000003_mixed.up.sql:2:concurrent-index-in-transaction']);
    const plain = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { base: change, head: runners, runner: 'plain' },
    });
    expect(plain.exitCode).toBe(0);
    expect(rulesOf(plain.outputs)).toEqual([]);
    const rails = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { base: change, head: runners, runner: 'rails' },
    });
    expect(rulesOf(rails.outputs)).toEqual([
      'golang/000002_alone.up.sql:1:concurrent-index-in-transaction',
      'golang/000003_mixed.up.sql:2:concurrent-index-in-transaction',
    ]);
  });

  test('ignores need a reason, and unused ones are reported', async () => {
    const result = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { base: runners, head: suppressed, 'fail-on': 'warning' },
    });
    expect(rulesOf(result.outputs)).toEqual([
      'db/migrations/V5__cleanup.sql:4:ignore-without-reason',
      'db/migrations/V5__cleanup.sql:5:drop-table',
      'db/migrations/V5__cleanup.sql:6:unused-ignore',
    ]);
    expect(result.exitCode).toBe(1);
  });

  test('all: true lints every file; a table counts as new only in the file that creates it', async () => {
    const result = await runBundle('migration-lint', {
      workspace: repo.dir,
      inputs: { all: 'true', paths: 'db/migrations/V[1-4]__*.sql', 'fail-on': 'never' },
    });
    expect(result.exitCode).toBe(0);
    expect(rulesOf(result.outputs)).toEqual([
      'db/migrations/V2__drop_legacy.sql:2:drop-column',
      'db/migrations/V4__indexes.sql:2:lock-timeout-missing',
      'db/migrations/V4__indexes.sql:2:create-index-non-concurrent',
      'db/migrations/V4__indexes.sql:3:create-index-non-concurrent',
    ]);
  });

  test('the code cache a run writes at exit is taken by the next run (the parser sets its V8 flags back)', async () => {
    const toolCache = mkdtempSync(join(tmpdir(), 'trunk-tool-cache-'));
    try {
      const lint = () =>
        runBundle('migration-lint', {
          workspace: repo.dir,
          inputs: { all: 'true', 'fail-on': 'never' },
          env: { RUNNER_TOOL_CACHE: toolCache },
        });
      expect((await lint()).exitCode).toBe(0);
      const folder = join(toolCache, 'trunk-actions-compile-cache');
      // one cache for action.js and one for each chunk the run loaded
      const caches = readdirSync(folder).sort();
      expect(caches.some((name) => name.includes('-action.js-'))).toBe(true);
      const written = caches.map((name) => readFileSync(join(folder, name)));
      // V8 refuses a cache made under other flags than its start's; the loader then writes a new one
      expect((await lint()).exitCode).toBe(0);
      expect(readdirSync(folder).sort()).toEqual(caches);
      caches.forEach((name, i) => expect(readFileSync(join(folder, name)).equals(written[i]!)).toBe(true));
    } finally {
      rmSync(toolCache, { recursive: true, force: true });
    }
  });

  test('a pull_request event picks base and head from the payload', async () => {
    const result = await runBundle('migration-lint', {
      workspace: repo.dir,
      event: {
        name: 'pull_request',
        payload: {
          pull_request: {
            number: 7,
            base: { sha: base, ref: 'main' },
            head: { sha: change, ref: 'feature' },
          },
          repository: { default_branch: 'main' },
        },
      },
    });
    expect(rulesOf(result.outputs)).toHaveLength(3);
  });

  test('a bad input value fails with one sentence naming it', async () => {
    const result = await runBundle('migration-lint', { workspace: repo.dir, inputs: { runner: 'sqitch' } });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain(
      'Input "runner" is "sqitch", which is not allowed: allowed values are auto, flyway',
    );
  });
});

describe('migration-lint bundle on bad files', () => {
  test('undeclared Latin-1, empty, MySQL and syntax errors are findings; the other files are still linted', async () => {
    const repo = createRepo({ 'migrations/0001_init.sql': INIT });
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    repo.write({
      'migrations/0002_empty.sql': '-- TODO\n',
      'migrations/0003_mysql.sql': 'ALTER TABLE `users` MODIFY COLUMN `name` varchar(20) NOT NULL;\n',
      'migrations/0004_typo.sql':
        "SET lock_timeout = '1s';\nALTER TABLE users ADD COLUM nickname text;\nALTER TABLE users DROP COLUMN name;\n",
    });
    const latin1 = Buffer.from(
      "SET lock_timeout = '1s';\nCOMMENT ON TABLE users IS 'caf\xe9';\nALTER TABLE users DROP COLUMN name;\n",
      'latin1',
    );
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(repo.dir, 'migrations/0005_latin1.sql'), latin1);
    const head = repo.commit('bad files');
    const result = await runBundle('migration-lint', { workspace: repo.dir, inputs: { base, head } });
    expect(rulesOf(result.outputs)).toEqual([
      'migrations/0002_empty.sql:1:empty-file',
      'migrations/0003_mysql.sql:1:syntax-error',
      'migrations/0004_typo.sql:2:syntax-error',
      'migrations/0004_typo.sql:3:drop-column',
      'migrations/0005_latin1.sql:2:not-utf8',
      'migrations/0005_latin1.sql:3:drop-column',
    ]);
    expect(findingsOf(result.outputs)[1]!).toMatchObject({ column: 13 });
    expect(result.stdout).toContain('looks like MySQL syntax');
    expect(result.exitCode).toBe(1);
    repo.cleanup();
  });

  test('exit code 2 when nothing could be analysed', async () => {
    const repo = createRepo({ 'README.md': 'x\n' });
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(join(repo.dir, 'migrations'));
    writeFileSync(join(repo.dir, 'migrations/0001_bad.sql'), Buffer.from([0x41, 0x00, 0xff]));
    const head = repo.commit('binary');
    const result = await runBundle('migration-lint', { workspace: repo.dir, inputs: { base, head } });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('The migration file could not be analysed');
    expect(rulesOf(result.outputs)).toEqual(['migrations/0001_bad.sql:1:undecodable']);
    repo.cleanup();
  });
});
