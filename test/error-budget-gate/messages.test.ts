import { interpret } from '../../actions/error-budget-gate/src/backends.js';
import { windowSpan } from '../../actions/error-budget-gate/src/budget.js';
import { decideSlo } from '../../actions/error-budget-gate/src/decision.js';
import {
  type Answer,
  assemble,
  planSlo,
  requestExpression,
  requestsFor,
} from '../../actions/error-budget-gate/src/plan.js';
import { describeWindow } from '../../actions/error-budget-gate/src/report.js';
import { inlineSlo } from '../../actions/error-budget-gate/src/slo.js';

// Every count in a gate message goes through plural(): "1 event", "2 events", never "1 events".

const at = Date.UTC(2026, 10, 16) / 1000;
const DAY = 86400;
const slo = inlineSlo({
  objectivePercent: 99,
  window: { kind: 'rolling', seconds: DAY },
  goodQuery: 'x{code="200"}',
  totalQuery: 'x',
});

test.each([
  [1, 0, '1 good event exceeds the total of 0'],
  [2, 1, '2 good events exceed the total of 1'],
  [1.5, 1, '1.5 good events exceed the total of 1'],
])('%d good of %d total: %s', (good, total, message) => {
  const plan = planSlo(slo, at, { minBudgetRemaining: 0, minCoverage: 0.9 });
  const answers = new Map(
    requestsFor(plan).map((r): [string, Answer] => [
      requestExpression(r),
      r.kind === 'buckets'
        ? { ok: true, value: [[at, r.query === slo.total ? total : good]] }
        : { ok: true, value: r.query === slo.total ? total : good },
    ]),
  );
  expect(assemble(plan, answers).counts.get(DAY)).toEqual({ ok: false, error: message });
});

test.each([
  [{ bad: 2, total: 1 }, 'the window query returned 2 bad of 1 event'],
  [{ bad: 3, total: 2 }, 'the window query returned 3 bad of 2 events'],
])('impossible window counts %j: %s', (counts, reason) => {
  const span = windowSpan({ kind: 'rolling', seconds: DAY }, at);
  const policy = { rules: [], minBudgetRemaining: 0, minCoverage: 0, currentRateWindow: 1800 };
  const data = {
    counts: new Map([[DAY, { ok: true as const, value: counts }]]),
    buckets: { ok: true as const, value: [{ end: at, ...counts }] },
  };
  expect(decideSlo(slo, span, 3600, data, policy)).toMatchObject({ decision: 'inconclusive', reason });
});

test('series and calendar periods are counted in English', () => {
  const count = { kind: 'count' as const, query: slo.total, window: 60 };
  const vector = (n: number) => ({
    ok: true as const,
    result: {
      type: 'vector' as const,
      samples: Array.from({ length: n }, () => ({ labels: new Map(), value: 1 })),
    },
  });
  expect(interpret(count, vector(3))).toMatchObject({
    error: 'the query returned 3 series; aggregate them with sum()',
  });
  expect(describeWindow({ kind: 'calendar', unit: 'M', count: 1 })).toBe('calendar month');
  expect(describeWindow({ kind: 'calendar', unit: 'Q', count: 2 })).toBe('calendar 2 quarters');
  expect(describeWindow({ kind: 'calendar', unit: 'd', count: 3 })).toBe('calendar 3 days');
});
