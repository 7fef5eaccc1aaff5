import type { Annotation, OutputValue } from '../../../shared/io.js';
import { type GateOutcome, type SloResult, duration } from './decision.js';
import { iso } from './report.js';

function round(x: number | undefined, digits: number): number | null {
  return x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits));
}

const burnRates = (r: SloResult) =>
  Object.fromEntries([...r.burnRates].map(([w, v]) => [duration(w), round(v, 4)]));

/** The step's outputs, by name: the deciding SLO's numbers, and every SLO at full precision. */
export function gateOutputs(gate: GateOutcome, results: readonly SloResult[]): Record<string, OutputValue> {
  const d = gate.deciding;
  return {
    decision: gate.decision,
    'budget-remaining': d.budgetRemaining === undefined ? '' : d.budgetRemaining.toFixed(4),
    'error-ratio': d.errorRatio === undefined ? '' : String(Number(d.errorRatio.toPrecision(6))),
    'burn-rates': burnRates(d),
    reason: gate.reason,
    'reopens-at': d.decision === 'block' && d.reopensAt !== undefined ? iso(d.reopensAt) : '',
    slos: results.map((r) => ({
      name: r.slo.name,
      decision: r.decision,
      reason: r.reason,
      objective: r.slo.objective,
      windowStart: iso(r.span.start),
      bad: r.window?.bad ?? null,
      total: r.window?.total ?? null,
      errorRatio: r.errorRatio ?? null,
      budgetRemaining: r.budgetRemaining ?? null,
      burnRates: burnRates(r),
      coverage: r.coverage ?? null,
      reopensAt: r.decision === 'block' && r.reopensAt !== undefined ? iso(r.reopensAt) : null,
    })),
  };
}

/** Warnings a passing step still shows: a budget burning, or an inconclusive gate let through. */
export function gateWarnings(gate: GateOutcome): Annotation[] {
  if (gate.decision === 'warn')
    return [{ level: 'warning', title: 'Error budget burning', message: gate.reason }];
  if (gate.decision === 'inconclusive' && !gate.fails) {
    return [
      {
        level: 'warning',
        title: 'Error budget gate inconclusive',
        message: `Passing because on-inconclusive is pass: ${gate.reason}`,
      },
    ];
  }
  return [];
}
