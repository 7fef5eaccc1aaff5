import { plural } from '../../../shared/english.js';
import {
  type Bucket,
  type Counts,
  type Span,
  budgetHistory,
  budgetRemaining,
  burnRate,
  coverage,
  errorRatio,
  forecastReopen,
} from './budget.js';
import { type BurnRule, type RuleResult, evaluateRules } from './policy.js';
import type { Slo } from './slo.js';

export type Decision = 'pass' | 'warn' | 'block' | 'inconclusive' | 'override';

/** A value from the backend, or why there is none. */
export type Fetched<T> =
  | { ok: true; value: T; /** The label set of the series it came from, for pairing. */ series?: string }
  | { ok: false; error: string; noData?: boolean };

/** What the backend returned for one SLO, already in counts (Timeslices: slices). */
export interface SloData {
  /** Counts by window length in seconds: the SLO window (elapsed part) and each rule window. */
  counts: ReadonlyMap<number, Fetched<Counts>>;
  /** Buckets over the window, for coverage, history and forecast. */
  buckets: Fetched<Bucket[]>;
}

export interface SloPolicy {
  rules: readonly BurnRule[];
  minBudgetRemaining: number;
  minCoverage: number;
  /** Window (seconds) whose error ratio the forecast takes as current. */
  currentRateWindow: number;
}

export interface SloResult {
  slo: Slo;
  decision: Exclude<Decision, 'override'>;
  reason: string;
  span: Span;
  step: number;
  window?: Counts;
  errorRatio?: number;
  budgetRemaining?: number;
  coverage?: number;
  /** Burn rate by window length (seconds). */
  burnRates: Map<number, number>;
  rules: RuleResult[];
  history: Array<[number, number]>;
  reopensAt?: number;
}

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

/** A count is usable only when finite, not negative and bad <= total: impossible data never passes. */
function usable(c: Counts): boolean {
  return Number.isFinite(c.bad) && Number.isFinite(c.total) && c.bad >= 0 && c.bad <= c.total;
}

/** Data whose newest bucket ends more than this many steps before the evaluation time is stale. */
const STALE_STEPS = 2;

/**
 * Decides one SLO. Every doubt (missing data, NaN/Inf, query errors, too little coverage, no
 * traffic) is `inconclusive`, so the gate never passes on numbers it does not have.
 */
