import { jest } from '@jest/globals';
import { runBundle } from '../support/harness.js';
import { createRepo } from '../support/git-repo.js';

jest.setTimeout(60_000);

describe('migration-lint with hostile migrations', () => {
  test('identifiers cannot inject workflow commands, prototype names are plain names, huge statements are fine', async () => {
    const repo = createRepo({
      'migrations/0001_init.sql':
        'CREATE TABLE "__proto__" (id int, "constructor" text);\nCREATE TABLE "x\n::stop-commands::pwned" (a int);\n',
    });
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    const head = repo.commit('hostile', {
      'migrations/0002_change.sql': [
        "SET lock_timeout = '1s';",
        'ALTER TABLE "__proto__" DROP COLUMN "constructor";',
        'ALTER TABLE "x\n::stop-commands::pwned" DROP COLUMN a;',
        `INSERT INTO "__proto__" VALUES (1, '${'x'.repeat(2_000_000)}');`,
        '',
      ].join('\n'),
    });
    const result = await runBundle('migration-lint', { workspace: repo.dir, inputs: { base, head } });
    expect(result.exitCode).toBe(1);
    const findings = JSON.parse(result.outputs.findings!) as {
      line: number;
      rule: string;
      message: string;
    }[];
    expect(findings.map((f) => `${f.line}:${f.rule}`)).toEqual(['2:drop-column', '4:drop-column']); // the clause after the two-line name
    expect(findings[0]!.message).toContain('public.__proto__');
    expect(result.stdout.split('\n').some((line) => line.startsWith('::stop-commands::'))).toBe(false);
    expect(result.summary).not.toMatch(/^::stop-commands::/m);
    repo.cleanup();
  });
});
