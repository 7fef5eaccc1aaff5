import { fileBackend } from '../../actions/error-budget-gate/src/backends.js';
import { evaluate } from '../../actions/error-budget-gate/src/evaluate.js';
import { parseExport } from '../../actions/error-budget-gate/src/export-file.js';
import { inlineSlo } from '../../actions/error-budget-gate/src/slo.js';

const DAY = 86400;
const at = Date.UTC(2026, 10, 16) / 1000;

/** A day and an hour of counters sampled every minute: 100 requests a minute, an error every other minute. */
function exportText(): string {
  const lines = ['# TYPE x counter'];
  for (let t = at - DAY - 3600, i = 0; t <= at; t += 60, i++) {
    lines.push(`x_total{code="200"} ${i * 100 - Math.ceil(i / 2)} ${t}`);
    lines.push(`x_total{code="500"} ${Math.ceil(i / 2)} ${t}`);
  }
  return [...lines, '# EOF', ''].join('\n');
}

const options = { minBudgetRemaining: 0, minCoverage: 0.9 };
const api = (objectivePercent: number) =>
  inlineSlo({
    objectivePercent,
    window: { kind: 'rolling', seconds: DAY },
    badQuery: 'x_total{code="500"}',
    totalQuery: 'x_total',
  });

test('every SLO is decided from one read; shared queries are read once', async () => {
  const backend = fileBackend(parseExport(exportText()));
  const { results, answered, queries } = await evaluate([api(99), api(99.7)], at, options, backend);
  // 720 errors of 144,000 requests: half the 1% budget, a third more than the 0.3% one.
  expect(results.map((r) => [r.decision, r.window, r.budgetRemaining])).toEqual([
    ['pass', { bad: 720, total: 144_000 }, expect.closeTo(0.5, 9)],
    ['block', { bad: 720, total: 144_000 }, expect.closeTo(1 - 0.005 / 0.003, 9)],
  ]);
  const [first] = [...queries.values()];
  expect([...queries.keys()]).toEqual(['slo']); // both are named slo: one entry
  expect(first).toContain('sum(increase(x_total{code="500"}[1d]))');
  expect(first).toContain('(sum(increase(x_total[5m])))[1d:5m]');
  // Each SLO needs the same windows, which differ only by objective: the reads are shared.
  expect(answered).toBe(first!.length);
});

test('a backend that answers nothing leaves every SLO inconclusive, with the reason', async () => {
  const { results, answered } = await evaluate([api(99)], at, options, async () => new Map());
  expect(answered).toBe(0);
  expect(results[0]).toMatchObject({
    decision: 'inconclusive',
    reason: expect.stringMatching(/it was not run/),
  });
});