export function decideSlo(slo: Slo, span: Span, step: number, data: SloData, policy: SloPolicy): SloResult {
  const result: SloResult = {
    slo,
    decision: 'inconclusive',
    reason: '',
    span,
    step,
    burnRates: new Map(),
    rules: [],
    history: [],
  };
  // The reason is one line: backend text may hold line breaks, and outputs and logs show one line.
  const inconclusive = (reason: string) =>
    Object.assign(result, {
      decision: 'inconclusive' as const,
      reason: reason.replace(/[\r\n\u0085\u2028\u2029]+/g, ' '),
    });

  if (!data.buckets.ok) return inconclusive(data.buckets.error);
  const newest = data.buckets.value.reduce(
    (max, b) => (b.end <= span.end && b.end > max ? b.end : max),
    -Infinity,
  );
  if (!Number.isFinite(newest)) return inconclusive('no data in the window');
  if (newest < span.end - STALE_STEPS * step)
    return inconclusive(
      `the data ends at ${new Date(newest * 1000).toISOString()}, ${duration(span.end - newest)} before the evaluation time: is the metric still scraped?`,
    );
  result.coverage = coverage(data.buckets.value, span, step);
  const main = data.counts.get(span.elapsed);
  if (!main?.ok) return inconclusive(main?.error ?? 'the window was not read');
  if (!usable(main.value))
    return inconclusive(
      `the window query returned ${main.value.bad} bad of ${plural(main.value.total, 'event')}`,
    );
  if (main.value.total === 0) return inconclusive('no events in the window, so there is no error ratio');
  result.window = main.value;
  result.errorRatio = errorRatio(main.value);
  result.budgetRemaining = budgetRemaining(main.value, slo.objective);
  result.history = budgetHistory(data.buckets.value, main.value, slo.objective);
  if (result.coverage < policy.minCoverage) {
    return inconclusive(
      `data covers ${percent(result.coverage)} of the window, less than min-coverage ${percent(policy.minCoverage)} (is Prometheus retention shorter than the window?)`,
    );
  }

  for (const [length, fetched] of data.counts) {
    if (!fetched.ok) return inconclusive(fetched.error);
    if (!usable(fetched.value))
      return inconclusive(
        `the ${duration(length)} window returned ${fetched.value.bad} bad of ${plural(fetched.value.total, 'event')}`,
      );
    result.burnRates.set(length, burnRate(fetched.value, slo.objective));
  }
  result.rules = evaluateRules(policy.rules, result.burnRates);

  const firingBlocks = result.rules.filter((r) => r.fired && r.rule.severity === 'block');
  const firingWarns = result.rules.filter((r) => r.fired && r.rule.severity === 'warn');
  const spent = result.budgetRemaining <= policy.minBudgetRemaining;
  const describeRule = (r: RuleResult) =>
    `burn rate ${r.longRate.toFixed(1)}x over ${duration(r.rule.long)} and ${r.shortRate.toFixed(1)}x over ${duration(r.rule.short)} exceed ${r.rule.burnRate}x`;
  if (spent || firingBlocks.length) {
    result.decision = 'block';
    result.reason = [
      ...(spent
        ? [
            `budget remaining ${percent(result.budgetRemaining)} is at or below ${percent(policy.minBudgetRemaining)}`,
          ]
        : []),
      ...firingBlocks.map(describeRule),
    ].join('; ');
    const current = data.counts.get(policy.currentRateWindow);
    result.reopensAt = forecastReopen({
      at: span.end,
      span,
      step,
      buckets: data.buckets.value,
      objective: slo.objective,
      minBudgetRemaining: policy.minBudgetRemaining,
      currentRatio: current?.ok ? (current.value.total === 0 ? 0 : errorRatio(current.value)) : NaN,
      firingShortWindows: firingBlocks.map((r) => r.rule.short),
      lowestBlockBurnRate: Math.min(
        ...policy.rules.filter((r) => r.severity === 'block').map((r) => r.burnRate),
      ),
    });
  } else if (firingWarns.length) {
    result.decision = 'warn';
    result.reason = firingWarns.map(describeRule).join('; ');
  } else {
    result.decision = 'pass';
    result.reason = `budget remaining ${percent(result.budgetRemaining)}, no burn-rate rule fires`;
  }
  return result;
}

/** Compact duration for reasons: 3600 -> 1h, 300 -> 5m. */
export function duration(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

const SEVERITY: Record<SloResult['decision'], number> = { pass: 0, warn: 1, inconclusive: 2, block: 3 };

/** The SLO that decides the gate: the worst decision, then the least budget left. */
export function decidingSlo(results: readonly SloResult[]): SloResult {
  return [...results].sort(
    (a, b) =>
      SEVERITY[b.decision] - SEVERITY[a.decision] ||
      (a.budgetRemaining ?? -Infinity) - (b.budgetRemaining ?? -Infinity),
  )[0]!;
}

export interface GateOutcome {
  decision: Decision;
  /** The step fails: block, or inconclusive unless on-inconclusive is pass. */
  fails: boolean;
  reason: string;
  deciding: SloResult;
  /** The decision the override replaced, if any. */
  overridden?: SloResult['decision'];
}

/**
 * The gate's decision over all SLOs. An override only matters when the gate would fail the step;
 * a gate that passes anyway keeps its decision (the override is noted, not needed).
 */
export function decideGate(
  results: readonly SloResult[],
  options: { onInconclusive: 'block' | 'pass'; overrideReason?: string },
): GateOutcome {
  const deciding = decidingSlo(results);
  const decision = deciding.decision;
  const name = results.length > 1 ? `${deciding.slo.name}: ` : '';
  const reason = `${name}${deciding.reason}`;
  const fails = decision === 'block' || (decision === 'inconclusive' && options.onInconclusive === 'block');
  if (fails && options.overrideReason) {
    return {
      decision: 'override',
      fails: false,
      reason: `overridden (${decision}: ${reason})`,
      deciding,
      overridden: decision,
    };
  }
  return { decision, fails, reason, deciding };
}
