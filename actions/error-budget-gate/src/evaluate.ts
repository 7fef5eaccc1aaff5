import type { Backend } from './backends.js';
import { type SloResult, decideSlo } from './decision.js';
import { type SloPlan, assemble, planSlo, requestExpression, requestsFor } from './plan.js';
import type { BurnRule } from './policy.js';
import type { Slo } from './slo.js';

export interface Evaluation {
  results: SloResult[];
  /** Distinct queries the backend answered. */
  answered: number;
  /** The PromQL each SLO was decided on, by SLO name, for the summary. */
  queries: Map<string, string[]>;
}

/** Plans every SLO at `at`, reads all they need in one backend call, and decides each. */
export async function evaluate(
  slos: readonly Slo[],
  at: number,
  options: { rules?: readonly BurnRule[]; minBudgetRemaining: number; minCoverage: number },
  backend: Backend,
): Promise<Evaluation> {
  const plans: SloPlan[] = slos.map((slo) => planSlo(slo, at, options));
  const answers = await backend(plans.flatMap(requestsFor), at);
  return {
    results: plans.map((plan) =>
      decideSlo(plan.slo, plan.span, plan.step, assemble(plan, answers), plan.policy),
    ),
    answered: answers.size,
    queries: new Map(plans.map((p) => [p.slo.name, [...new Set(requestsFor(p).map(requestExpression))]])),
  };
}
