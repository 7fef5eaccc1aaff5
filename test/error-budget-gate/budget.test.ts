import fc from 'fast-check';
import {
  type Bucket,
  bucketStep,
  budgetHistory,
  budgetRemaining,
  burnRate,
  coverage,
  forecastReopen,
  slicesToBuckets,
  sumBuckets,
  windowSpan,
} from '../../actions/error-budget-gate/src/budget.js';
import { type SloData, decideGate, decideSlo } from '../../actions/error-budget-gate/src/decision.js';
import {
  currentRateWindow,
  defaultRules,
  evaluateRules,
  ruleWindows,
} from '../../actions/error-budget-gate/src/policy.js';
import type { Slo } from '../../actions/error-budget-gate/src/slo.js';

const DAY = 86400;
const HOUR = 3600;
const at = Date.UTC(2026, 10, 16) / 1000;

describe('budget math', () => {
  test.each([
    // bad, total, objective, budget remaining, burn rate
    [0, 1000, 0.999, 1, 0],
    [1, 1000, 0.999, 0, 1],
    [3, 7000, 0.999, 1 - 3 / 7, 3 / 7],
    [50, 1000, 0.99, -4, 5],
    [0, 0, 0.999, NaN, 0],
  ])('%d bad of %d at %d: budget %d, burn %d', (bad, total, objective, budget, burn) => {
    if (Number.isNaN(budget)) expect(budgetRemaining({ bad, total }, objective)).toBeNaN();
    else expect(budgetRemaining({ bad, total }, objective)).toBeCloseTo(budget, 12);
    expect(burnRate({ bad, total }, objective)).toBeCloseTo(burn, 12);
  });

  test('properties: budget = 1 - burn, monotone in errors, 1 with none and 0 exactly at the allowance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 9999 }).map((n) => n / 10000),
        (total, share, objective) => {
          const bad = Math.floor(total * share);
          const counts = { bad, total };
          expect(budgetRemaining(counts, objective)).toBeCloseTo(1 - burnRate(counts, objective), 6);
          expect(budgetRemaining({ bad: 0, total }, objective)).toBe(1);
          if (bad < total)
            expect(budgetRemaining({ bad: bad + 1, total }, objective)).toBeLessThan(
              budgetRemaining(counts, objective),
            );
          const allowed = (1 - objective) * total;
          expect(budgetRemaining({ bad: allowed, total }, objective)).toBeCloseTo(0, 9);
        },
      ),
    );
  });

  test('property: bucket sums partition the window; history ends at the window budget', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(100), fc.nat(10_000)), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 199 }),
        (pairs, cut) => {
          const buckets: Bucket[] = pairs.map(([bad, extra], i) => ({
            end: at - (pairs.length - 1 - i) * HOUR,
            bad,
            total: bad + extra + 1,
          }));
          const whole = sumBuckets(buckets, at - pairs.length * HOUR, at);
          const split = at - cut * HOUR;
          const left = sumBuckets(buckets, at - pairs.length * HOUR, split);
          const right = sumBuckets(buckets, split, at);
          expect(left.bad + right.bad).toBe(whole.bad);
          expect(left.total + right.total).toBe(whole.total);
          const history = budgetHistory(buckets, whole, 0.99);
          expect(history.at(-1)![1]).toBeCloseTo(budgetRemaining(whole, 0.99), 9);
          for (let i = 1; i < history.length; i++)
            expect(history[i]![1]).toBeLessThanOrEqual(history[i - 1]![1]);
        },
      ),
    );
  });

  test('property: the forecast reopens exactly when the slid window first has budget, never earlier', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(40), { minLength: 24, maxLength: 24 }),
        fc.integer({ min: 0, max: 9 }).map((n) => n / 10000),
        (bads, currentRatio) => {
          const span = windowSpan({ kind: 'rolling', seconds: 24 * HOUR }, at);
          const buckets = bads.map((bad, i) => ({ end: at - (23 - i) * HOUR, bad, total: 1000 }));
          const reopen = forecastReopen({
            at,
            span,
            step: HOUR,
            buckets,
            objective: 0.99,
            minBudgetRemaining: 0,
            currentRatio,
            firingShortWindows: [],
            lowestBlockBurnRate: 14.4,
          });
          // Brute force: slide hour by hour, old hours leave, new hours at the current ratio.
          let expected: number | undefined;
          for (let k = 1; k <= 24 && expected === undefined; k++) {
            const kept = bads.slice(k).reduce((a, b) => a + b, 0);
            if (1 - (kept + k * currentRatio * 1000) / (0.01 * 24000) > 0) expected = at + k * HOUR;
          }
          expect(reopen).toBe(expected);
        },
      ),
    );
  });

  test('forecast: never while burning above the lowest block threshold; burn rules delay it; calendar waits for the next period', () => {
    const span = windowSpan({ kind: 'rolling', seconds: 24 * HOUR }, at);
    const buckets = Array.from({ length: 24 }, (_, i) => ({
      end: at - (23 - i) * HOUR,
      bad: i === 0 ? 500 : 0,
      total: 1000,
    }));
    const base = {
      at,
      span,
      step: HOUR,
      buckets,
      objective: 0.99,
      minBudgetRemaining: 0,
      currentRatio: 0,
      firingShortWindows: [],
      lowestBlockBurnRate: 6,
    };
    expect(forecastReopen(base)).toBe(at + HOUR);
    expect(forecastReopen({ ...base, firingShortWindows: [6 * HOUR] })).toBe(at + 6 * HOUR);
    expect(forecastReopen({ ...base, currentRatio: 0.07 })).toBeUndefined();
    expect(forecastReopen({ ...base, currentRatio: NaN })).toBeUndefined();
    const month = windowSpan({ kind: 'calendar', unit: 'M', count: 1 }, at);
    expect(forecastReopen({ ...base, span: month })).toBe(Date.UTC(2026, 11, 1) / 1000);
  });
});

