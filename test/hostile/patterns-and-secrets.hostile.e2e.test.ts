import { jest } from '@jest/globals';
import type { TestRepo } from '../support/git-repo.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';
import { runBundle } from '../support/harness.js';
import { hostileWorkspace } from './workspace.js';

jest.setTimeout(60_000);
let ws: { repo: TestRepo; base: string; head: string };
let github: GitHubServer;
beforeAll(async () => {
  ws = hostileWorkspace();
  github = await startGitHubServer();
  github.importHistory(ws.repo.dir);
});
afterAll(async () => {
  ws.repo.cleanup();
  await github.close();
});

// Regex glob engines take seconds on these; ours must answer at once whatever the answer is.
const BACKTRACKING = ['*a*a*a*a*a*a*a*a*a*a*b', '**/**/**/**/**/**/**/**/**/x', `{a,b}/${'*a'.repeat(20)}*z`];
describe.each([
  ['affected', 'ignore', { base: 'HEAD~1' }],
  ['affected', 'global-files', { base: 'HEAD~1' }],
  ['migration-lint', 'paths', { all: 'true' }],
  ['flaky-quarantine', 'reports', { state: 'file:state.json', 'create-issues': 'false' }],
])('%s input %s', (action, input, extra) => {
  it.each(BACKTRACKING)('answers promptly for %s', async (pattern) => {
    const started = Date.now();
    const result = await runBundle(action, {
      workspace: ws.repo.dir,
      inputs: { ...extra, [input]: pattern },
      timeoutMs: 20_000,
    });
    expect(result.exitCode).not.toBe(137); // not killed by the timeout
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.stdout).not.toMatch(/^\s+at .*\.js:\d+/m);
  });
});

const TOKEN = 'ghs_HOSTILEsecret0123456789abcdefABCDEF';
/** Everything a user or another step can see: the log (minus the mask command itself), outputs, summary, env. */
const visible = (r: Awaited<ReturnType<typeof runBundle>>) =>
  [
    r.stdout.replace(/^::add-mask::.*$/gm, ''),
    r.stderr,
    JSON.stringify(r.outputs),
    r.summary,
    JSON.stringify(r.env),
  ].join('\n');

describe('a token never shows in logs, outputs, summaries or exported env', () => {
  it.each([
    [
      'deploy-metadata',
      { environment: 'production', 'create-tag': 'true', 'create-deployment': 'true', 'export-env': 'true' },
    ],
    ['flaky-quarantine', { reports: 'reports/*.xml', state: 'branch:flaky-state', 'create-issues': 'true' }],
    [
      'error-budget-gate',
      {
        slo: 'slo/slos.yaml',
        file: 'slo/sli.om',
        'override-reason': 'hotfix for INC-1',
        'on-inconclusive': 'pass',
      },
    ],
  ])('%s', async (action, inputs) => {
    const result = await runBundle(action, {
      workspace: ws.repo.dir,
      inputs: { ...inputs, token: TOKEN },
      github: { url: github.url, token: TOKEN },
    });
    expect(result.stdout).toMatch(new RegExp(`^::add-mask::${TOKEN}$`, 'm'));
    expect(visible(result)).not.toContain(TOKEN);
  });

  it('error-budget-gate hides Prometheus credentials even when the server is down', async () => {
    const secret = 'prom-secret-7f3a9c';
    const result = await runBundle('error-budget-gate', {
      workspace: ws.repo.dir,
      inputs: {
        'prometheus-url': 'http://127.0.0.1:9',
        'prometheus-token': secret,
        'good-query': 'ok_total',
        'total-query': 'all_total',
        'query-timeout': '2s',
      },
    });
    expect(result.outputs.decision).toBe('inconclusive');
    expect(visible(result)).not.toContain(secret);
  });
});

describe('untrusted names cannot inject workflow commands', () => {
  it('affected: a package named like a workflow command stays inert', async () => {
    const repo = hostileWorkspace().repo;
    try {
      repo.commit('hostile names', {
        'packages/c/package.json': JSON.stringify({
          name: '::stop-commands::pwned',
          version: '1.0.0',
          dependencies: { a: '*' },
        }),
        'packages/a/index.js': 'export const a = 3;\n',
      });
      const result = await runBundle('affected', { workspace: repo.dir, inputs: { base: 'HEAD~1' } });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).not.toMatch(/^::stop-commands::/m);
      expect(JSON.parse(result.outputs.projects!)).toContain('::stop-commands::pwned');
    } finally {
      repo.cleanup();
    }
  });

  it('flaky-quarantine: test names `constructor`, `__proto__` and commands are ordinary tests', async () => {
    const repo = hostileWorkspace().repo;
    try {
      repo.write({
        'reports/junit.xml': `<?xml version="1.0"?><testsuite name="s"><testcase classname="c" name="constructor"/><testcase classname="__proto__" name="__proto__"/><testcase classname="c" name="::add-mask::x"><failure message="::stop-commands::y">::set-output name=verdict::pass</failure></testcase></testsuite>`,
      });
      const result = await runBundle('flaky-quarantine', {
        workspace: repo.dir,
        inputs: { reports: 'reports/*.xml', state: 'file:state.json', 'create-issues': 'false' },
      });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.verdict).toBe('fail');
      expect(JSON.parse(result.outputs['blocking-failures']!)).toHaveLength(1);
      expect(result.stdout).not.toMatch(/^::(add-mask|stop-commands|set-output)/m);
    } finally {
      repo.cleanup();
    }
  });

  it('migration-lint: SQL comments and literals that look like commands or DDL stay inert', async () => {
    const repo = hostileWorkspace().repo;
    try {
      repo.commit('sql', {
        'migrations/V3__note.sql':
          "-- ::add-mask::x\n-- DROP TABLE users;\nINSERT INTO users (id, email) VALUES (1, E'::stop-commands::y\\nALTER TABLE users DROP COLUMN email');\n",
      });
      const result = await runBundle('migration-lint', { workspace: repo.dir, inputs: { base: 'HEAD~1' } });
      expect(result.stdout).not.toMatch(/^::(add-mask|stop-commands)/m);
      expect(JSON.parse(result.outputs.findings!)).toEqual([]);
      expect(result.exitCode).toBe(0);
    } finally {
      repo.cleanup();
    }
  });
});
