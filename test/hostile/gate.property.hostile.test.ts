import fc from 'fast-check';
import { parseQueryData, type QueryOutcome } from '../../shared/prometheus.js';
import { interpret, prometheusBackend } from '../../actions/error-budget-gate/src/backends.js';
import { decideGate, decideSlo } from '../../actions/error-budget-gate/src/decision.js';
import {
  type Request,
  assemble,
  planSlo,
  requestExpression,
  requestsFor,
} from '../../actions/error-budget-gate/src/plan.js';
import { inlineSlo } from '../../actions/error-budget-gate/src/slo.js';

// Class 10 of issue 16, PromQL results: whatever a backend answers, the gate never passes on it
// unless every number is possible. Answers are generated as the JSON `data` Prometheus sends and go
// through the same parsing, checks and decision as the action's.

const AT = 1_794_787_200;
const HOUR = 3600;
const slo = (good: boolean) =>
  inlineSlo({
    objectivePercent: 99.9,
    window: { kind: 'rolling', seconds: 30 * 86400 },
    ...(good ? { goodQuery: 'good_total' } : { badQuery: 'bad_total' }),
    totalQuery: 'all_total',
  });

/** A sample value as Prometheus writes it, including the impossible ones. */
const value = fc.oneof(
  fc.nat({ max: 1_000_000 }).map(String),
  fc
    .double({ noNaN: false })
    .map((v) => (Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v))),
  fc.constantFrom('NaN', '+Inf', '-Inf', '-1', '1e400', '', 'x', '0x10'),
);
const labels = fc.oneof(
  fc.constant({}),
  fc.dictionary(fc.constantFrom('job', 'code', '__name__'), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
);

/** What a hostile backend may answer for one query: any result type, any number of series. */
function answerFor(query: string): fc.Arbitrary<unknown> {
  const windows = [...query.matchAll(/"trunk_window", "(\d+)"/g)].map((m) => m[1]!);
  const times = Array.from({ length: 720 }, (_, i) => AT - (719 - i) * HOUR);
  const vector = fc.array(
    fc.record({
      metric: fc
        .tuple(labels, fc.constantFrom(...windows, '7', undefined))
        .map(([l, w]) => (w ? { ...l, trunk_window: w } : l)),
      value: fc.tuple(fc.constant(AT), value),
    }),
    { maxLength: windows.length + 2 },
  );
  const matrix = fc.array(
    fc.record({
      metric: labels,
      values: fc.oneof(
        fc
          .constant(times)
          .chain((t) =>
            fc.tuple(
              ...t.map((time) =>
                fc.tuple(
                  fc.constant(time),
                  fc.oneof({ weight: 30, arbitrary: fc.constant('100') }, { weight: 1, arbitrary: value }),
                ),
              ),
            ),
          ),
        fc.array(fc.tuple(fc.integer({ min: AT - 40 * 86400, max: AT + 86400 }), value), { maxLength: 5 }),
      ),
    }),
    { maxLength: 2 },
  );
  return fc.oneof(
    fc.record({ resultType: fc.constant('vector'), result: vector }),
    fc.record({ resultType: fc.constant('matrix'), result: matrix }),
    fc.record({ resultType: fc.constantFrom('scalar', 'string'), result: fc.tuple(fc.constant(AT), value) }),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/** Runs one SLO through the Prometheus backend against generated answers and decides. */
async function decideOn(good: boolean, answers: Map<string, unknown>) {
  const s = slo(good);
  const plan = planSlo(s, AT, { minBudgetRemaining: 0, minCoverage: 0 });
  const client = {
    queryAll: async (requests: ReadonlyArray<{ expr: string }>): Promise<QueryOutcome[]> =>
      requests.map(({ expr }) => {
        try {
          return { ok: true, result: parseQueryData(answers.get(expr)) };
        } catch (error) {
          return { ok: false, error: (error as Error).message };
        }
      }),
  };
  const read = await prometheusBackend(client)(requestsFor(plan), AT);
  const result = decideSlo(s, plan.span, plan.step, assemble(plan, read), plan.policy);
  return { result, gate: decideGate([result], { onInconclusive: 'block' }) };
}

/** The queries the backend sends for one SLO (count batches and histories). */
async function queriesOf(good: boolean): Promise<string[]> {
  const sent: string[] = [];
  const plan = planSlo(slo(good), AT, { minBudgetRemaining: 0, minCoverage: 0 });
  await prometheusBackend({
    queryAll: async (requests) => {
      sent.push(...requests.map((r) => r.expr));
      return requests.map(() => ({ ok: false, error: 'x' }));
    },
  })(requestsFor(plan), AT);
  return sent;
}

/** What a healthy service answers: 1 bad (or all but 1 good) event per window, 1,000 an hour. */
function healthy(query: string): { resultType: string; result: Array<Record<string, unknown>> } {
  const numerator = !query.includes('all_total');
  const good = query.includes('good_total');
  if (query.startsWith('label_replace(')) {
    const windows = [...query.matchAll(/"trunk_window", "(\d+)"/g)].map((m) => m[1]!);
    return {
      resultType: 'vector',
      result: windows.map((w) => {
        const total = 1000 * Math.max(1, Number(w) / HOUR);
        return {
          metric: { trunk_window: w },
          value: [AT, String(!numerator ? total : good ? total - 1 : 1)],
        };
      }),
    };
  }
  const times = Array.from({ length: 720 }, (_, i) => AT - (719 - i) * HOUR);
  return {
    resultType: 'matrix',
    result: [{ metric: {}, values: times.map((t) => [t, numerator && !good ? '0' : '1000']) }],
  };
}

/** A change a hostile backend makes to one answer. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('value' as const), series: fc.nat(), point: fc.nat(), value }),
  fc.record({ kind: fc.constant('labels' as const), series: fc.nat(), labels }),
  fc.record({ kind: fc.constant('drop' as const), series: fc.nat(), point: fc.nat() }),
  fc.record({ kind: fc.constant('extra' as const), series: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), seed: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(data: ReturnType<typeof healthy>, m: Mutation, replacement: unknown): unknown {
  if (m.kind === 'replace') return replacement;
  const copy = structuredClone(data);
  const series = copy.result[m.series % copy.result.length];
  if (!series) return copy;
  if (m.kind === 'labels') series.metric = { ...(series.metric as object), ...m.labels };
  if (m.kind === 'extra') copy.result.push(structuredClone(series));
  const values = series.values as Array<[number, string]> | undefined;
  if (m.kind === 'value') {
    if (values) {
      if (values.length) values[m.point % values.length]![1] = m.value;
    } else if (Array.isArray(series.value)) series.value[1] = m.value;
  }
  if (m.kind === 'drop' && values) values.splice(m.point % values.length, 1);
  return copy;
}

/** Healthy answers with up to three hostile changes, each to one answer. */
const answerSets = (queries: string[]) =>
  fc
    .array(
      fc
        .tuple(fc.nat({ max: queries.length - 1 }), mutation)
        .chain(([index, m]) => fc.tuple(fc.constant(index), fc.constant(m), answerFor(queries[index]!))),
      { maxLength: 3 },
    )
    .map((changes) => {
      const answers = new Map<string, unknown>(queries.map((q) => [q, healthy(q)]));
      const replaced = new Set<number>();
      for (const [index, m, replacement] of changes) {
        if (replaced.has(index)) continue; // arbitrary data has no series to change
        if (m.kind === 'replace') replaced.add(index);
        const q = queries[index]!;
        answers.set(q, mutate(answers.get(q) as ReturnType<typeof healthy>, m, replacement));
      }
      return answers;
    });

/** Every number the decision used must have been possible for a pass to be allowed. */
function possible(answers: Map<string, unknown>): boolean {
  for (const data of answers.values()) {
    let parsed;
    try {
      parsed = parseQueryData(data);
    } catch {
      return false;
    }
    const numbers =
      parsed.type === 'vector'
        ? parsed.samples.map((s) => s.value)
        : parsed.type === 'matrix'
          ? parsed.series.flatMap((s) => s.points.map(([, v]) => v))
          : [parsed.value];
    if (numbers.some((n) => !Number.isFinite(n) || n < 0)) return false;
  }
  return true;
}

/** Good (or bad) never above the total in any answered window or step. */
function paired(answers: Map<string, unknown>): boolean {
  const byKind = (total: boolean, history: boolean) =>
    [...answers].filter(
      ([q]) => q.includes('all_total') === total && q.startsWith('label_replace(') !== history,
    );
  for (const history of [false, true]) {
    const [numer] = byKind(false, history);
    const [total] = byKind(true, history);
    const values = (data: unknown) => {
      const parsed = parseQueryData(data);
      return parsed.type === 'vector'
        ? new Map(parsed.samples.map((s) => [s.labels.get('trunk_window'), s.value]))
        : parsed.type === 'matrix'
          ? new Map(parsed.series.flatMap((s) => s.points).map(([t, v]) => [String(t), v]))
          : new Map();
    };
    const n = values(numer![1]);
    const t = values(total![1]);
    for (const [key, v] of n) if (t.has(key) && v > t.get(key)! * (1 + 1e-9) + 1e-9) return false;
  }
  return true;
}

describe.each([
  ['bad-query', false],
  ['good-query', true],
])('the gate (%s) on arbitrary backend answers', (_, good) => {
  let queries: string[];
  const decided = new Set<string>();
  beforeAll(async () => {
    queries = await queriesOf(good);
  });
  // The generator reaches every decision, so "never passes" is not true for want of passes.
  afterAll(() => expect([...decided]).toEqual(expect.arrayContaining(['inconclusive', 'pass'])));

  test('never passes on an answer holding an impossible number or shape; never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => answerSets(queries)),
        async (answers) => {
          const { result, gate } = await decideOn(good, answers);
          decided.add(result.decision);
          if (result.decision === 'pass' || result.decision === 'warn') {
            expect(possible(answers)).toBe(true);
            expect(paired(answers)).toBe(true);
            expect(result.window!.bad).toBeLessThanOrEqual(result.window!.total);
          }
          if (result.decision === 'inconclusive') expect(gate.fails).toBe(true);
          expect(result.reason).not.toMatch(/[\r\n]/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('interpret on any parsed answer', () => {
  const request: Request = { kind: 'count', query: slo(false).total, window: 300 };
  test('a count is usable only when it is one finite number of at least 0', () => {
    fc.assert(
      fc.property(answerFor(`label_replace(x, "trunk_window", "300", "", "")`), (data) => {
        let outcome: QueryOutcome;
        try {
          outcome = { ok: true, result: parseQueryData(data) };
        } catch (error) {
          outcome = { ok: false, error: String(error) };
        }
        const answer = interpret(request, outcome);
        if (answer.ok) {
          expect(typeof answer.value).toBe('number');
          expect(Number.isFinite(answer.value)).toBe(true);
          expect(answer.value as number).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('parseQueryData accepts only the documented shapes and keeps NaN and Inf as numbers', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (data) => {
        try {
          const parsed = parseQueryData(data);
          expect(['vector', 'matrix', 'scalar']).toContain(parsed.type);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message.length).toBeLessThan(400);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('requestExpression is stable, so answers pair with their requests', () => {
    const plan = planSlo(slo(true), AT, { minBudgetRemaining: 0, minCoverage: 0 });
    const expressions = requestsFor(plan).map(requestExpression);
    expect(new Set(expressions).size).toBe(expressions.length);
  });
});