describe('windows, steps and coverage', () => {
  test.each([
    ['rolling 30d', { kind: 'rolling' as const, seconds: 30 * DAY }, at, at - 30 * DAY, 30 * DAY, undefined],
    [
      'calendar month',
      { kind: 'calendar' as const, unit: 'M' as const, count: 1 },
      at,
      Date.UTC(2026, 10, 1) / 1000,
      30 * DAY,
      Date.UTC(2026, 11, 1) / 1000,
    ],
    [
      'calendar week (Monday)',
      { kind: 'calendar' as const, unit: 'w' as const, count: 1 },
      at,
      Date.UTC(2026, 10, 16) / 1000,
      7 * DAY,
      Date.UTC(2026, 10, 23) / 1000,
    ],
    [
      'calendar day mid-day',
      { kind: 'calendar' as const, unit: 'd' as const, count: 1 },
      at + 5 * HOUR,
      at,
      DAY,
      at + DAY,
    ],
    [
      'quarter',
      { kind: 'calendar' as const, unit: 'Q' as const, count: 1 },
      at,
      Date.UTC(2026, 9, 1) / 1000,
      92 * DAY,
      Date.UTC(2027, 0, 1) / 1000,
    ],
    [
      'year',
      { kind: 'calendar' as const, unit: 'Y' as const, count: 1 },
      at,
      Date.UTC(2026, 0, 1) / 1000,
      365 * DAY,
      Date.UTC(2027, 0, 1) / 1000,
    ],
    [
      'month anchored on the 31st',
      { kind: 'calendar' as const, unit: 'M' as const, count: 1, anchor: Date.UTC(2026, 0, 31) / 1000 },
      Date.UTC(2026, 2, 1) / 1000,
      Date.UTC(2026, 1, 28) / 1000,
      31 * DAY,
      Date.UTC(2026, 2, 31) / 1000,
    ],
    [
      'two-week periods from an anchor',
      { kind: 'calendar' as const, unit: 'w' as const, count: 2, anchor: Date.UTC(2026, 10, 2) / 1000 },
      at,
      Date.UTC(2026, 10, 16) / 1000,
      14 * DAY,
      Date.UTC(2026, 10, 30) / 1000,
    ],
  ])('%s', (_, window, when, start, length, nextStart) => {
    const span = windowSpan(window, when);
    expect(span.start).toBe(start);
    expect(span.elapsed).toBe(when - start);
    expect(span.length).toBe(length);
    expect(span.nextStart).toBe(nextStart);
  });

  test('bucket steps stay round and give at most 720 buckets', () => {
    expect([30 * DAY, 28 * DAY, 7 * DAY, DAY, HOUR].map(bucketStep)).toEqual([HOUR, HOUR, 900, 300, 60]);
  });

  test('coverage counts buckets with data inside the span', () => {
    const span = windowSpan({ kind: 'rolling', seconds: 10 * HOUR }, at);
    const buckets = [1, 2, 3, 4, 5].map((h) => ({ end: at - h * HOUR + HOUR, bad: 0, total: 1 }));
    expect(coverage(buckets, span, HOUR)).toBe(0.5);
    expect(coverage([...buckets, { end: at - 20 * HOUR, bad: 0, total: 1 }], span, HOUR)).toBe(0.5);
  });

  test('timeslices: bad below the target, no traffic counts for neither total', () => {
    expect(
      slicesToBuckets(
        [
          { end: 1, bad: 0, total: 100 },
          { end: 2, bad: 2, total: 100 },
          { end: 3, bad: 1, total: 100 },
          { end: 4, bad: 0, total: 0 },
        ],
        0.99,
      ),
    ).toEqual([
      { end: 1, bad: 0, total: 1 },
      { end: 2, bad: 1, total: 1 },
      { end: 3, bad: 0, total: 1 },
      { end: 4, bad: 0, total: 0 },
    ]);
  });
});

