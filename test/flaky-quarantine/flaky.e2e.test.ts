import { cellAt, parseHistory } from '../../actions/flaky-quarantine/src/history.js';
import { historyKey } from '../../actions/flaky-quarantine/src/identity.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runBundle } from '../support/harness.js';
import { env, event, json, removeWorkspaces, workspace } from './support.js';

const STATE = 'flaky-quarantine/history.json';
afterAll(removeWorkspaces);

describe('flaky-quarantine on the state branch (test GitHub server)', () => {
  let server: GitHubServer;
  beforeAll(async () => {
    server = await startGitHubServer({ owner: 'acme', repo: 'shop', defaultBranch: 'main' });
  });
  afterAll(() => server.close());

  const run = (ws: string, sha: string, runId: string, extra: Record<string, string> = {}, attempt = '1') =>
    runBundle('flaky-quarantine', {
      workspace: ws,
      event,
      env: env(sha, runId, attempt),
      github: { url: server.url },
      inputs: { 'release-after': '2', ...extra },
    });
  const history = () => parseHistory(server.readFile('trunk-actions-flaky', STATE)!);
  const flakyIssues = () =>
    server.state.issues.filter((i) => i.labels.some((l: { name: string }) => l.name === 'flaky-test'));

  test('10 parallel jobs of one run lose no result; the shared flaky test is quarantined once with one issue', async () => {
    const jobs = Array.from({ length: 10 }, (_, job) =>
      workspace({
        [`reports/junit-${job}.xml`]: {
          ...Object.fromEntries(
            Array.from({ length: 20 }, (_, i) => [`job${job} test${i}`, 'pass' as const]),
          ),
          // The same test fails in some jobs and passes in others of the same commit: flaky.
          'checkout total': job % 3 === 0 ? 'fail' : 'pass',
        },
      }),
    );
    const results = await Promise.all(jobs.map((ws) => run(ws, 'a'.repeat(40), '500')));
    for (const result of results) expect(result.stderr).toBe('');
    const main = history().branches.get('main')!;
    expect(main.runs.map((r) => r.key)).toEqual(['500:1']);
    for (let job = 0; job < 10; job++)
      for (let i = 0; i < 20; i++)
        expect(cellAt(main, historyKey(`v2:src/shop.test.ts|Shop|job${job} test${i}`), 0)).toBe(1);
    expect(cellAt(main, historyKey('v2:src/shop.test.ts|Shop|checkout total'), 0)).toBe(3); // passed and failed
    expect(main.outcomes.size).toBe(201);
    // Exactly one writer made the transition and opened the issue.
    expect(history().quarantine.has('v2:src/shop.test.ts|Shop|checkout total')).toBe(true);
    expect(flakyIssues()).toHaveLength(1);
    expect(flakyIssues()[0]!.body).toContain('<!-- trunk-actions:flaky id=');
    expect(flakyIssues()[0]!.body).not.toContain('do-not-copy');
    expect(
      results.filter(
        (r) => json(r.outputs['newly-flaky']) !== null && (json(r.outputs['newly-flaky']) as string[]).length,
      ).length,
    ).toBeGreaterThanOrEqual(1);
    // The state branch was created once, from the default branch.
    expect(
      server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/refs') && r.status === 201),
    ).toHaveLength(1);
    const puts = server.requests.filter((r) => r.method === 'PUT' && r.path.includes('/contents/'));
    expect(puts.filter((r) => r.status < 300)).toHaveLength(10);
    expect(puts.some((r) => r.status === 409 || r.status === 422)).toBe(true); // conflicts happened and were merged
  }, 180_000);

  test('re-running the same attempt changes nothing: no write, no new issue', async () => {
    const before = server.readFile('trunk-actions-flaky', STATE);
    const writes = server.requests.filter((r) => r.method === 'PUT').length;
    const ws = workspace({ 'reports/junit-0.xml': { 'job0 test0': 'pass', 'checkout total': 'fail' } });
    await run(ws, 'a'.repeat(40), '500');
    expect(server.readFile('trunk-actions-flaky', STATE)).toBe(before);
    expect(server.requests.filter((r) => r.method === 'PUT').length).toBe(writes);
    expect(flakyIssues()).toHaveLength(1);
  });

  test('the next run: the quarantined failure is reported but does not block; a new failure blocks', async () => {
    const ws = workspace({
      'junit.xml': { 'checkout total': 'fail', 'job0 test0': 'pass', 'pays invoices': 'fail' },
    });
    const result = await run(ws, 'b'.repeat(40), '501');
    expect(result.exitCode).toBe(1);
    expect(json(result.outputs['quarantined-failures'])).toEqual(['v2:src/shop.test.ts|Shop|checkout total']);
    expect(json(result.outputs['blocking-failures'])).toEqual(['v2:src/shop.test.ts|Shop|pays invoices']);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'warning',
          title: 'Quarantined test failed (not blocking)',
          file: 'src/shop.test.ts',
          line: 3,
        }),
        expect.objectContaining({ level: 'error', title: 'Test failed', file: 'src/shop.test.ts' }),
      ]),
    );
    expect(result.summary).toMatch(/Blocked: 1 test failed/);
    expect(result.summary).toContain(`[#${flakyIssues()[0]!.number}](`);
    const green = await run(
      workspace({ 'junit.xml': { 'checkout total': 'fail', 'job0 test0': 'pass' } }),
      'c'.repeat(40),
      '502',
    );
    expect(green.exitCode).toBe(0);
    expect(green.outputs.verdict).toBe('pass');
  });

  test('released after release-after passes on the default branch: the issue is closed with a comment, once', async () => {
    const passing = workspace({ 'junit.xml': { 'checkout total': 'pass' } });
    const first = await run(passing, 'd'.repeat(40), '503');
    expect(json(first.outputs.released)).toEqual([]);
    const second = await run(passing, 'e'.repeat(40), '504');
    expect(json(second.outputs.released)).toEqual(['v2:src/shop.test.ts|Shop|checkout total']);
    expect(json(second.outputs.quarantined)).toEqual([]);
    const issue = flakyIssues()[0]!;
    expect(issue.state).toBe('closed');
    expect(issue.commentList).toHaveLength(1);
    expect(issue.commentList[0].body).toMatch(/Released from quarantine after 2 consecutive passes/);
    await run(passing, 'f'.repeat(40), '505');
    expect(flakyIssues()[0]!.commentList).toHaveLength(1);
  });

  test('flaky again after release: the same issue is reopened, not duplicated', async () => {
    const ws = workspace({ 'junit.xml': { 'checkout total': 'fail' } });
    await run(ws, '1'.repeat(40), '506', {}, '1');
    await run(workspace({ 'junit.xml': { 'checkout total': 'pass' } }), '1'.repeat(40), '506', {}, '2');
    expect(flakyIssues()).toHaveLength(1);
    expect(flakyIssues()[0]!.state).toBe('open');
  });

  test('a corrupt history is an error, never read as empty', async () => {
    const corrupt = await startGitHubServer({ owner: 'acme', repo: 'shop', defaultBranch: 'main' });
    try {
      const ws = workspace({ 'junit.xml': { a: 'pass' } });
      await runBundle('flaky-quarantine', {
        workspace: ws,
        event,
        env: env('2'.repeat(40), '1'),
        github: { url: corrupt.url },
      });
      const sha = corrupt.state.refs.get('refs/heads/trunk-actions-flaky')!;
      const blob = corrupt.state.commits.get(sha)!.tree.get(STATE)!;
      corrupt.state.blobs.set(blob, Buffer.from('{"version":1,"branches":"oops"}'));
      const result = await runBundle('flaky-quarantine', {
        workspace: ws,
        event,
        env: env('3'.repeat(40), '2'),
        github: { url: corrupt.url },
      });
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toMatch(/not a valid flaky-quarantine document .*delete it to start over/);
    } finally {
      await corrupt.close();
    }
  });
});

