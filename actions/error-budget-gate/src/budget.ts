import type { CalendarUnit, SloWindow } from './slo.js';

/** Events (or, for Timeslices, slices) in a span: bad ones and all of them. */
export interface Counts {
  bad: number;
  total: number;
}

/** Counts in the step ending at `end` (unix seconds), covering (end - step, end]. */
export interface Bucket extends Counts {
  end: number;
}

/** The span a window covers at evaluation time `at`. */
export interface Span {
  start: number;
  end: number;
  /** Seconds from start to end: what the queries read. */
  elapsed: number;
  /** The full length the policy is scaled to (the period length for calendar windows). */
  length: number;
  /** Calendar windows: when the next period (and a fresh budget) starts. */
  nextStart?: number;
}

const DAY = 86400;

function addMonths(t: number, months: number): number {
  const d = new Date(t * 1000);
  const day = d.getUTCDate();
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.getTime() / 1000;
}

/** The default anchor of a calendar unit: midnight UTC, Monday, the 1st, 1 January. */
function defaultAnchor(unit: CalendarUnit): number {
  return unit === 'w' ? 4 * DAY /* 1970-01-05 was a Monday */ : 0;
}

/**
 * The span of a window at `at`: rolling windows end at `at`; calendar windows start at the last
 * period boundary (counted from the anchor in whole periods) and end at `at`.
 */
export function windowSpan(window: SloWindow, at: number): Span {
  if (window.kind === 'rolling')
    return { start: at - window.seconds, end: at, elapsed: window.seconds, length: window.seconds };
  const anchor = window.anchor ?? defaultAnchor(window.unit);
  let start: number;
  let next: number;
  if (window.unit === 'd' || window.unit === 'w') {
    const period = window.count * (window.unit === 'd' ? DAY : 7 * DAY);
    start = anchor + Math.floor((at - anchor) / period) * period;
    next = start + period;
  } else {
    const months = window.count * (window.unit === 'M' ? 1 : window.unit === 'Q' ? 3 : 12);
    const a = new Date(anchor * 1000);
    const b = new Date(at * 1000);
    const between = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
    let k = Math.floor(between / months);
    while (addMonths(anchor, k * months) > at) k--;
    while (addMonths(anchor, (k + 1) * months) <= at) k++;
    start = addMonths(anchor, k * months);
    next = addMonths(anchor, (k + 1) * months);
  }
  return { start, end: at, elapsed: at - start, length: next - start, nextStart: next };
}

const STEPS = [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, DAY];

/** Bucket length for the budget history: the shortest round step giving at most 720 buckets. */
export function bucketStep(length: number): number {
  return STEPS.find((s) => length / s <= 720) ?? DAY;
}

export const errorRatio = (c: Counts): number => c.bad / c.total;

/** The budget's share of events, 1 - objective, without float noise (1 - 0.999 is 0.0010000000000000009). */
const budgetShare = (objective: number): number => Number((1 - objective).toPrecision(12));

/** Error ratio over the error budget's share: 1 means the budget lasts exactly the window. */
export const burnRate = (c: Counts, objective: number): number =>
  c.total === 0 && c.bad === 0 ? 0 : errorRatio(c) / budgetShare(objective);

/** 1 - errors / allowed errors, where allowed = (1 - objective) x total. Negative when overspent. */
export const budgetRemaining = (c: Counts, objective: number): number =>
  1 - c.bad / (budgetShare(objective) * c.total);

/** Bad from good: good may exceed total only by float noise (checked before), never below 0. */
export function badFromGood(good: number, total: number): number {
  return Math.max(0, total - good);
}

/** Share of the expected buckets in (start, end] that hold data. */
export function coverage(buckets: readonly Bucket[], span: Span, step: number): number {
  const expected = Math.max(1, Math.floor(span.elapsed / step));
  const present = buckets.filter((b) => b.end > span.start && b.end <= span.end).length;
  return Math.min(1, present / expected);
}

/** Sum of the buckets ending inside (from, to]. */
export function sumBuckets(buckets: readonly Bucket[], from: number, to: number): Counts {
  let bad = 0;
  let total = 0;
  for (const b of buckets) {
    if (b.end > from && b.end <= to) {
      bad += b.bad;
      total += b.total;
    }
  }
  return { bad, total };
}

/**
 * Timeslices: each slice with traffic counts as one, bad when its good share is below the target.
 * Slices without traffic say nothing about users: they count for coverage but in neither total.
 */
export function slicesToBuckets(slices: readonly Bucket[], sliceTarget: number): Bucket[] {
  return slices.map((s) =>
    s.total > 0
      ? { end: s.end, bad: 1 - s.bad / s.total < sliceTarget ? 1 : 0, total: 1 }
      : { end: s.end, bad: 0, total: 0 },
  );
}

/**
 * Budget remaining as the window went by: at each bucket, 1 - errors so far / errors allowed for
 * the whole window. Starts near 1 and ends at the window's budget remaining.
 */
export function budgetHistory(
  buckets: readonly Bucket[],
  window: Counts,
  objective: number,
): Array<[number, number]> {
  const allowed = budgetShare(objective) * window.total;
  let bad = 0;
  return [...buckets]
    .sort((a, b) => a.end - b.end)
    .map((b) => {
      bad += b.bad;
      return [b.end, 1 - bad / allowed];
    });
}

export interface ForecastInput {
  at: number;
  span: Span;
  step: number;
  buckets: readonly Bucket[];
  objective: number;
  minBudgetRemaining: number;
  /** Error ratio now (the current-rate window); future traffic fails at this ratio. */
  currentRatio: number;
  /** Block rules now firing: their short window must pass before they stop. */
  firingShortWindows: readonly number[];
  /** Lowest burn-rate threshold of any block rule: burning this fast, rules never stop firing. */
  lowestBlockBurnRate: number;
}

/**
 * When the gate reopens if traffic continues at the window's average volume and the current error
 * ratio: the first step at which enough old errors have left the rolling window (calendar windows:
 * the next period). Undefined when it never does at that ratio.
 */
export function forecastReopen(input: ForecastInput): number | undefined {
  const { at, span, step, buckets, objective, minBudgetRemaining, currentRatio } = input;
  if (!Number.isFinite(currentRatio) || currentRatio / (1 - objective) > input.lowestBlockBurnRate)
    return undefined;
  const burnClears = at + Math.max(0, ...input.firingShortWindows);
  if (span.nextStart !== undefined) return Math.max(span.nextStart, burnClears);
  const inWindow = buckets.filter((b) => b.end > span.start && b.end <= at).sort((a, b) => a.end - b.end);
  if (inWindow.length === 0) return undefined;
  const averageTotal = inWindow.reduce((sum, b) => sum + b.total, 0) / inWindow.length;
  const futureBad = currentRatio * averageTotal;
  const kept = inWindow.reduce((sum, b) => ({ bad: sum.bad + b.bad, total: sum.total + b.total }), {
    bad: 0,
    total: 0,
  });
  // Slide the window forward one step at a time: old buckets leave, current-ratio buckets arrive.
  let leaving = 0;
  for (let k = 1; k <= Math.ceil(span.length / step); k++) {
    const t = at + k * step;
    for (; leaving < inWindow.length && inWindow[leaving]!.end <= t - span.length; leaving++) {
      kept.bad -= inWindow[leaving]!.bad;
      kept.total -= inWindow[leaving]!.total;
    }
    const counts = { bad: kept.bad + k * futureBad, total: kept.total + k * averageTotal };
    if (budgetRemaining(counts, objective) > minBudgetRemaining) return Math.max(t, burnClears);
  }
  return undefined;
}
