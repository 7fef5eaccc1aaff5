import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Prometheus, PrometheusError, parseHeaders, parseSampleValue } from '../../shared/prometheus.js';

// shared/prometheus.ts against a real HTTP server on 127.0.0.1 that answers the way broken or
// hostile endpoints do: HTML login pages, error statuses, garbage values, answers that never come.

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let url: string;
let handler: Handler;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const vector = (value: string) => ({
  status: 'success',
  data: { resultType: 'vector', result: [{ metric: {}, value: [1, value] }] },
});
const client = (options: Partial<ConstructorParameters<typeof Prometheus>[0]> = {}) =>
  new Prometheus({ url, retryBaseMs: 5, timeoutMs: 2000, log: { debug: () => undefined }, ...options });

describe('shared/prometheus against hostile answers', () => {
  test('reads a vector and sends the query and time', async () => {
    handler = json(200, vector('42.5'));
    const result = await client().query('sum(up)', 1794787200);
    expect(result).toEqual({ type: 'vector', samples: [{ labels: new Map(), value: 42.5 }] });
    const sent = new URL(seen[0]!.url!, url);
    expect(sent.pathname).toBe('/api/v1/query');
    expect(sent.searchParams.get('query')).toBe('sum(up)');
    expect(sent.searchParams.get('time')).toBe('1794787200');
  });

  test.each([
    [
      'an HTML login page',
      (_: IncomingMessage, res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>login</html>');
      },
      /text\/html instead of JSON/,
    ],
    [
      'a 400 with a PromQL error',
      json(400, { status: 'error', errorType: 'bad_data', error: 'parse error: unexpected end of input' }),
      /rejected the query \(HTTP 400, bad_data\): parse error/,
    ],
    ['a 401', json(401, { status: 'error' }), /credentials .* missing, wrong or lack access/],
    [
      'a value that is not a number',
      json(200, vector('1,5')),
      /unexpected result: sample value "1,5" is not a number/,
    ],
    [
      'a result that is not a list',
      json(200, { status: 'success', data: { resultType: 'vector', result: 'x' } }),
      /unexpected result/,
    ],
    [
      'JSON that does not parse',
      (_: IncomingMessage, res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":');
      },
      /does not parse/,
    ],
  ])('%s fails at once with advice', async (_, answer, message) => {
    handler = answer;
    await expect(client().query('up', 1)).rejects.toThrow(message);
    expect(seen).toHaveLength(1);
  });

  test('5xx is retried with back-off and then succeeds', async () => {
    let calls = 0;
    handler = (req, res) =>
      ++calls < 3
        ? json(503, { status: 'error', error: 'overloaded' })(req, res)
        : json(200, vector('7'))(req, res);
    const result = await client().query('up', 1);
    expect(result.type === 'vector' && result.samples[0]!.value).toBe(7);
    expect(seen).toHaveLength(3);
  });

  test('persistent 5xx gives up after the retries, naming the status', async () => {
    handler = json(500, { status: 'error', error: 'boom' });
    await expect(client({ retries: 2 }).query('up', 1)).rejects.toThrow(
      /HTTP 500: boom \(after 3 attempts\)/,
    );
    expect(seen).toHaveLength(3);
  });

  test('an answer slower than the timeout is abandoned, within a bounded time', async () => {
    handler = (_, res) => {
      setTimeout(() => json(200, vector('1'))(_, res), 1500);
    };
    const started = Date.now();
    await expect(client({ timeoutMs: 100, retries: 1 }).query('up', 1)).rejects.toThrow(
      /did not answer within 100 ms \(after 2 attempts\)/,
    );
    expect(Date.now() - started).toBeLessThan(1200);
  });

  test('NaN and infinities come through as numbers for the caller to refuse', async () => {
    for (const [text, value] of [
      ['NaN', NaN],
      ['+Inf', Infinity],
      ['-Inf', -Infinity],
      ['1e3', 1000],
    ] as const) {
      handler = json(200, vector(text));
      const result = await client().query('up', 1);
      expect(result.type === 'vector' && result.samples[0]!.value).toBe(value);
    }
  });

  test('credentials: bearer token and URL user info become headers, a path prefix is kept, nothing secret is in errors', async () => {
    handler = json(500, { status: 'error', error: 'no' });
    const prefixed = new Prometheus({
      url: `http://ada:s3cr%40t@127.0.0.1:${new URL(url).port}/prom/`,
      headers: parseHeaders('X-Scope-OrgID: tenant-1', 'tok-123'),
      retries: 0,
      log: { debug: () => undefined },
    });
    const error = (await prefixed.query('up', 1).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(PrometheusError);
    expect(error.message).not.toMatch(/s3cr|tok-123|tenant-1/);
    expect(prefixed.address).toBe(`http://127.0.0.1:${new URL(url).port}/prom`);
    expect(seen[0]!.url).toMatch(/^\/prom\/api\/v1\/query\?/);
    expect(seen[0]!.headers.authorization).toBe('Bearer tok-123');
    expect(seen[0]!.headers['x-scope-orgid']).toBe('tenant-1');

    const basic = new Prometheus({
      url: `http://ada:s3cr%40t@127.0.0.1:${new URL(url).port}`,
      retries: 0,
      log: { debug: () => undefined },
    });
    await basic.query('up', 1).catch(() => undefined);
    expect(seen[1]!.headers.authorization).toBe(`Basic ${Buffer.from('ada:s3cr@t').toString('base64')}`);
  });

  test('queryAll keeps order and reports each failure on its own', async () => {
    handler = (req, res) => {
      const query = new URL(req.url!, url).searchParams.get('query')!;
      if (query === 'bad') json(400, { status: 'error', error: 'nope' })(req, res);
      else json(200, vector(query))(req, res);
    };
    const outcomes = await client({ concurrency: 2 }).queryAll(
      ['1', 'bad', '3', '4'].map((expr) => ({ expr, time: 1 })),
    );
    expect(
      outcomes.map((o) =>
        o.ok ? (o.result.type === 'vector' ? o.result.samples[0]!.value : o.result.type) : 'error',
      ),
    ).toEqual([1, 'error', 3, 4]);
  });

  test('a URL that is not http(s) is refused', () => {
    expect(() => client({ url: 'file:///etc/passwd' })).toThrow(/must start with http/);
    expect(() => client({ url: 'not a url' })).toThrow(/not a valid URL/);
  });
});

describe('parseSampleValue and parseHeaders', () => {
  test.each([
    ['0', 0],
    ['-1.5', -1.5],
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['NaN', NaN],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
  ])('%s -> %s', (text, value) => expect(parseSampleValue(text)).toBe(value));

  test.each(['', ' 1', '1,5', '0x10', 'nan', 'Infinity', '1e', '--1'])('%j is refused', (text) => {
    expect(() => parseSampleValue(text)).toThrow(/not a number/);
  });
  test('a non-string value is refused', () => expect(() => parseSampleValue(1)).toThrow(/not a string/));

  test('headers: one per line, names checked, values never echoed', () => {
    expect(parseHeaders('Authorization: Basic abc\n# comment\n\nX-Scope-OrgID:  t1 ')).toEqual(
      new Map([
        ['authorization', 'Basic abc'],
        ['x-scope-orgid', 't1'],
      ]),
    );
    expect(() => parseHeaders('Authorization: ok\nnot a header secretvalue')).toThrow(
      /^Line 2 of input "prometheus-headers" is not a header/,
    );
    expect(() => parseHeaders('bad name: secretvalue')).not.toThrow(/secretvalue/);
  });
});
