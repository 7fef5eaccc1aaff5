import type { GitHub } from './github.js';
import type { ActionIO } from './io.js';

/**
 * The GitHub client of one run, connected on first use: a run that never calls GitHub neither loads
 * the client (most of an action's start-up cost) nor needs a token. `connect(why)` names what needs
 * it, for the error when the token is empty; every later call gets the same client.
 */
export function lazyGitHub(
  io: Pick<ActionIO, 'env' | 'redact' | 'log' | 'network'>,
  token: string | undefined,
): (why: string) => Promise<GitHub> {
  let client: Promise<GitHub> | undefined;
  return (why) => (client ??= import('./github.js').then((m) => m.connectGitHub(io, token, why)));
}
