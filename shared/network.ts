/**
 * How the remote services an action calls are waited for and retried: the production values in one
 * place. Clients take them as constructor options; the command line and the runner pass none, so
 * these apply; tests shorten them in-process through `ActionIO.network` or the client's options.
 */
export interface NetworkPolicy {
  /** Milliseconds one request may take before it is abandoned (and retried when that is safe). */
  timeoutMs: number;
  /** Further attempts after a transient failure (network, timeout, 5xx). */
  retries: number;
  /** Base of the back-off between attempts, in milliseconds (it grows with each attempt). */
  retryBaseMs: number;
}

export interface NetworkPolicies {
  /** The REST API; rate limits are waited out as `retry-after` says, up to `maxRateLimitWaitSeconds`. */
  github: NetworkPolicy & { maxRateLimitWaitSeconds: number };
  /** The Prometheus HTTP API (the gate's `query-timeout` input sets its timeout). */
  prometheus: NetworkPolicy;
}

export const NETWORK_DEFAULTS: NetworkPolicies = {
  github: { timeoutMs: 30_000, retries: 3, retryBaseMs: 1000, maxRateLimitWaitSeconds: 120 },
  prometheus: { timeoutMs: 15_000, retries: 2, retryBaseMs: 500 },
};

/** Some values of each policy, the rest from NETWORK_DEFAULTS. */
export type NetworkOptions = { [K in keyof NetworkPolicies]?: Partial<NetworkPolicies[K]> };