describe('a history over 1 MB (the contents API answers without content)', () => {
  test('is read through the blob API and kept whole', async () => {
    const server = await startGitHubServer({ owner: 'acme', repo: 'shop', defaultBranch: 'main' });
    try {
      const many = Array.from({ length: 70_000 }, (_, i) => `<testcase classname="Big" name="t${i}"/>`).join(
        '',
      );
      const ws = workspace({ 'junit.xml': `<testsuite name="big">${many}</testsuite>` });
      const run = (sha: string, runId: string) =>
        runBundle('flaky-quarantine', {
          workspace: ws,
          event,
          env: env(sha, runId),
          github: { url: server.url },
        });
      expect((await run('4'.repeat(40), '1')).exitCode).toBe(0);
      expect(server.readFile('trunk-actions-flaky', STATE)!.length).toBeGreaterThan(1024 * 1024);
      expect((await run('5'.repeat(40), '2')).exitCode).toBe(0);
      expect(server.requests.some((r) => r.method === 'GET' && r.path.includes('/git/blobs/'))).toBe(true);
      const main = parseHistory(server.readFile('trunk-actions-flaky', STATE)!).branches.get('main')!;
      expect(main.runs.map((r) => r.key)).toEqual(['1:1', '2:1']);
      expect(main.outcomes.size).toBe(70_000);
      expect(main.outcomes.get(historyKey('v2:|Big|t69999'))).toBe('p2');
    } finally {
      await server.close();
    }
  });
});

