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

function toCounts(slo: Slo, numer: Fetched<number>, total: Fetched<number>): Fetched<Counts> {
  if (!numer.ok) return numer;
  if (!total.ok) return total;
  return {
    ok: true,
    value: { bad: slo.good ? badFromGood(numer.value, total.value) : numer.value, total: total.value },
  };
}

/**
 * Joins per-step numerator and total points into buckets. A step with a total but no bad point had
 * no errors; a step with a total but no good point is unknown and left out (it lowers coverage).
 */
function toBuckets(slo: Slo, numer: Array<[number, number]>, total: Array<[number, number]>): Bucket[] {
  const numerators = new Map(numer);
  const buckets: Bucket[] = [];
  for (const [end, count] of total) {
    const value = numerators.get(end);
    if (slo.good && value === undefined) continue;
    buckets.push({ end, bad: slo.good ? badFromGood(value!, count) : (value ?? 0), total: count });
  }
  return buckets;
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
  const failed = !numerBuckets.ok ? numerBuckets : !totalBuckets.ok ? totalBuckets : undefined;
  const raw = failed ?? {
    ok: true as const,
    value: toBuckets(
      slo,
      numerBuckets.ok ? numerBuckets.value : [],
      totalBuckets.ok ? totalBuckets.value : [],
    ),
  };
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
