import { plural } from '../../../shared/english.js';
import { type RunResults, finallyFailed } from './results.js';

export interface VerdictInput {
  results: RunResults;
  /** Quarantine as it stood before this step: evidence from this step never unblocks it. */
  quarantinedBefore: ReadonlySet<string>;
  /** Failed on every attempt of this commit: blocks even when quarantined automatically. */
  broken: ReadonlySet<string>;
  /** Forced in by the manual file: a human decision that broken does not override. */
  forcedIn: ReadonlySet<string>;
  reportErrors: number;
  failOnBadReport: boolean;
}

export interface Verdict {
  verdict: 'pass' | 'fail';
  blockingFailures: string[];
  quarantinedFailures: string[];
  /** One short reason per cause of a fail, for the summary and the step's message. */
  reasons: string[];
}

/** Failures of quarantined tests are reported but do not block; everything else that failed does. */
export function decideVerdict(input: VerdictInput): Verdict {
  const blockingFailures: string[] = [];
  const quarantinedFailures: string[] = [];
  for (const test of input.results.tests.values()) {
    if (!finallyFailed(test)) continue;
    const waived =
      input.forcedIn.has(test.id) || (input.quarantinedBefore.has(test.id) && !input.broken.has(test.id));
    (waived ? quarantinedFailures : blockingFailures).push(test.id);
  }
  const reasons: string[] = [];
  if (blockingFailures.length) reasons.push(`${plural(blockingFailures.length, 'test')} failed`);
  if (input.results.suiteErrors.length) reasons.push(plural(input.results.suiteErrors.length, 'suite error'));
  if (input.reportErrors && input.failOnBadReport)
    reasons.push(`${plural(input.reportErrors, 'report')} could not be read`);
  return { verdict: reasons.length ? 'fail' : 'pass', blockingFailures, quarantinedFailures, reasons };
}