describe('GitHub did the work but the answer was lost', () => {
  test('a state write that succeeded behind a 502 is not written twice; an issue created behind a 502 is not duplicated', async () => {
    const server = await startGitHubServer({ owner: 'acme', repo: 'shop', defaultBranch: 'main' });
    try {
      server.inject({ method: 'PUT', path: /\/contents\//, status: 502, apply: true });
      server.inject({ method: 'POST', path: /\/issues$/, status: 502, apply: true });
      const ws = workspace({
        'TEST-x.xml': `<testsuite name="x"><testcase classname="X" name="wobbles"><flakyFailure message="once"/></testcase></testsuite>`,
      });
      const result = await runBundle('flaky-quarantine', {
        workspace: ws,
        event,
        env: env('6'.repeat(40), '9'),
        github: { url: server.url },
      });
      expect(result.exitCode).toBe(0);
      expect(json(result.outputs['newly-flaky'])).toEqual(['v2:|X|wobbles']);
      const puts = server.requests.filter((r) => r.method === 'PUT').map((r) => r.status);
      expect(puts.filter((s) => s < 300)).toEqual([]); // the only write is the one behind the 502
      expect(
        parseHistory(server.readFile('trunk-actions-flaky', STATE)!).branches.get('main')!.runs,
      ).toHaveLength(1);
      expect(server.state.issues).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('the demo', () => {
  test('attempt 2 finds the voucher test flaky and passes with two quarantined failures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flaky-demo-'));
    try {
      const { prepareDemo } = (await import(join(repoRoot, 'scripts', 'demo-repo.mjs'))) as {
        prepareDemo: (name: string, dir: string) => { args: string[] };
      };
      const { args } = prepareDemo('flaky-quarantine', dir);
      const inputs: Record<string, string> = {};
      for (let i = 0; i < args.length; i += 2) inputs[args[i]!.slice(2)] = args[i + 1]!;
      const result = await runBundle('flaky-quarantine', { workspace: dir, inputs, event });
      expect(result.exitCode).toBe(0);
      expect(json(result.outputs['newly-flaky'])).toEqual([
        'v2:|com.acme.PaymentTest|refunds',
        'v2:src/checkout.test.ts|Checkout|applies a voucher',
      ]);
      expect((json(result.outputs['quarantined-failures']) as string[]).sort()).toEqual([
        'v2:src/search.test.ts|Search|suggests as you type',
        'v2:|com.acme.PaymentTest|settles',
      ]);
      expect(result.summary).not.toContain('sk_live');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
