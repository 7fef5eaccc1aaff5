import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHistory } from '../../actions/flaky-quarantine/src/history.js';
import { historyKey, idHash } from '../../actions/flaky-quarantine/src/identity.js';
import { startGitHubServer } from '../support/github-server.js';
import { runBundle } from '../support/harness.js';
import { env, event, json, removeWorkspaces, workspace } from './support.js';

/** The bundle on reports written by the real tools (test/fixtures/flaky-quarantine/real/). */

afterAll(removeWorkspaces);
const real = (path: string) => new URL(`../fixtures/flaky-quarantine/real/${path}`, import.meta.url);

function withReports(reports: Record<string, string>): string {
  const ws = workspace({});
  for (const [to, from] of Object.entries(reports)) {
    mkdirSync(join(ws, to, '..'), { recursive: true });
    copyFileSync(real(from), join(ws, to));
  }
  return ws;
}

const run = (ws: string, sha: string, runId: string) =>
  runBundle('flaky-quarantine', {
    workspace: ws,
    event,
    env: env(sha, runId),
    inputs: { reports: 'reports/**/*.xml', state: 'file:.flaky/history.json', 'create-issues': 'false' },
  });

test('Playwright: each project is quarantined on its own and named in the summary', async () => {
  const ws = withReports({ 'reports/playwright.xml': 'playwright/junit-retries.xml' });
  const result = await run(ws, 'a'.repeat(40), '1');
  const projects = ['Mobile Safari', 'chromium', 'firefox'];
  expect((json(result.outputs['newly-flaky']) as string[]).sort()).toEqual(
    projects.map((p) => `v2:|cart.spec.mjs|Cart › wobbles|${p}`).sort(),
  );
  // Failing on firefox only: that project's test blocks, the same test elsewhere passed.
  const blocking = json(result.outputs['blocking-failures']) as string[];
  expect(blocking).toContain('v2:|cart.spec.mjs|Cart › renders prices|firefox');
  expect(blocking).not.toContain('v2:|cart.spec.mjs|Cart › renders prices|chromium');
  // The summary names the project (Markdown-escaped) in the flaky table.
  for (const project of projects)
    expect(result.summary).toContain(
      `| \\[${project}\\] cart.spec.mjs › Cart › wobbles | newly quarantined |`,
    );
  expect(result.summary).toContain('| \\[firefox\\] cart.spec.mjs › Cart › renders prices | expect');
  const history = parseHistory(readFileSync(join(ws, '.flaky/history.json'), 'utf8'));
  expect([...history.quarantine.keys()].sort()).toEqual(
    projects.map((p) => `v2:|cart.spec.mjs|Cart › wobbles|${p}`).sort(),
  );
}, 60_000);

test('PHPUnit from a runner and from a container job: one test each, ids without machine paths', async () => {
  const ws = withReports({
    'reports/runner/junit.xml': 'phpunit/junit.xml',
    'reports/container/junit.xml': 'phpunit/junit-container.xml',
  });
  const result = await run(ws, 'b'.repeat(40), '2');
  expect(json(result.outputs['blocking-failures'])).toEqual([
    'v2:php/tests/CartTest.php|App.Tests.CartTest|testRejectsABadVoucher',
  ]);
  const history = parseHistory(readFileSync(join(ws, '.flaky/history.json'), 'utf8'));
  expect(history.branches.get('main')!.outcomes.size).toBe(5);
  // Failed in both jobs of the run, never passed: broken, not flaky.
  expect(json(result.outputs['broken'])).toEqual([
    'v2:php/tests/CartTest.php|App.Tests.CartTest|testRejectsABadVoucher',
  ]);
  expect(result.outputs['newly-flaky']).toBe('[]');
  // The annotation points into the repository, whichever checkout the failure was read from.
  expect(result.annotations).toContainEqual(
    expect.objectContaining({ level: 'error', file: 'php/tests/CartTest.php', line: 15 }),
  );
}, 60_000);

test('a v1 history: the quarantine carries over per project, and the v1 issue is continued, not duplicated', async () => {
  const server = await startGitHubServer({ owner: 'acme', repo: 'shop', defaultBranch: 'main' });
  try {
    const v1 = 'v1:|cart.spec.mjs|Cart › renders prices';
    server.state.issues.push({
      id: 1,
      number: 1,
      title: 'Flaky test: cart.spec.mjs › Cart › renders prices',
      body: `<!-- trunk-actions:flaky id=${idHash(v1)} -->\nquarantined under v1`,
      state: 'open',
      state_reason: null,
      labels: [{ name: 'flaky-test' }],
      assignees: [],
      user: { login: 'github-actions[bot]' },
      html_url: 'https://github.com/acme/shop/issues/1',
      created_at: '2026-03-01T00:00:00Z',
      updated_at: '2026-03-01T00:00:00Z',
      commentList: [],
    });
    const ws = withReports({ 'reports/playwright.xml': 'playwright/junit.xml' });
    mkdirSync(join(ws, '.flaky'));
    const runs = [{ key: '1:1', commit: '1'.repeat(40), at: '2026-03-01T00:00:00.000Z' }];
    writeFileSync(
      join(ws, '.flaky/history.json'),
      JSON.stringify({
        version: 1,
        branches: [['main', { runs, tests: [[historyKey(v1), 'm']] }]],
        quarantine: [[v1, { since: runs[0]!.at, commit: runs[0]!.commit, branch: 'main' }]],
      }),
    );
    const result = await runBundle('flaky-quarantine', {
      workspace: ws,
      event,
      env: env('c'.repeat(40), '2'),
      github: { url: server.url },
      inputs: { reports: 'reports/**/*.xml', state: 'file:.flaky/history.json', 'create-issues': 'true' },
    });
    const firefox = 'v2:|cart.spec.mjs|Cart › renders prices|firefox';
    // Quarantined under v1, so its failure on firefox does not block.
    expect(json(result.outputs['quarantined-failures'])).toEqual([firefox]);
    expect(json(result.outputs['blocking-failures'])).not.toContain(firefox);
    const issues = server.state.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe('Flaky test: [firefox] cart.spec.mjs › Cart › renders prices');
    expect(issues[0]!.body).toContain(`<!-- trunk-actions:flaky id=${idHash(firefox)} -->`);
    const history = JSON.parse(readFileSync(join(ws, '.flaky/history.json'), 'utf8')) as { version: number };
    expect(history.version).toBe(2);
  } finally {
    await server.close();
  }
}, 60_000);
