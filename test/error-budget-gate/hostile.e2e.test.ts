import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runBundle } from '../support/harness.js';

// The bundle against an endpoint that is not Prometheus (a login page), with credentials: the gate
// is inconclusive and fails, and the secrets reach the server but no log line except the masks.

let server: Server;
let url: string;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><form action="/login">Sign in</form></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('a login page instead of the API is inconclusive; tokens and headers are never logged', async () => {
  const result = await runBundle('error-budget-gate', {
    inputs: {
      'prometheus-url': `http://robot:pa55word@127.0.0.1:${new URL(url).port}`,
      'prometheus-token': 'tok-secret-123',
      'prometheus-headers': 'X-Scope-OrgID: tenant-secret-9',
      'bad-query': 'http_requests_total{code=~"5.."}',
      'total-query': 'http_requests_total',
    },
  });
  expect(result.exitCode).toBe(1);
  expect(result.outputs.decision).toBe('inconclusive');
  expect(result.outputs.reason).toMatch(/text\/html instead of JSON: is the URL the Prometheus API/);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen[0]!.headers.authorization).toBe('Bearer tok-secret-123');
  expect(seen[0]!.headers['x-scope-orgid']).toBe('tenant-secret-9');
  const logged = `${result.stdout}\n${result.stderr}\n${result.summary}\n${JSON.stringify(result.outputs)}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  for (const secret of ['tok-secret-123', 'tenant-secret-9', 'pa55word'])
    expect(logged).not.toContain(secret);
  expect(result.stdout).toContain('::add-mask::tok-secret-123');
  expect(result.stdout).toContain('::add-mask::pa55word');
});

test('a bad input names the input and the allowed values, without echoing secrets', async () => {
  const result = await runBundle('error-budget-gate', {
    inputs: { 'prometheus-url': url, 'bad-query': 'x', 'total-query': 'y', 'on-inconclusive': 'maybe' },
  });
  expect(result.exitCode).toBe(2);
  expect(result.stdout).toContain(
    'Input "on-inconclusive" is "maybe", which is not allowed: allowed values are block, pass.',
  );
  const window = await runBundle('error-budget-gate', {
    inputs: { 'prometheus-url': url, 'bad-query': 'x', 'total-query': 'y', window: 'month' },
  });
  expect(window.stdout).toMatch(
    /Input "window" is "month", which is not allowed: use a rolling duration such as 30d .* or calendar-day/,
  );
  const at = await runBundle('error-budget-gate', {
    inputs: { 'prometheus-url': url, 'bad-query': 'x', 'total-query': 'y', at: 'yesterday' },
  });
  expect(at.stdout).toMatch(/Input "at" is "yesterday", which is not allowed: use RFC 3339/);
});
