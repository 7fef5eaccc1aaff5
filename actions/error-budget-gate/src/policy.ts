/**
 * Multi-window, multi-burn-rate rules (Google SRE Workbook, "Alerting on SLOs"): a rule fires when
 * the burn rate exceeds its threshold over both its long and its short window, so a spike that has
 * stopped (short window clean) or a slow trickle (long window below) does not block.
 */
export interface BurnRule {
  /** Seconds. */
  long: number;
  short: number;
  burnRate: number;
  severity: 'block' | 'warn';
}

export interface RuleResult {
  rule: BurnRule;
  longRate: number;
  shortRate: number;
  fired: boolean;
}

const HOUR = 3600;
const WORKBOOK_WINDOW = 30 * 24 * HOUR;

/** The Workbook's rules for a 30-day window: 2% of budget in 1h, 5% in 6h (block); 10% in 3d (warn). */
const WORKBOOK_RULES: readonly BurnRule[] = [
  { long: HOUR, short: 5 * 60, burnRate: 14.4, severity: 'block' },
  { long: 6 * HOUR, short: 30 * 60, burnRate: 6, severity: 'block' },
  { long: 3 * 24 * HOUR, short: 6 * HOUR, burnRate: 1, severity: 'warn' },
];

/** Rounds to whole minutes, at least one: Prometheus data is rarely finer than that. */
const toMinutes = (seconds: number) => Math.max(60, Math.round(seconds / 60) * 60);

/**
 * The Workbook rules for a window of `windowSeconds`: window lengths scale with the SLO window and
 * the thresholds stay, so each rule still fires on the same share of the budget (14.4 x 1h / 30d = 2%).
 */
export function defaultRules(windowSeconds: number): BurnRule[] {
  const scale = windowSeconds / WORKBOOK_WINDOW;
  return WORKBOOK_RULES.map((rule) => ({
    ...rule,
    long: toMinutes(rule.long * scale),
    short: toMinutes(rule.short * scale),
  }));
}

/** The window over which the forecast measures the current error ratio: 30 minutes for 30 days. */
export function currentRateWindow(windowSeconds: number): number {
  return toMinutes((30 * 60 * windowSeconds) / WORKBOOK_WINDOW);
}

/** Every window length the rules read, ascending and without repeats. */
export function ruleWindows(rules: readonly BurnRule[]): number[] {
  return [...new Set(rules.flatMap((r) => [r.long, r.short]))].sort((a, b) => a - b);
}

/**
 * Applies the rules to burn rates by window length. A missing or non-finite rate makes the rule
 * unknowable; the caller has already turned that into `inconclusive`, so it never fires silently.
 */
export function evaluateRules(rules: readonly BurnRule[], rates: ReadonlyMap<number, number>): RuleResult[] {
  return rules.map((rule) => {
    const longRate = rates.get(rule.long) ?? NaN;
    const shortRate = rates.get(rule.short) ?? NaN;
    return { rule, longRate, shortRate, fired: longRate > rule.burnRate && shortRate > rule.burnRate };
  });
}
