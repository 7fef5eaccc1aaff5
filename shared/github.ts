import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { UserError } from './errors.js';
import type { ActionIO, Logger } from './io.js';
import { boundIssueText } from './limits.js';
import { showText } from './neutralise.js';
import { NETWORK_DEFAULTS, type NetworkPolicies } from './network.js';
import { redactDeep } from './redact.js';

export type GitHub = ReturnType<typeof getOctokit>;

export interface GitHubOptions extends Partial<NetworkPolicies['github']> {
  token: string;
  /** GITHUB_API_URL: github.com, GHES, or the test server. */
  apiUrl: string;
  log: Pick<Logger, 'debug' | 'warning'>;
  /** Applied to every text a request sends out (see OUTGOING_TEXT). */
  redact: (text: string) => string;
}

/**
 * Request parameters that carry free text to GitHub, where it is public and never masked: issue and
 * comment bodies, titles, tag and commit messages, descriptions, deployment payloads, and the links
 * a deployment status shows (a URL with credentials in it would be shown to every reader).
 */
const OUTGOING_TEXT = [
  'body',
  'title',
  'message',
  'description',
  'payload',
  'environment_url',
  'log_url',
  'target_url',
] as const;

/**
 * An Octokit from @actions/github with throttling (waits out primary and secondary rate limits,
 * honouring `retry-after`), retries with back-off, and a per-request timeout. POST requests are
 * not retried here: creating things goes through `findOrCreate`, which looks before it re-creates.
 */
export function createGitHub(options: GitHubOptions): GitHub {
  const defaults = NETWORK_DEFAULTS.github;
  const retries = options.retries ?? defaults.retries;
  const retryBaseMs = options.retryBaseMs ?? defaults.retryBaseMs;
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  const maxWait = options.maxRateLimitWaitSeconds ?? defaults.maxRateLimitWaitSeconds;
  const limitHandler =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const wait = retryAfter <= maxWait && retryCount < retries;
      options.log.warning(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; ${wait ? `retrying after ${retryAfter} s` : 'giving up'}.`,
      );
      return wait;
    };
  // Each attempt gets its own deadline; the proxy-aware fetch of @actions/github does the work.
  const baseFetch = (actionsDefaults.request?.fetch as typeof fetch | undefined) ?? fetch;
  const timedFetch: typeof fetch = (url, init) =>
    baseFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      throttle: {
        onRateLimit: limitHandler('primary'),
        onSecondaryRateLimit: limitHandler('secondary'),
        retryAfterBaseValue: retryBaseMs,
      },
      // 409 (stale sha) and 422 (validation) are answers, not failures worth repeating.
      retry: {
        retries,
        retryAfterBaseValue: retryBaseMs,
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
      },
      request: { fetch: timedFetch },
    },
    retry,
    throttling,
  );
  octokit.hook.wrap('request', async (request, endpoint) => {
    options.log.debug(`GitHub API ${endpoint.method} ${endpoint.url}`);
    if (endpoint.method === 'POST') endpoint.request = { ...endpoint.request, retries: 0 };
    for (const key of OUTGOING_TEXT)
      if (endpoint[key] !== undefined) endpoint[key] = redactDeep(endpoint[key], options.redact);
    // every issue, pull request and comment text keeps to GitHub's 65,536 characters, saying what was cut
    // and shows hidden or direction-changing characters in names escaped
    if (/\/(issues|pulls)\b/.test(endpoint.url)) {
      if (typeof endpoint.body === 'string') endpoint.body = boundIssueText(showText(endpoint.body));
      if (typeof endpoint.title === 'string') endpoint.title = showText(endpoint.title);
    }
    return request(endpoint);
  });
  return octokit;
}

/** The HTTP status of an Octokit error, or undefined for network failures and timeouts. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

/** True when a request may have reached GitHub and failed on its side (5xx, timeout, dropped). */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500 || status === 429;
}

export function isAlreadyExists(error: unknown): boolean {
  const e = error as { status?: number; message?: string; response?: { data?: unknown } };
  return (
    e?.status === 422 &&
    /already exists/i.test(`${e.message ?? ''} ${JSON.stringify(e.response?.data ?? '')}`)
  );
}

export interface FindOrCreate<T> {
  /** What is being created, for errors: `deploy tag deploy/prod/3`. */
  what: string;
  find: () => Promise<T | undefined>;
  create: () => Promise<T>;
  /** Whether an existing object is the one we meant to create (same sha, same key). */
  isSame: (existing: T) => boolean;
  attempts?: number;
}

/**
 * Creates an object at most once. Looks first; creates; when creation fails in a way that may have
 * succeeded on GitHub's side (5xx, timeout) or says "already exists", looks again before retrying.
 * An existing object that is not the same one is a conflict, reported as a user error.
 */
export async function findOrCreate<T>(spec: FindOrCreate<T>): Promise<{ value: T; created: boolean }> {
  const attempts = spec.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const existing = await spec.find();
    if (existing !== undefined) {
      if (!spec.isSame(existing)) {
        throw new UserError(`Cannot create ${spec.what}: a different one already exists.`);
      }
      return { value: existing, created: false };
    }
    try {
      return { value: await spec.create(), created: true };
    } catch (error) {
      if (!(isAlreadyExists(error) || isTransient(error)) || attempt >= attempts) throw error;
    }
  }
}

/** Turns an API failure into advice: missing permission, missing token scope, not found. */
export function explainApiError(what: string, error: unknown, permission?: string): UserError {
  const status = statusOf(error);
  const detail = (error as Error)?.message?.split('\n')[0] ?? String(error);
  const advice =
    status === 401
      ? 'the token is invalid or expired'
      : status === 403 || status === 404
        ? `the token may lack ${permission ? `"permissions: ${permission}"` : 'the needed permission'}, or the object does not exist`
        : status === undefined
          ? 'GitHub did not answer in time'
          : `GitHub answered ${status}`;
  return new UserError(`${what} failed (${advice}): ${detail}`, { cause: error });
}

/**
 * The GitHub client an action uses (the token input is masked by parseInputs), API URL from GITHUB_API_URL (GHES and the test
 * server work), timeouts and retries from `io.network` over the production ones, a clear error
 * naming the input when the token is missing.
 */
export function connectGitHub(
  io: Pick<ActionIO, 'env' | 'redact' | 'log' | 'network'>,
  token: string | undefined,
  why: string,
): GitHub {
  if (!token) {
    throw new UserError(
      `Input "token" is empty, but ${why} needs the GitHub API; pass token: \${{ github.token }} (the default) or turn that option off.`,
    );
  }
  return createGitHub({
    ...io.network?.github,
    token,
    apiUrl: io.env.GITHUB_API_URL ?? 'https://api.github.com',
    log: io.log,
    redact: io.redact,
  });
}
