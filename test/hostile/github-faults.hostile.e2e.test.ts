import { jest } from '@jest/globals';
import { createGitHub } from '../../shared/github.js';
import { branchStore } from '../../shared/state-store.js';
import type { TestRepo } from '../support/git-repo.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';
import { type RunOptions, runBundle } from '../support/harness.js';
import { hostileWorkspace } from './workspace.js';

// The GitHub API misbehaving as it does in real life: 5xx, secondary rate limits, answers after the
// client's deadline, a state branch deleted between runs, another writer winning the race. Expected:
// a documented fallback or a clear error, no duplicate objects, no lost state.

jest.setTimeout(90_000);
let ws: { repo: TestRepo; base: string; head: string };
let github: GitHubServer;
beforeEach(async () => {
  ws = hostileWorkspace();
  github = await startGitHubServer();
  github.importHistory(ws.repo.dir);
});
afterEach(async () => {
  ws.repo.cleanup();
  await github.close();
});

const STATE_FILE = 'flaky-quarantine/history.json';
/** The run keys (`<run id>:<attempt>`) the history on the state branch holds. */
const recordedRuns = () =>
  [...(github.readFile('trunk-actions-flaky', STATE_FILE) ?? '').matchAll(/"key":"(\d+):\d+"/g)].map(
    (m) => m[1],
  );
const flaky = (runId: string, extra: Partial<RunOptions> = {}) =>
  runBundle('flaky-quarantine', {
    workspace: ws.repo.dir,
    github: { url: github.url },
    env: { GITHUB_RUN_ID: runId },
    inputs: { reports: 'reports/*.xml', 'create-issues': 'true' },
    ...extra,
  });

describe('flaky-quarantine state branch under faults', () => {
  it.each([500, 502, 503])('retries a %d on reading the state and records the run', async (status) => {
    github.inject({ method: 'GET', path: '/contents/', status });
    const result = await flaky('1');
    expect([result.exitCode, result.stderr]).toEqual([0, '']);
    expect(recordedRuns()).toEqual(['1']);
  });

  it('waits out a secondary rate limit on the write', async () => {
    github.inject({ method: 'PUT', path: '/contents/', status: 403, retryAfter: 1 });
    const result = await flaky('2');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/secondary rate limit/);
    expect(recordedRuns()).toEqual(['2']);
  });

  it('a state branch deleted between runs is created again and the run recorded', async () => {
    await flaky('4');
    github.state.refs.delete('refs/heads/trunk-actions-flaky');
    const result = await flaky('5');
    expect(result.exitCode).toBe(0);
    expect(recordedRuns()).toEqual(['5']);
  });

  it('another writer between read and write (409): re-read, merge, both runs kept', async () => {
    await flaky('6');
    // Run 7 reads; before it writes, a parallel job's write lands (simulated by a stale-sha answer).
    github.inject({ method: 'PUT', path: '/contents/', status: 409 });
    const result = await flaky('7');
    expect(result.exitCode).toBe(0);
    expect(recordedRuns()).toEqual(['6', '7']);
  });
});

// A 30-second deadline (production) is too long for a bundle test: the client is built in-process
// with a shorter one, as the actions build it (createGitHub, then the state store on top).
describe('the state store when GitHub applies a write but answers after the deadline', () => {
  it('does not write it twice: the retry meets a moved sha, re-reads, and finds the run there', async () => {
    github.inject({ method: 'PUT', path: '/contents/', delayMs: 3000, apply: true });
    const log = { debug: () => {}, warning: () => {} };
    const client = createGitHub({ token: 't', apiUrl: github.url, log, redact: (t) => t, timeoutMs: 1500 });
    const store = await branchStore({
      github: client,
      ...{ owner: 'acme', repo: 'shop', branch: 'trunk-actions-flaky', path: STATE_FILE, log },
    });
    const recordRun = (text: string | undefined) =>
      text?.includes('"key":"3:1"') ? undefined : `${text ?? ''}{"key":"3:1"}\n`;
    await store.update(recordRun, 'record run 3');
    const puts = github.requests.filter((r) => r.method === 'PUT');
    const commits = [...github.state.commits.values()].filter((c) => c.tree.has(STATE_FILE));
    expect(puts.length).toBeGreaterThanOrEqual(2); // the first timed out and was tried again
    expect(commits).toHaveLength(1);
    expect(recordedRuns()).toEqual(['3']);
  });
});

describe('error-budget-gate override comment under faults', () => {
  const overrideRelease = () =>
    runBundle('error-budget-gate', {
      workspace: ws.repo.dir,
      github: { url: github.url },
      inputs: {
        slo: 'slo/slos.yaml',
        file: 'slo/sli.om',
        at: '2026-11-16T00:00:00Z',
        'override-reason': 'INC-42 hotfix',
      },
    });

  it('a 502 on the commit comment that GitHub applied leaves exactly one comment', async () => {
    github.inject({ method: 'POST', path: '/comments', status: 502, apply: true });
    const result = await overrideRelease();
    expect(result.outputs.decision).toBe('override');
    expect(result.exitCode).toBe(0);
    expect(github.state.commitComments).toHaveLength(1);
    expect(github.state.commitComments[0]!.body).toContain('INC-42 hotfix');
  });

  it('re-running the same attempt does not comment twice', async () => {
    await overrideRelease();
    await overrideRelease();
    expect(github.state.commitComments).toHaveLength(1);
  });
});
