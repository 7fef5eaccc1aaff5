import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { createRepo, type TestRepo } from '../support/git-repo.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';
import { runBundle, type RunOptions } from '../support/harness.js';

/**
 * History of the test repository (main, oldest first):
 *   c1 v1.0.0 · c2 "Add cart (#1)" · c3 deploy/production/1 · c4 merge of PR #2 · c5 "Fix checkout (#3)"
 * plus a pull request branch `feature` (p1) and its merge commit on refs/pull/7/merge.
 */

let repo: TestRepo;
const sha: Record<string, string> = {};

beforeAll(() => {
  repo = createRepo({ 'README.md': 'shop\n' });
  sha.c1 = repo.git(['rev-parse', 'HEAD']).trim();
  repo.git(['tag', 'v1.0.0']);
  sha.c2 = repo.commit('Add cart (#1)', { 'cart.ts': 'cart\n' });
  sha.c3 = repo.commit('Tune prices', { 'prices.ts': 'p\n' });
  const stored = { environment: 'production', version: '1.0.1', buildId: '900-1' };
  repo.git([
    'tag',
    '-a',
    'deploy/production/1',
    '-m',
    `deploy shop 1.0.1 to production\n\n${JSON.stringify(stored)}`,
  ]);
  repo.git(['checkout', '-q', '-b', 'pr2']);
  repo.commit('work on search', { 'search.ts': 's\n' });
  repo.git(['checkout', '-q', 'main']);
  repo.git(['merge', '-q', '--no-ff', 'pr2', '-m', 'Merge pull request #2 from acme/search']);
  sha.c4 = repo.git(['rev-parse', 'HEAD']).trim();
  sha.c5 = repo.commit('Fix checkout (#3)', { 'checkout.ts': 'c\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  sha.p1 = repo.commit('Try new layout', { 'layout.ts': 'l\n' });
  repo.git(['checkout', '-q', 'main']);
  repo.git(['merge', '-q', '--no-ff', 'feature', '-m', 'Merge p1 into c5']);
  sha.merge = repo.git(['rev-parse', 'HEAD']).trim();
  repo.git(['update-ref', 'refs/pull/7/merge', sha.merge]);
  repo.git(['reset', '-q', '--hard', sha.c5]);
});
afterAll(() => repo.cleanup());

/** Makes the server know the repository's commits and its tags (as GitHub would after a push). */
function mirror(server: GitHubServer, from: TestRepo = repo): void {
  server.importHistory(from.dir);
  const lines = from.git([
    'for-each-ref',
    '--format=%(refname) %(objectname) %(objecttype) %(*objectname)',
    'refs/tags',
  ]);
  for (const line of lines.trim().split('\n').filter(Boolean)) {
    const [ref, object, type, peeled] = line.split(' ') as [string, string, string, string];
    server.state.refs.set(ref, object);
    if (type === 'tag') {
      const message = from.git(['for-each-ref', '--format=%(contents)', ref]);
      server.state.tags.set(object, {
        sha: object,
        tag: ref.slice(10),
        message,
        object: { sha: peeled, type: 'commit' },
      });
    }
  }
}

const push = (commit: string, env: Record<string, string> = {}): Pick<RunOptions, 'event' | 'env'> => ({
  event: {
    name: 'push',
    payload: {
      after: commit,
      head_commit: { id: commit, author: { username: 'ada-l' } },
      repository: { default_branch: 'main' },
    },
  },
  env: { GITHUB_SHA: commit, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', ...env },
});

function deployTagsOn(server: GitHubServer): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [ref, object] of server.state.refs) {
    if (!ref.startsWith('refs/tags/deploy/')) continue;
    tags.set(ref.slice(10), server.state.tags.get(object)?.object.sha ?? object);
  }
  return tags;
}

const posts = (server: GitHubServer, from = 0) =>
  server.requests.slice(from).filter((r) => r.method === 'POST' && r.status < 300);

describe('without the API', () => {
  test('push: record, changes since the last deploy tag and every text sink', async () => {
    const result = await runBundle('deploy-metadata', {
      workspace: repo.dir,
      inputs: { environment: 'production', 'export-env': 'true', 'env-file': 'deploy.env' },
      ...push(sha.c5!, { OTEL_RESOURCE_ATTRIBUTES: 'team=payments' }),
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const out = result.outputs;
    expect(out).toMatchObject({
      service: 'shop',
      environment: 'production',
      sha: sha.c5,
      'short-sha': sha.c5!.slice(0, 7),
      version: `1.0.0-5-g${sha.c5!.slice(0, 7)}`,
      'version-source': 'describe',
      'build-id': '1000-1',
      'deploy-id': 'production-1000-1',
      pr: '3',
      'previous-sha': sha.c3,
      'previous-version': '1.0.1',
      'previous-tag': 'deploy/production/1',
      'change-count': '2',
      'deployment-id': '',
      tag: '',
      'run-url': 'https://github.com/acme/shop/actions/runs/1000',
      owner: 'ada-l',
      actor: 'octocat',
    });
    expect(out.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const changes = JSON.parse(out.changes!) as { sha: string; pr?: number }[];
    expect(changes.map((c) => [c.sha, c.pr])).toEqual([
      [sha.c5, 3],
      [sha.c4, 2],
    ]);
    const record = JSON.parse(out.json!);
    expect(record).toMatchObject({
      schema: 'trunk-actions/deploy-record/v1',
      sha: sha.c5,
      changes: { count: 2 },
    });

    expect(out.labels!.split('\n')).toContain(`org.opencontainers.image.revision=${sha.c5}`);
    expect(parseYaml(out['k8s-labels']!)).toMatchObject({ 'app.kubernetes.io/instance': 'shop-production' });
    expect(parseYaml(out.annotations!)).toMatchObject({ 'deploy.trunk-actions.dev/previous-sha': sha.c3 });
    expect(out['otel-resource-attributes']).toContain(`vcs.ref.head.revision=${sha.c5},`);

    expect(result.env).toMatchObject({ DD_ENV: 'production', DD_SERVICE: 'shop', DD_GIT_COMMIT_SHA: sha.c5 });
    expect(result.env.OTEL_RESOURCE_ATTRIBUTES).toMatch(/^team=payments,service\.name=shop,/);
    const file = join(repo.dir, 'deploy.env');
    expect(out['env-file']).toBe(file);
    expect(parseEnv(readFileSync(file, 'utf8'))).toEqual(result.env);
    repo.write({ 'deploy.env': null });

    expect(result.summary).toContain('2 changes since');
    expect(result.summary).toContain('Merge pull request \\#2 from acme/search');
  });

  test('pull_request: the head commit and branch, not the merge commit', async () => {
    const result = await runBundle('deploy-metadata', {
      workspace: repo.dir,
      inputs: { environment: 'preview-7', version: 'v2.0.0-pr.7', 'require-semver': 'true' },
      event: {
        name: 'pull_request',
        payload: {
          number: 7,
          pull_request: {
            number: 7,
            head: { sha: sha.p1, ref: 'feature' },
            base: { sha: sha.c5, ref: 'main' },
            user: { login: 'grace' },
          },
        },
      },
      env: { GITHUB_SHA: sha.merge!, GITHUB_REF: 'refs/pull/7/merge' },
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      sha: sha.p1,
      ref: 'refs/heads/feature',
      pr: '7',
      version: '2.0.0-pr.7',
      'previous-sha': '',
      'change-count': '',
    });
    expect(result.stdout).toContain('first one');
  });

  test('bad environment name: one clear error, nothing written', async () => {
    const result = await runBundle('deploy-metadata', {
      workspace: repo.dir,
      inputs: { environment: 'prod/eu west', 'env-file': 'bad.env', 'export-env': 'true' },
      ...push(sha.c5!),
    });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(
      /::error::Input "environment" is "prod\/eu west", which is not allowed: use 1 to 63 letters/,
    );
    expect(result.outputs).toEqual({});
    expect(result.env).toEqual({});
    expect(existsSync(join(repo.dir, 'bad.env'))).toBe(false);
  });

  test('not a git repository: one clear error naming actions/checkout, nothing written', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'deploy-not-a-repo-'));
    try {
      const result = await runBundle('deploy-metadata', {
        workspace: empty,
        inputs: { environment: 'production', 'env-file': 'deploy.env' },
        ...push(sha.c5!),
      });
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toContain(
        `::error::${empty} is not a git repository; run actions/checkout before deploy-metadata.`,
      );
      expect(result.outputs).toEqual({});
      expect(existsSync(join(empty, 'deploy.env'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('version not semver where semver is required', async () => {
    const result = await runBundle('deploy-metadata', {
      workspace: repo.dir,
      inputs: { environment: 'production', version: 'latest', 'require-semver': 'true' },
      ...push(sha.c5!),
    });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('Input "version" is "latest", which is not semantic versioning');
    expect(result.outputs).toEqual({});
  });

  test('missing token with an API sink on: fails before writing any sink', async () => {
    const result = await runBundle('deploy-metadata', {
      workspace: repo.dir,
      inputs: { environment: 'production', 'create-tag': 'true', 'export-env': 'true' },
      ...push(sha.c5!),
    });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(
      /Input "token" is empty, but create-deployment, deployment-id or create-tag needs the GitHub API/,
    );
    expect(result.outputs).toEqual({});
    expect(result.env).toEqual({});
  });
});

describe('deployments and deploy tags', () => {
  let server: GitHubServer;
  beforeAll(async () => {
    server = await startGitHubServer();
    mirror(server);
  });
  afterAll(() => server.close());

  const deploy = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runBundle('deploy-metadata', {
      workspace: repo.dir,
      github: { url: server.url },
      inputs: { environment: 'production', ...inputs },
      ...push(sha.c5!, { GITHUB_RUN_ID: '2000', ...env }),
    });

  test('two steps: in_progress deployment, then success with the deploy tag; re-runs never duplicate', async () => {
    const first = await deploy({
      'create-deployment': 'true',
      'deployment-status': 'in_progress',
      'create-tag': 'true',
    });
    expect(first.exitCode).toBe(0);
    expect(first.outputs.tag).toBe('');
    expect(first.summary).toContain('no tag: the deployment status is in\\_progress');
    const id = first.outputs['deployment-id']!;
    expect(server.state.deployments).toHaveLength(1);
    const deployment = server.state.deployments[0]!;
    expect(deployment).toMatchObject({
      id: Number(id),
      sha: sha.c5,
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
      payload: { deployId: 'production-2000-1', version: `1.0.0-5-g${sha.c5!.slice(0, 7)}` },
    });

    const second = await deploy({
      'deployment-id': id,
      'deployment-status': 'success',
      'create-tag': 'true',
      'environment-url': 'https://shop.example.com',
    });
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({ 'deployment-id': id, tag: 'deploy/production/2' });
    expect(deployment.statuses.map((s: { state: string }) => s.state)).toEqual(['in_progress', 'success']);
    expect(deployment.statuses[1]).toMatchObject({
      environment_url: 'https://shop.example.com',
      log_url: 'https://github.com/acme/shop/actions/runs/2000/attempts/1',
    });
    expect(deployTagsOn(server)).toEqual(
      new Map([
        ['deploy/production/1', sha.c3],
        ['deploy/production/2', sha.c5],
      ]),
    );
    const tagObject = server.state.tags.get(server.state.refs.get('refs/tags/deploy/production/2')!)!;
    expect(tagObject.message).toMatch(/^deploy shop 1\.0\.0-5-g\w+ to production\n\n\{/);

    // The same step again (same run and attempt): nothing new is created.
    const mark = server.requests.length;
    const again = await deploy({ 'deployment-id': id, 'deployment-status': 'success', 'create-tag': 'true' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ 'deployment-id': id, tag: 'deploy/production/2' });
    expect(posts(server, mark)).toEqual([]);
    // The previous deploy is still deploy/production/1: this run's own tag is not "previous".
    expect(again.outputs['previous-tag']).toBe('deploy/production/1');

    // A re-run attempt: the same deployment gets new statuses, the tag is reused.
    const attempt2 = { GITHUB_RUN_ATTEMPT: '2' };
    const rerun = await deploy({ 'create-deployment': 'true', 'deployment-status': 'in_progress' }, attempt2);
    expect(rerun.outputs['deployment-id']).toBe(id);
    const rerunDone = await deploy({ 'deployment-id': id, 'create-tag': 'true' }, attempt2);
    expect(rerunDone.outputs.tag).toBe('deploy/production/2');
    expect(server.state.deployments).toHaveLength(1);
    expect(
      deployment.statuses.map(
        (s: { state: string; log_url: string }) => `${s.state} ${s.log_url.slice(-10)}`,
      ),
    ).toEqual([
      'in_progress attempts/1',
      'success attempts/1',
      'in_progress attempts/2',
      'success attempts/2',
    ]);
    expect(deployTagsOn(server).size).toBe(2);
  });

  test('a deployment id of another environment or commit is refused', async () => {
    const id = String(server.state.deployments[0]!.id);
    const otherEnv = await deploy({ environment: 'staging', 'deployment-id': id });
    expect(otherEnv.exitCode).toBe(2);
    expect(otherEnv.stdout).toContain(
      `Input "deployment-id" is ${id}, a deployment to "production", not to "staging"`,
    );
    expect(otherEnv.outputs).toEqual({});
    const otherCommit = await deploy({ 'deployment-id': id }, { GITHUB_SHA: sha.c4! });
    expect(otherCommit.exitCode).toBe(2);
    expect(otherCommit.stdout).toContain(
      `a deployment of ${sha.c5!.slice(0, 7)}, not of this step's commit ${sha.c4!.slice(0, 7)}`,
    );
  });
});

describe('faults and races', () => {
  let server: GitHubServer;
  beforeEach(async () => {
    server = await startGitHubServer();
    mirror(server);
  });
  afterEach(() => server.close());

  test('502 after GitHub created the deployment, a dropped status request, a secondary rate limit on the tag: one of each', async () => {
    server.inject({ method: 'POST', path: '/deployments', status: 502, apply: true });
    server.inject({ method: 'POST', path: '/git/refs', status: 403, retryAfter: 1 });
    server.inject({ method: 'POST', path: /\/statuses$/, drop: true, apply: true });
    const result = await runBundle('deploy-metadata', {
      workspace: repo.dir,
      github: { url: server.url },
      inputs: { environment: 'production', 'create-deployment': 'true', 'create-tag': 'true' },
      ...push(sha.c5!, { GITHUB_RUN_ID: '3000' }),
    });
    expect(result.exitCode).toBe(0);
    expect(
      server.requests
        .filter((r) => r.method === 'POST' && r.path.endsWith('/deployments'))
        .map((r) => r.status),
    ).toEqual([502]);
    expect(server.state.deployments).toHaveLength(1);
    expect(server.state.deployments[0]!.statuses.map((s: { state: string }) => s.state)).toEqual(['success']);
    // The status request was carried out but the answer never came: looked up again, not sent again.
    const statusCalls = server.requests.filter((r) => /\/statuses(\?|$)/.test(r.path)).map((r) => r.method);
    expect(statusCalls).toEqual(['GET', 'POST', 'GET']);
    expect(server.requests.filter((r) => r.path.endsWith('/git/refs')).map((r) => r.status)).toEqual([
      403, 201,
    ]);
    expect(deployTagsOn(server).get('deploy/production/2')).toBe(sha.c5);
    expect(result.outputs.tag).toBe('deploy/production/2');
    expect(result.stdout).toMatch(/secondary rate limit/);
  });

  test('a permanent API failure: the step fails with the permission to check, and writes no other sink', async () => {
    server.inject({ method: 'POST', path: '/deployments', status: 404, times: 5 });
    const result = await runBundle('deploy-metadata', {
      workspace: repo.dir,
      github: { url: server.url },
      inputs: {
        environment: 'production',
        'create-deployment': 'true',
        'export-env': 'true',
        'env-file': 'x.env',
      },
      ...push(sha.c5!, { GITHUB_RUN_ID: '3100' }),
    });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(
      /::error::Creating the deployment failed \(the token may lack "permissions: deployments: write"/,
    );
    expect(result.outputs).toEqual({});
    expect(result.env).toEqual({});
    expect(existsSync(join(repo.dir, 'x.env'))).toBe(false);
    expect(server.state.deployments).toEqual([]);
  });

  test('parallel runs: same commit gets one tag, another commit the next number', async () => {
    const run = (commit: string, runId: string) =>
      runBundle('deploy-metadata', {
        workspace: repo.dir,
        github: { url: server.url },
        inputs: { environment: 'production', 'create-tag': 'true' },
        ...push(commit, { GITHUB_RUN_ID: runId }),
      });
    const results = await Promise.all([run(sha.c5!, '4001'), run(sha.c5!, '4002'), run(sha.c4!, '4003')]);
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0]);
    const tags = deployTagsOn(server);
    expect(tags.size).toBe(3);
    expect([...tags.values()].filter((c) => c === sha.c5)).toHaveLength(1);
    expect([...tags.values()].filter((c) => c === sha.c4)).toHaveLength(1);
    expect(results[0]!.outputs.tag).toBe(results[1]!.outputs.tag);
  });

  test('shallow clone without tags: previous deploy found on GitHub and history deepened', async () => {
    const shallow = repo.clone({ depth: 1 });
    try {
      expect(shallow.git(['tag', '--list']).trim()).toBe('');
      const result = await runBundle('deploy-metadata', {
        workspace: shallow.dir,
        github: { url: server.url },
        inputs: { environment: 'production' },
        ...push(sha.c5!),
      });
      expect(result.exitCode).toBe(0);
      expect(result.outputs).toMatchObject({
        'previous-sha': sha.c3,
        'previous-tag': 'deploy/production/1',
        'change-count': '2',
      });
    } finally {
      shallow.cleanup();
    }
  });

  test('shallow clone that cannot fetch the previous deploy: a warning naming fetch-depth, other sinks written', async () => {
    const shallow = repo.clone({ depth: 1 });
    shallow.git(['remote', 'remove', 'origin']);
    try {
      const result = await runBundle('deploy-metadata', {
        workspace: shallow.dir,
        github: { url: server.url },
        inputs: { environment: 'production', 'export-env': 'true' },
        ...push(sha.c5!),
      });
      expect(result.exitCode).toBe(0);
      expect(result.outputs).toMatchObject({ 'previous-sha': sha.c3, 'change-count': '', changes: '[]' });
      expect(result.annotations).toContainEqual(
        expect.objectContaining({ level: 'warning', message: expect.stringContaining('fetch-depth: 0') }),
      );
      expect(result.env.DD_GIT_COMMIT_SHA).toBe(sha.c5);
    } finally {
      shallow.cleanup();
    }
  });

  test('previous-lookup: git never asks the API; a shallow clone without tags warns with fetch-depth', async () => {
    const shallow = repo.clone({ depth: 1 });
    try {
      const result = await runBundle('deploy-metadata', {
        workspace: shallow.dir,
        github: { url: server.url },
        inputs: { environment: 'production', 'previous-lookup': 'git', 'max-changes': '1', created: 'now' },
        ...push(sha.c5!),
      });
      expect(result.exitCode).toBe(0);
      expect(server.requests).toEqual([]);
      expect(result.outputs['previous-sha']).toBe('');
      expect(Date.now() - Date.parse(result.outputs.created!)).toBeLessThan(60_000);
      expect(result.annotations).toContainEqual(
        expect.objectContaining({ level: 'warning', message: expect.stringContaining('fetch-depth: 0') }),
      );
    } finally {
      shallow.cleanup();
    }
  });

  test('no deploy tags anywhere: the last successful GitHub Deployment is the previous deploy', async () => {
    server.state.refs.delete('refs/tags/deploy/production/1');
    const bare = repo.clone();
    bare.git(['tag', '-d', 'deploy/production/1']);
    try {
      const earlier = await runBundle('deploy-metadata', {
        workspace: bare.dir,
        github: { url: server.url },
        inputs: { environment: 'production', 'create-deployment': 'true', version: '1.0.1' },
        ...push(sha.c3!, { GITHUB_RUN_ID: '5000' }),
      });
      expect(earlier.exitCode).toBe(0);
      const now = await runBundle('deploy-metadata', {
        workspace: bare.dir,
        github: { url: server.url },
        inputs: { environment: 'production' },
        ...push(sha.c5!, { GITHUB_RUN_ID: '5001' }),
      });
      expect(now.outputs).toMatchObject({
        'previous-sha': sha.c3,
        'previous-version': '1.0.1',
        'previous-tag': '',
        'change-count': '2',
      });
    } finally {
      bare.cleanup();
    }
  });
});