describe('policy', () => {
  test('the Workbook rules at 30 days, scaled for 28 days and 7 days', () => {
    expect(defaultRules(30 * DAY)).toEqual([
      { long: HOUR, short: 300, burnRate: 14.4, severity: 'block' },
      { long: 6 * HOUR, short: 1800, burnRate: 6, severity: 'block' },
      { long: 3 * DAY, short: 6 * HOUR, burnRate: 1, severity: 'warn' },
    ]);
    expect(defaultRules(28 * DAY).map((r) => [r.long / 60, r.short / 60])).toEqual([
      [56, 5],
      [336, 28],
      [4032, 336],
    ]);
    expect(defaultRules(7 * DAY).map((r) => [r.long / 60, r.short / 60])).toEqual([
      [14, 1],
      [84, 7],
      [1008, 84],
    ]);
    expect(ruleWindows(defaultRules(30 * DAY))).toEqual([300, 1800, HOUR, 6 * HOUR, 3 * DAY]);
    expect(currentRateWindow(30 * DAY)).toBe(1800);
  });

  test('property: scaled rules fire on the same share of the budget as the Workbook', () => {
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 90 }), (days) => {
        const rules = defaultRules(days * DAY);
        const share = rules[0]!.burnRate * (rules[0]!.long / (days * DAY));
        expect(Math.abs(share - 0.02)).toBeLessThan(0.02 * (60 / rules[0]!.long) + 1e-9);
      }),
    );
  });

  test('a rule fires only when both windows exceed; NaN never fires', () => {
    const rules = defaultRules(30 * DAY);
    const rates = (long: number, short: number) =>
      new Map([
        [HOUR, long],
        [300, short],
      ]);
    expect(evaluateRules(rules, rates(20, 20))[0]!.fired).toBe(true);
    expect(evaluateRules(rules, rates(20, 1))[0]!.fired).toBe(false);
    expect(evaluateRules(rules, rates(14.4, 20))[0]!.fired).toBe(false);
    expect(evaluateRules(rules, rates(NaN, 20))[0]!.fired).toBe(false);
  });
});

