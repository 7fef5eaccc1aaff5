import {
  type Bucket,
  type Counts,
  type Span,
  badFromGood,
  bucketStep,
  slicesToBuckets,
  sumBuckets,
  windowSpan,
} from './budget.js';
import type { Fetched, SloData, SloPolicy } from './decision.js';
import { type BurnRule, currentRateWindow, defaultRules, ruleWindows } from './policy.js';
import { type SliQuery, bucketExpression, countExpression } from './promql.js';
import type { Slo } from './slo.js';
import { plural } from '../../../shared/english.js';
import { truncate } from '../../../shared/neutralise.js';

/** What one SLO needs read, at one evaluation time. */
export interface SloPlan {
  slo: Slo;
  span: Span;
  /** Bucket length; for Timeslices the slice length. */
  step: number;
  policy: SloPolicy;
  /** Window lengths in seconds: the elapsed SLO window, rule windows, the current-rate window. */
  windows: number[];
}

/** One read from a backend: an event count over a window, or counts per step over a window. */
export type Request =
  | { kind: 'count'; query: SliQuery; window: number }
  | { kind: 'buckets'; query: SliQuery; window: number; step: number };

export type Answer = Fetched<number> | Fetched<Array<[number, number]>>;

export function planSlo(
  slo: Slo,
  at: number,
  options: { rules?: readonly BurnRule[]; minBudgetRemaining: number; minCoverage: number },
): SloPlan {
  const span = windowSpan(slo.window, at);
  const rules = options.rules ?? defaultRules(span.length);
  const current = currentRateWindow(span.length);
  const step = slo.budgeting.method === 'timeslices' ? slo.budgeting.sliceSeconds : bucketStep(span.length);
  return {
    slo,
    span,
    step,
    policy: {
      rules,
      minBudgetRemaining: options.minBudgetRemaining,
      minCoverage: options.minCoverage,
      currentRateWindow: current,
    },
    windows: [...new Set([span.elapsed, ...ruleWindows(rules), current])],
  };
}

const numerator = (slo: Slo): SliQuery => (slo.good ?? slo.bad)!;

/** The reads a plan needs. Timeslices read only slices; every count comes from them. */
export function requestsFor(plan: SloPlan): Request[] {
  const { slo, span, step } = plan;
  const buckets = [numerator(slo), slo.total].map((query): Request => ({
    kind: 'buckets',
    query,
    window: span.elapsed,
    step,
  }));
  if (slo.budgeting.method === 'timeslices') return buckets;
  const counts = plan.windows.flatMap((window) =>
    [numerator(slo), slo.total].map((query): Request => ({ kind: 'count', query, window })),
  );
  return [...counts, ...buckets];
}

/** The PromQL a request stands for; also its identity, so SLOs sharing a query read it once. */
export function requestExpression(request: Request): string {
  return request.kind === 'count'
    ? countExpression(request.query, request.window)
    : bucketExpression(request.query, request.window, request.step);
}

/** Float noise between two sums of the same samples, never a real difference in events. */
const NOISE = 1e-9;

/**
 * Bad events from the numerator and the total of the same span, or why they are impossible: a
 * numerator above the total, or good and total series with different labels, never pass a gate.
 */
function badEvents(slo: Slo, numer: number, total: number): { bad: number } | { error: string } {
  const name = slo.good ? 'good' : 'bad';
  if (numer > total * (1 + NOISE) + NOISE)
    return {
      error: `${plural(numer, `${name} event`)} ${numer === 1 ? 'exceeds' : 'exceed'} the total of ${total}`,
    };
  return { bad: slo.good ? badFromGood(numer, total) : Math.min(numer, total) };
}

function unpaired(numer: { series?: string }, total: { series?: string }): string | undefined {
  return numer.series !== undefined && total.series !== undefined && numer.series !== total.series
    ? `the numerator series ${truncate(numer.series, 120)} and the total series ${truncate(total.series, 120)} do not pair up`
    : undefined;
}

