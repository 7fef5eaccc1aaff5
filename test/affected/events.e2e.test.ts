import { type TestRepo, createRepo } from '../support/git-repo.js';
import { pkg, runAffected } from './run.js';

/**
 * One npm workspace, history:  main: init -- m2 (changes c)
 *                                      \-- feature: f1 (changes a) -- f2 (changes d)
 * b depends on a. Every event must compare the feature work with the right base.
 */
let repo: TestRepo;
const sha: Record<string, string> = {};
const ZERO = '0'.repeat(40);

beforeAll(() => {
  repo = createRepo({
    'package.json': pkg('root', { private: true, workspaces: ['packages/*'] }),
    'packages/a/package.json': pkg('a'),
    'packages/b/package.json': pkg('b', { dependencies: { a: '^1.0.0' } }),
    'packages/c/package.json': pkg('c'),
    'packages/d/package.json': pkg('d'),
  });
  sha.init = repo.git(['rev-parse', 'HEAD']).trim();
  repo.git(['checkout', '-q', '-b', 'feature']);
  sha.f1 = repo.commit('change a', { 'packages/a/index.js': 'a' });
  sha.f2 = repo.commit('change d', { 'packages/d/index.js': 'd' });
  repo.git(['checkout', '-q', 'main']);
  sha.m2 = repo.commit('change c', { 'packages/c/index.js': 'c' });
  repo.git(['checkout', '-q', 'feature']);
});
afterAll(() => repo.cleanup());

const pr = (name = 'pull_request') => ({
  name,
  payload: {
    repository: { default_branch: 'main' },
    pull_request: { number: 1, base: { sha: sha.m2, ref: 'main' }, head: { sha: sha.f2, ref: 'feature' } },
  },
});
const push = (before: string, after = sha.f2!) => ({
  name: 'push',
  payload: { repository: { default_branch: 'main' }, before, after, ref: 'refs/heads/feature' },
});

describe('affected: base and head for every event', () => {
  test.each([
    [
      'pull_request: merge-base of base and head, not the base tip',
      pr(),
      {},
      ['a', 'b', 'd'],
      /pull_request: merge-base/,
    ],
    ['pull_request_target', pr('pull_request_target'), {}, ['a', 'b', 'd'], /pull_request_target/],
    ['push: before..after', push('f1'), { GITHUB_SHA: 'f2' }, ['d'], /push: before\.\.after/],
    [
      'push of a new branch (before is zeros): merge-base with main',
      push(ZERO),
      { GITHUB_SHA: 'f2' },
      ['a', 'b', 'd'],
      /new branch/,
    ],
    [
      'merge_group: base_sha..head_sha',
      {
        name: 'merge_group',
        payload: { merge_group: { base_sha: 'f1', head_sha: 'f2' }, repository: { default_branch: 'main' } },
      },
      {},
      ['d'],
      /merge_group/,
    ],
    [
      'workflow_dispatch: merge-base with the default branch',
      { name: 'workflow_dispatch', payload: { repository: { default_branch: 'main' } } },
      { GITHUB_SHA: 'f2' },
      ['a', 'b', 'd'],
      /workflow_dispatch: merge-base with the default branch main/,
    ],
    [
      'schedule',
      { name: 'schedule', payload: {} },
      { GITHUB_SHA: 'f2' },
      ['a', 'b', 'd'],
      /schedule: merge-base with the default branch main/,
    ],
  ])('%s', async (_title, event, env, expected, rule) => {
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, sha[v] ?? v]));
    const payload = JSON.parse(
      JSON.stringify(event.payload).replace(/"(f1|f2)"/g, (_m, k: string) => `"${sha[k]}"`),
    );
    const r = await runAffected(repo, { event: { name: event.name, payload }, env: resolved });
    expect(r.exitCode).toBe(0);
    expect(r.projects).toEqual(expected);
    expect(r.stdout).toMatch(rule);
    expect(r.summary.replace(/\\/g, '')).toMatch(rule);
  });

  test('a force push whose before is not an ancestor falls back to the default branch, with a warning', async () => {
    const r = await runAffected(repo, { event: push(sha.m2!), env: { GITHUB_SHA: sha.f2! } });
    expect(r.exitCode).toBe(0);
    expect(r.projects).toEqual(['a', 'b', 'd']);
    expect(r.annotations.some((a) => a.level === 'warning' && /not an ancestor/.test(a.message))).toBe(true);
  });

  test('base and head inputs override the event', async () => {
    const r = await runAffected(repo, { event: pr(), inputs: { base: sha.f1!, head: sha.f2! } });
    expect(r.projects).toEqual(['d']);
    expect(r.stdout).toMatch(/base input/);
    const named = await runAffected(repo, { inputs: { base: 'main', head: 'feature' } });
    expect(named.projects).toEqual(['a', 'b', 'd']);
  });

  test('a shallow clone is deepened to find the merge-base: exact answer, never "everything"', async () => {
    const clone = repo.clone({ depth: 1, branch: 'feature' });
    try {
      expect(clone.git(['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
      const r = await runAffected(clone, { event: pr() });
      expect(r.exitCode).toBe(0);
      expect(r.projects).toEqual(['a', 'b', 'd']);
      expect(r.outputs.all).toBe('false');
      expect(r.stdout).toMatch(/fetch ok/);
    } finally {
      clone.cleanup();
    }
  });

  test('a depth-1 clone of main without the pull request head (as actions/checkout leaves it) fetches it', async () => {
    const clone = repo.clone({ depth: 1, branch: 'main' });
    try {
      expect(() => clone.git(['cat-file', '-e', `${sha.f2}^{commit}`])).toThrow();
      const r = await runAffected(clone, { event: pr() });
      expect(r.exitCode).toBe(0);
      expect(r.projects).toEqual(['a', 'b', 'd']);
    } finally {
      clone.cleanup();
    }
  });

  test.each([
    [
      'an unknown revision',
      { base: 'no-such-branch' },
      /Revision "no-such-branch" \(input base\) is not in this clone/,
    ],
    ['a revision that starts with -', { base: '--output=/tmp/x' }, /starts with "-"/],
    ['a bad projects input', { projects: 'x: {paths: 3}' }, /Input "projects"/],
  ])('%s fails with one clear line and writes no output', async (_t, inputs, message) => {
    const r = await runAffected(repo, { inputs });
    expect(r.exitCode).toBe(2);
    expect(r.outputs).toEqual({});
    expect(r.annotations.find((a) => a.level === 'error')?.message).toMatch(message);
  });
});