describe('decision', () => {
  const slo: Slo = {
    name: 'api',
    objective: 0.999,
    window: { kind: 'rolling', seconds: 30 * DAY },
    budgeting: { method: 'occurrences' },
    bad: { kind: 'selector', selector: { matchers: [] } },
    total: { kind: 'selector', selector: { matchers: [] } },
  };
  const span = windowSpan(slo.window, at);
  const policy = {
    rules: defaultRules(30 * DAY),
    minBudgetRemaining: 0,
    minCoverage: 0.9,
    currentRateWindow: 1800,
  };
  const buckets = Array.from({ length: 720 }, (_, i) => ({
    end: at - (719 - i) * HOUR,
    bad: 0,
    total: 1000,
  }));
  const data = (
    counts: Record<number, { bad: number; total: number } | string>,
    history = buckets,
  ): SloData => ({
    counts: new Map(
      [30 * DAY, 300, 1800, HOUR, 6 * HOUR, 3 * DAY].map((w) => {
        const c = counts[w] ?? { bad: 0, total: 1000 };
        return [
          w,
          typeof c === 'string' ? { ok: false as const, error: c } : { ok: true as const, value: c },
        ];
      }),
    ),
    buckets: { ok: true, value: history },
  });

  test.each([
    ['healthy', {}, 'pass', /budget remaining 100.00%/],
    ['spent', { [30 * DAY]: { bad: 720, total: 720_000 } }, 'block', /budget remaining 0.00% is at or below/],
    [
      'fast burn',
      { [HOUR]: { bad: 20, total: 1000 }, 300: { bad: 20, total: 1000 } },
      'block',
      /burn rate 20.0x over 1h and 20.0x over 5m exceed 14.4x/,
    ],
    [
      'slow burn warns',
      { [3 * DAY]: { bad: 2, total: 1000 }, [6 * HOUR]: { bad: 2, total: 1000 } },
      'warn',
      /over 3d/,
    ],
    ['NaN count', { [30 * DAY]: { bad: NaN, total: 1000 } }, 'inconclusive', /returned NaN bad/],
    ['infinite count', { [HOUR]: { bad: Infinity, total: 1000 } }, 'inconclusive', /returned Infinity bad/],
    ['negative count', { [HOUR]: { bad: -1, total: 1000 } }, 'inconclusive', /returned -1 bad/],
    ['no traffic', { [30 * DAY]: { bad: 0, total: 0 } }, 'inconclusive', /no events in the window/],
    [
      'a failed short window',
      { 300: 'Prometheus answered HTTP 503' },
      'inconclusive',
      /^Prometheus answered HTTP 503$/,
    ],
  ])('%s', (_, counts, decision, reason) => {
    const result = decideSlo(slo, span, HOUR, data(counts), policy);
    expect(result.decision).toBe(decision);
    expect(result.reason).toMatch(reason);
  });

  test('low coverage is inconclusive even when the numbers look fine', () => {
    const result = decideSlo(slo, span, HOUR, data({}, buckets.slice(400)), policy);
    expect(result.decision).toBe('inconclusive');
    expect(result.coverage).toBeCloseTo(320 / 720, 12);
    expect(result.reason).toMatch(/covers 44.44% of the window/);
  });

  test('a failed history query is inconclusive', () => {
    expect(
      decideSlo(slo, span, HOUR, { ...data({}), buckets: { ok: false, error: 'timeout' } }, policy).reason,
    ).toMatch(/^timeout$/);
  });

  test('gate: worst SLO decides; inconclusive blocks unless passed; override only replaces a failing decision', () => {
    const pass = decideSlo(slo, span, HOUR, data({}), policy);
    const block = decideSlo(
      { ...slo, name: 'b' },
      span,
      HOUR,
      data({ [30 * DAY]: { bad: 2000, total: 720_000 } }),
      policy,
    );
    const unknown = decideSlo(
      { ...slo, name: 'c' },
      span,
      HOUR,
      data({ [30 * DAY]: { bad: NaN, total: 1 } }),
      policy,
    );
    expect(decideGate([pass, unknown, block], { onInconclusive: 'block' })).toMatchObject({
      decision: 'block',
      fails: true,
      reason: expect.stringMatching(/^b: /),
    });
    expect(decideGate([pass, unknown], { onInconclusive: 'block' })).toMatchObject({
      decision: 'inconclusive',
      fails: true,
    });
    expect(decideGate([pass, unknown], { onInconclusive: 'pass' })).toMatchObject({
      decision: 'inconclusive',
      fails: false,
    });
    expect(decideGate([block], { onInconclusive: 'block', overrideReason: 'hotfix' })).toMatchObject({
      decision: 'override',
      fails: false,
      overridden: 'block',
    });
    expect(decideGate([pass], { onInconclusive: 'block', overrideReason: 'hotfix' })).toMatchObject({
      decision: 'pass',
      fails: false,
    });
  });
});
