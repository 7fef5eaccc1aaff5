import type { Agent, IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { UserError, describeError } from './errors.js';
import type { Logger } from './io.js';
import { NETWORK_DEFAULTS } from './network.js';

/** One series of an instant vector: its labels and value (NaN and ±Inf kept, never coerced). */
export interface Sample {
  labels: Map<string, string>;
  value: number;
}

/** One series of a range vector (a subquery): points as [unix seconds, value]. */
export interface RangeSeries {
  labels: Map<string, string>;
  points: Array<[number, number]>;
}

export type QueryResult =
  | { type: 'vector'; samples: Sample[] }
  | { type: 'scalar'; value: number }
  | { type: 'matrix'; series: RangeSeries[] };

/** A query that did not give a usable answer; `message` says what happened and what to do. */
export class PrometheusError extends UserError {}

export interface PrometheusOptions {
  /** Base URL, such as https://prometheus.example.com or http://127.0.0.1:9090/prefix. */
  url: string;
  /** Extra request headers (Authorization, X-Scope-OrgID). Never logged. */
  headers?: ReadonlyMap<string, string>;
  /** Milliseconds one attempt may take. */
  timeoutMs?: number;
  /** Further attempts after a transient failure (network, timeout, 429, 5xx). */
  retries?: number;
  /** Base of the exponential back-off between attempts, in milliseconds. */
  retryBaseMs?: number;
  /** Queries in flight at once. */
  concurrency?: number;
  log: Pick<Logger, 'debug'>;
}

export type QueryOutcome = { ok: true; result: QueryResult } | { ok: false; error: string };

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a Prometheus sample value strictly: Prometheus sends numbers as strings, including "NaN",
 * "+Inf" and "-Inf". Anything else (empty, "1,5", "0x10") is a protocol error, never a silent 0.
 */
export function parseSampleValue(text: unknown): number {
  if (typeof text !== 'string') throw new Error(`sample value ${JSON.stringify(text)} is not a string`);
  if (text === 'NaN') return NaN;
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (!NUMBER.test(text))
    throw new Error(`sample value ${JSON.stringify(text.slice(0, 40))} is not a number`);
  return Number(text);
}

function parseLabels(metric: unknown): Map<string, string> {
  const labels = new Map<string, string>();
  if (!metric || typeof metric !== 'object') throw new Error('series without a "metric" object');
  for (const [k, v] of Object.entries(metric)) if (typeof v === 'string') labels.set(k, v);
  return labels;
}

function parsePoint(point: unknown): [number, number] {
  if (!Array.isArray(point) || point.length !== 2 || typeof point[0] !== 'number') {
    throw new Error(`point ${JSON.stringify(point).slice(0, 60)} is not [time, "value"]`);
  }
  return [point[0], parseSampleValue(point[1])];
}

/** Reads the `data` of a successful /api/v1/query answer. Throws on any shape it does not know. */
export function parseQueryData(data: unknown): QueryResult {
  const { resultType, result } = (data ?? {}) as { resultType?: unknown; result?: unknown };
  if (resultType === 'scalar') return { type: 'scalar', value: parsePoint(result)[1] };
  if (!Array.isArray(result))
    throw new Error(`"data.result" is not a list (resultType ${String(resultType)})`);
  if (resultType === 'vector') {
    return {
      type: 'vector',
      samples: result.map((s: { metric?: unknown; value?: unknown }) => ({
        labels: parseLabels(s.metric),
        value: parsePoint(s.value)[1],
      })),
    };
  }
  if (resultType === 'matrix') {
    return {
      type: 'matrix',
      series: result.map((s: { metric?: unknown; values?: unknown }) => {
        if (!Array.isArray(s.values)) throw new Error('a matrix series has no "values" list');
        return { labels: parseLabels(s.metric), points: s.values.map(parsePoint) };
      }),
    };
  }
  throw new Error(`unsupported resultType ${JSON.stringify(resultType)}`);
}

/**
 * node:http or node:https and its kept-alive connections, shared by all queries of a run; loaded on
 * the first query, not at start-up (the two with tls are a large part of loading this action).
 */
const clients: { [protocol: string]: Promise<{ request: typeof httpRequest; agent: Agent }> } = {};
const clientFor = (protocol: string) =>
  (clients[protocol] ??= (protocol === 'https:' ? import('node:https') : import('node:http')).then(
    (http) => ({
      request: http.request,
      agent: new http.Agent({ keepAlive: true }),
    }),
  ));

class Transient extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * Reads Prometheus through its HTTP API (`/api/v1/query` with `time=`), which Thanos, Mimir, Cortex,
 * VictoriaMetrics and Grafana Cloud also serve. Each attempt has a deadline; network failures,
 * timeouts, 429 and 5xx are retried with back-off; everything else fails at once with advice.
 */
export class Prometheus {
  private readonly origin: string;
  /** Path prefix without a trailing slash ('' at the root). */
  private readonly prefix: string;
  private readonly headers: Record<string, string>;

  constructor(private readonly options: PrometheusOptions) {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      throw new UserError(
        'The Prometheus URL is not a valid URL; use one such as https://prometheus.example.com.',
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new UserError(`The Prometheus URL must start with http:// or https://, not ${url.protocol}//.`);
    }
    // Answers are small; decompressing hundreds of them costs more CPU (about 1 ms each) than it saves.
    this.headers = { accept: 'application/json', 'accept-encoding': 'identity' };
    // Credentials inside a URL would be sent nowhere useful and logged with it: make them Basic auth.
    if (url.username || url.password) {
      const user = decodeURIComponent(url.username);
      const password = decodeURIComponent(url.password);
      this.headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    for (const [name, value] of options.headers ?? []) this.headers[name.toLowerCase()] = value;
    this.origin = url.origin;
    this.prefix = url.pathname.replace(/\/+$/, '');
  }

  /** The address without credentials, safe to print. */
  get address(): string {
    return `${this.origin}${this.prefix}`;
  }

  /** One instant query at `time` (unix seconds). Throws PrometheusError with advice. */
  async query(expr: string, time: number): Promise<QueryResult> {
    const retries = this.options.retries ?? NETWORK_DEFAULTS.prometheus.retries;
    const baseMs = this.options.retryBaseMs ?? NETWORK_DEFAULTS.prometheus.retryBaseMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(expr, time);
      } catch (error) {
        if (!(error instanceof Transient) || attempt >= retries) {
          throw error instanceof PrometheusError
            ? error
            : new PrometheusError(`${describeError(error)} (after ${attempt + 1} attempts)`);
        }
        const wait = Math.min(error.retryAfterMs ?? baseMs * 2 ** attempt, 30_000);
        this.options.log.debug(`Prometheus: ${error.message}; retrying in ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** Runs queries in parallel (bounded); each gives its result or the reason it has none. */
  async queryAll(requests: ReadonlyArray<{ expr: string; time: number }>): Promise<QueryOutcome[]> {
    // One debug line for the lot: a line per query costs a write each, noticeable at hundreds.
    this.options.log.debug(
      `Prometheus: ${requests.length} queries\n${requests.map((r) => `at ${r.time}: ${r.expr}`).join('\n')}`,
    );
    const outcomes: QueryOutcome[] = new Array(requests.length);
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const index = next++;
        const { expr, time } = requests[index]!;
        try {
          outcomes[index] = { ok: true, result: await this.query(expr, time) };
        } catch (error) {
          outcomes[index] = { ok: false, error: describeError(error) };
        }
      }
    };
    const workers = Math.max(1, Math.min(this.options.concurrency ?? 8, requests.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return outcomes;
  }

  /**
   * One GET with node:http(s) (lighter to start than fetch, which loads a second HTTP stack). The
   * deadline covers connecting, waiting and reading; bodies over MAX_BODY_BYTES are refused.
   */
  private async get(
    url: URL,
    timeoutMs: number,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
    const { request, agent } = await clientFor(url.protocol);
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: this.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy(
              new PrometheusError(
                `Prometheus answered with more than ${MAX_BODY_BYTES} bytes; narrow the query.`,
              ),
            );
          } else chunks.push(chunk);
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', () => undefined); // reported through req
      });
      const timer = setTimeout(
        () =>
          req.destroy(new Transient(`Prometheus at ${this.address} did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      req.on('error', (error: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(
          error instanceof PrometheusError || error instanceof Transient
            ? error
            : new Transient(
                `Prometheus at ${this.address} cannot be reached (${error.code ?? describeError(error)})`,
              ),
        );
      });
      req.end();
    });
  }

  private async attempt(expr: string, time: number): Promise<QueryResult> {
    const url = new URL(`${this.origin}${this.prefix}/api/v1/query`);
    url.searchParams.set('query', expr);
    url.searchParams.set('time', String(time));
    const timeoutMs = this.options.timeoutMs ?? NETWORK_DEFAULTS.prometheus.timeoutMs;
    const { status, headers, body } = await this.get(url, timeoutMs);
    const type = headers['content-type'] ?? '';
    if (status === 429 || status >= 500) {
      const retryAfter = Number(headers['retry-after']);
      const detail = type.includes('json') ? apiError(body) : '';
      throw new Transient(
        `Prometheus answered HTTP ${status}${detail ? `: ${detail}` : ''}`,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      );
    }
    if (status === 401 || status === 403) {
      throw new PrometheusError(
        `Prometheus answered HTTP ${status}: the credentials (prometheus-token or prometheus-headers) are missing, wrong or lack access.`,
      );
    }
    if (!type.toLowerCase().includes('application/json')) {
      throw new PrometheusError(
        `Prometheus answered HTTP ${status} with ${type.split(';')[0] || 'no content type'} instead of JSON: is the URL the Prometheus API (not a login page or a proxy)?`,
      );
    }
    let json: {
      status?: unknown;
      data?: unknown;
      errorType?: unknown;
      error?: unknown;
      warnings?: unknown;
      infos?: unknown;
    };
    try {
      json = JSON.parse(body);
    } catch {
      throw new PrometheusError(`Prometheus answered HTTP ${status} with JSON that does not parse.`);
    }
    if (status !== 200 || json.status !== 'success') {
      throw new PrometheusError(
        `Prometheus rejected the query (HTTP ${status}${json.errorType ? `, ${String(json.errorType)}` : ''}): ${apiError(body) || 'no error given'}`,
      );
    }
    // Thanos and Mimir answer `success` with warnings when a store or querier did not answer:
    // the numbers are then partial, and a partial count of errors must never pass a gate.
    const notes = [...notesOf(json.warnings), ...notesOf(json.infos)];
    if (notes.length) {
      throw new PrometheusError(
        `Prometheus answered with ${notes.length} warning${notes.length === 1 ? '' : 's'}, so the data may be partial: ${oneLine(notes[0]!, 300)}`,
      );
    }
    try {
      return parseQueryData(json.data);
    } catch (error) {
      throw new PrometheusError(`Prometheus answered with an unexpected result: ${describeError(error)}.`);
    }
  }
}

/** Backend text in a reason: one line, bounded. */
function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** The `warnings` or `infos` of an answer as text; anything present but not a list counts as one. */
function notesOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [JSON.stringify(value) ?? String(value)];
  return value.map((note) => (typeof note === 'string' ? note : (JSON.stringify(note) ?? String(note))));
}

function apiError(body: string): string {
  try {
    const error = (JSON.parse(body) as { error?: unknown }).error;
    return typeof error === 'string' ? oneLine(error, 300) : '';
  } catch {
    return '';
  }
}

/**
 * Headers from a secret input: one `Name: value` per line. A bearer token becomes Authorization.
 * Values are secrets: errors name the line number, never its content.
 */
export function parseHeaders(text: string, bearerToken?: string): Map<string, string> {
  const headers = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name) || /[\r\n\0]/.test(line)) {
      throw new UserError(
        `Line ${index + 1} of input "prometheus-headers" is not a header; write one "Name: value" per line.`,
      );
    }
    headers.set(name.toLowerCase(), line.slice(colon + 1).trim());
  });
  if (bearerToken) headers.set('authorization', `Bearer ${bearerToken}`);
  return headers;
}
