import { jest } from '@jest/globals';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRepo } from '../support/git-repo.js';
import { type GitHubServer, startGitHubServer } from '../support/github-server.js';
import { type RunResult, runBundle } from '../support/harness.js';

// Class 4 of issue 16 through the bundles: secrets in failure text, backend errors and inputs reach
// none of the places the runner does not mask: issue bodies and comments, job summaries,
// annotations, outputs, tag messages and deployment payloads. Secrets are assembled here from parts
// so that no scanner flags this file.

jest.setTimeout(90_000);

const join2 = (...parts: string[]) => parts.join('');
const TOKEN = join2('gh', 's_', 'OWNtoken0123456789abcdefABCDEFghij');
const SECRETS = {
  awsSecret: join2('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY'),
  awsKeyId: join2('AK', 'IA', 'Z3MHQ5WUXNVSJ2PQ'),
  slack: join2('xo', 'xb-', '1234567890-0987654321-', 'AbCdEfGhIjKlMnOpQrStUvWx'),
  jwt: join2(
    'ey',
    'JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.',
    'eyJzdWIiOiIxMjM0NTY3ODkwIn0.',
    'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  ),
  pemLine: 'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcT4Wq2sPbnGy',
  urlPassword: 'p@ss-w0rd@x9',
  jsonPassword: 'Js0nPa55word-42',
};
const FAILURE = [
  'AssertionError: login failed',
  `  AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret} (key ${SECRETS.awsKeyId})`,
  `  slack ${SECRETS.slack}`,
  `  Authorization: Bearer ${SECRETS.jwt}`,
  `  -----BEGIN RSA PRIVATE KEY-----\n${SECRETS.pemLine}\n-----END RSA PRIVATE KEY-----`,
  `  postgres://app:${SECRETS.urlPassword}@db.internal/app`,
  `  {"user": "app", "password": "${SECRETS.jsonPassword}"}`,
  `  retried with ${TOKEN}`,
  '    at Object.<anonymous> (src/auth.test.ts:12:5)',
].join('\n');
const ALL = [TOKEN, ...Object.values(SECRETS)];

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The log without the mask commands themselves, and everything else a reader or a later step sees. */
const visible = (r: RunResult, github?: GitHubServer) =>
  [
    r.stdout.replace(/^::add-mask::.*$/gm, ''),
    r.stderr,
    JSON.stringify(r.outputs),
    r.summary,
    JSON.stringify(r.env),
    ...(github
      ? [
          JSON.stringify(github.state.issues),
          JSON.stringify([...github.state.tags.values()]),
          JSON.stringify(github.state.deployments),
        ]
      : []),
  ].join('\n');

let github: GitHubServer;
const temps: string[] = [];
beforeAll(async () => {
  github = await startGitHubServer({ owner: 'acme', repo: 'shop', defaultBranch: 'main' });
});
afterAll(async () => {
  await github.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

test('flaky-quarantine: a flaky failure full of secrets opens an issue that keeps the failure, not the secrets', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'secrets-flaky-'));
  temps.push(ws);
  mkdirSync(join(ws, 'reports'));
  const failing = `<testcase classname="Auth" name="login" file="src/auth.test.ts"><failure message="${xml(`login failed for ${SECRETS.slack}`)}">${xml(FAILURE)}</failure></testcase>`;
  // A failed attempt and a passing retry of the same test (gotestsum --rerun-fails): flaky.
  writeFileSync(
    join(ws, 'reports', 'junit.xml'),
    `<?xml version="1.0"?><testsuite name="s">${failing}<testcase classname="Auth" name="login" file="src/auth.test.ts"/><testcase classname="Auth" name="logout" file="src/auth.test.ts"/></testsuite>`,
  );
  const result = await runBundle('flaky-quarantine', {
    workspace: ws,
    event: {
      name: 'push',
      payload: { repository: { default_branch: 'main', name: 'shop', owner: { login: 'acme' } } },
    },
    env: {
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_RUN_ID: '77',
      GITHUB_RUN_ATTEMPT: '1',
    },
    github: { url: github.url, token: TOKEN },
    inputs: { reports: 'reports/*.xml', state: 'file:state.json', 'create-issues': 'true', token: TOKEN },
  });
  const issues = github.state.issues.filter((i) => JSON.stringify(i).includes('login'));
  expect(issues).toHaveLength(1);
  const body = String(issues[0]!.body);
  expect(body).toContain('AssertionError: login failed');
  expect(body).toContain('AWS_SECRET_ACCESS_KEY=***');
  expect(body).toContain('postgres://app:***@db.internal/app');
  expect(body).toContain('at Object.<anonymous> (src/auth.test.ts:12:5)');
  const seen = visible(result, github);
  for (const secret of ALL) expect(seen).not.toContain(secret);
});

test('deploy-metadata: credentials in the environment URL reach no tag, deployment or deployment status', async () => {
  const repo = createRepo({ 'README.md': 'x\n' });
  temps.push(repo.dir);
  github.importHistory(repo.dir);
  const sha = repo.git(['rev-parse', 'HEAD']).trim();
  const result = await runBundle('deploy-metadata', {
    workspace: repo.dir,
    env: { GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main', GITHUB_RUN_ID: '78' },
    github: { url: github.url, token: TOKEN },
    inputs: {
      environment: 'production',
      service: 'shop',
      'create-tag': 'true',
      'create-deployment': 'true',
      'environment-url': `https://deploy:${SECRETS.urlPassword}@status.example.com/shop`,
      token: TOKEN,
    },
  });
  expect(result.exitCode).toBe(0);
  expect(github.state.deployments.length).toBeGreaterThan(0);
  expect(github.state.tags.size).toBeGreaterThan(0);
  const seen = visible(result, github);
  // The deployment status still links the environment, without the password.
  expect(seen).toContain('"environment_url":"https://deploy:***@status.example.com/shop"');
  for (const secret of ALL) expect(seen).not.toContain(secret);
});

describe('error-budget-gate: a backend error quoting credentials', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_: IncomingMessage, res: ServerResponse) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'error',
          errorType: 'bad_data',
          error: `parse error: unexpected "password=${SECRETS.jsonPassword}" near Authorization: Bearer ${SECRETS.jwt} for ${SECRETS.awsKeyId}`,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('is inconclusive, and its reason, summary, annotations and outputs carry no secret', async () => {
    const result = await runBundle('error-budget-gate', {
      inputs: {
        'prometheus-url': url,
        'bad-query': 'errors_total',
        'total-query': 'requests_total',
        'on-inconclusive': 'pass',
      },
    });
    expect(result.outputs.decision).toBe('inconclusive');
    expect(result.outputs.reason).toMatch(
      /rejected the query .* "password=\*\*\*" near Authorization: Bearer \*\*\* for \*\*\*/,
    );
    const seen = visible(result);
    for (const secret of ALL) expect(seen).not.toContain(secret);
  });
});
