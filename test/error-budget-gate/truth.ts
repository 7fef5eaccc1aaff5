import { type Fixture, trueEvents } from '../support/prometheus.js';

// The known truth about the generated fixture, computed straight from its per-minute counts with
// none of the action's code: what every number the gate reports is checked against.

export const DAY = 86400;
export const HOUR = 3600;
type Pick = (labels: ReadonlyMap<string, string>) => boolean;
export const api: Pick = (l) => l.get('job') === 'api';
export const apiBad: Pick = (l) => l.get('job') === 'api' && l.get('code') === '500';
export const checkout: Pick = (l) => l.get('job') === 'checkout';
export const checkoutBad: Pick = (l) => l.get('job') === 'checkout' && l.get('code') === '500';

export interface Truth {
  bad: number;
  total: number;
}

export function truthOf(fixture: Fixture) {
  const truth = (bad: Pick, total: Pick, from: number, to: number): Truth => ({
    bad: trueEvents(fixture, bad, from, to),
    total: trueEvents(fixture, total, from, to),
  });
  const burn = (t: Truth, objective: number) => (t.total === 0 ? 0 : t.bad / t.total / (1 - objective));

  /** The Workbook rules at 30 days for the api, and whether each fires. */
  const trueRules = (at: number, objective: number) => {
    const rate = (w: number) => burn(truth(apiBad, api, at - w, at), objective);
    return [
      { long: HOUR, short: 300, threshold: 14.4, severity: 'block' },
      { long: 6 * HOUR, short: 1800, threshold: 6, severity: 'block' },
      { long: 3 * DAY, short: 6 * HOUR, threshold: 1, severity: 'warn' },
    ].map((r) => ({ ...r, fired: rate(r.long) > r.threshold && rate(r.short) > r.threshold }));
  };

  /**
   * When the api's 30-day window next has budget left, with old hourly buckets leaving and new hours
   * arriving at the average hourly volume and the error ratio of the last 30 minutes.
   */
  const trueReopen = (at: number, objective: number): number | undefined => {
    const window = 30 * DAY;
    const now = truth(apiBad, api, at - 1800, at);
    const ratio = now.bad / now.total;
    const hourly = trueEvents(fixture, api, at - window, at) / 720;
    const fired = trueRules(at, objective).filter((r) => r.fired && r.severity === 'block');
    for (let k = 1; k <= 720; k++) {
      const t = at + k * HOUR;
      const old = truth(apiBad, api, t - window, at);
      const budget = 1 - (old.bad + k * ratio * hourly) / ((1 - objective) * (old.total + k * hourly));
      if (budget > 0) return Math.max(t, at + Math.max(0, ...fired.map((r) => r.short)));
    }
    return undefined;
  };
  return { truth, burn, trueRules, trueReopen };
}