function toCounts(slo: Slo, numer: Fetched<number>, total: Fetched<number>): Fetched<Counts> {
  if (!numer.ok) return numer;
  if (!total.ok) return total;
  const mismatch = unpaired(numer, total);
  if (mismatch) return { ok: false, error: mismatch };
  const counted = badEvents(slo, numer.value, total.value);
  return 'error' in counted
    ? { ok: false, error: counted.error }
    : { ok: true, value: { bad: counted.bad, total: total.value } };
}

/**
 * Joins per-step numerator and total points into buckets. A step with a total but no bad point had
 * no errors (error series appear at the first error); every other step must pair: a numerator
 * without a total, or a total without a good point, is data the gate cannot trust.
 */
function toBuckets(
  slo: Slo,
  numer: Fetched<Array<[number, number]>>,
  total: Fetched<Array<[number, number]>>,
): Fetched<Bucket[]> {
  if (!numer.ok) return numer;
  if (!total.ok) return total;
  const mismatch = unpaired(numer, total);
  if (mismatch) return { ok: false, error: mismatch };
  const totals = new Map(total.value);
  const stray = numer.value.find(([end]) => !totals.has(end));
  if (stray) return { ok: false, error: `the history has a numerator at ${stray[0]} but no total there` };
  const numerators = new Map(numer.value);
  const buckets: Bucket[] = [];
  for (const [end, count] of total.value) {
    const value = numerators.get(end);
    if (slo.good && value === undefined)
      return { ok: false, error: `the history has a total at ${end} but no good events there` };
    const counted = badEvents(slo, value ?? 0, count);
    if ('error' in counted) return { ok: false, error: `at ${end} ${counted.error}` };
    buckets.push({ end, bad: counted.bad, total: count });
  }
  return { ok: true, value: buckets };
}

/** Turns the backend's answers (keyed by requestExpression) into the data one SLO is decided on. */
export function assemble(plan: SloPlan, answers: ReadonlyMap<string, Answer>): SloData {
  const { slo, span } = plan;
  // A failure names the query, so the reason says which of good, bad or total has no data.
  const answer = <T>(request: Request): Fetched<T> => {
    const found = answers.get(requestExpression(request)) ?? { ok: false, error: 'it was not run' };
    if (found.ok) return found as Fetched<T>;
    const part = request.query === slo.total ? 'total' : slo.good ? 'good-events' : 'bad-events';
    return {
      ...found,
      error: `the ${part} query ${truncate(requestExpression(request), 160)} failed: ${found.error}`,
    };
  };
  const numerBuckets = answer<Array<[number, number]>>({
    kind: 'buckets',
    query: numerator(slo),
    window: span.elapsed,
    step: plan.step,
  });
  const totalBuckets = answer<Array<[number, number]>>({
    kind: 'buckets',
    query: slo.total,
    window: span.elapsed,
    step: plan.step,
  });
  const raw = toBuckets(slo, numerBuckets, totalBuckets);
  const counts = new Map<number, Fetched<Counts>>();
  if (slo.budgeting.method === 'timeslices') {
    const target = slo.budgeting.sliceTarget;
    const buckets: Fetched<Bucket[]> = raw.ok ? { ok: true, value: slicesToBuckets(raw.value, target) } : raw;
    for (const window of plan.windows) {
      counts.set(
        window,
        buckets.ok ? { ok: true, value: sumBuckets(buckets.value, span.end - window, span.end) } : buckets,
      );
    }
    return { counts, buckets };
  }
  // Client libraries create an error series on the first error after a restart, so a bad-events
  // selector that matched in the SLO window may match nothing in the last 5 minutes: zero errors.
  const badSeen =
    !slo.good && answer<number>({ kind: 'count', query: numerator(slo), window: span.elapsed }).ok;
  for (const window of plan.windows) {
    const numer = answer<number>({ kind: 'count', query: numerator(slo), window });
    const recentlyNone = badSeen && !numer.ok && numer.noData;
    counts.set(
      window,
      toCounts(
        slo,
        recentlyNone ? { ok: true, value: 0 } : numer,
        answer<number>({ kind: 'count', query: slo.total, window }),
      ),
    );
  }
  return { counts, buckets: raw };
}
