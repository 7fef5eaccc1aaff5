import type { QueryOutcome } from '../../../shared/prometheus.js';
import { type ExportSeries, bucketsFromExport, countFromExport } from './export-file.js';
import { type Answer, type Request, requestExpression } from './plan.js';

/** Reads requests at one evaluation time; answers are keyed by their PromQL (shared reads run once). */
export type Backend = (requests: readonly Request[], at: number) => Promise<Map<string, Answer>>;

function unique(requests: readonly Request[]): Map<string, Request> {
  return new Map(requests.map((r) => [requestExpression(r), r]));
}

const NO_DATA = {
  ok: false as const,
  noData: true,
  error:
    'no data (the query returned no series: check the metric and labels; a bad-events query for a metric that has never counted an error needs `or vector(0)` in a $window expression)',
};

/** Checks one query's answer: one finite count, or one series of finite points. */
export function interpret(request: Request, outcome: QueryOutcome): Answer {
  if (!outcome.ok) return outcome;
  const { result } = outcome;
  const nonFinite = (value: number) => ({
    ok: false as const,
    error: `the query returned ${value} instead of a count`,
  });
  if (request.kind === 'count') {
    if (result.type !== 'vector')
      return { ok: false, error: `the query returned a ${result.type}, not one number` };
    if (result.samples.length === 0) return NO_DATA;
    if (result.samples.length > 1)
      return {
        ok: false,
        error: `the query returned ${result.samples.length} series; aggregate them with sum()`,
      };
    const value = result.samples[0]!.value;
    return Number.isFinite(value) ? { ok: true, value } : nonFinite(value);
  }
  if (result.type !== 'matrix')
    return { ok: false, error: `the history query returned a ${result.type}, not a range` };
  if (result.series.length === 0) return NO_DATA;
  if (result.series.length > 1)
    return {
      ok: false,
      error: `the history query returned ${result.series.length} series; aggregate them with sum()`,
    };
  const points = result.series[0]!.points;
  const bad = points.find(([, v]) => !Number.isFinite(v));
  return bad ? nonFinite(bad[1]) : { ok: true, value: points };
}

const WINDOW_LABEL = 'trunk_window';

/**
 * One query for all the windows of one SLI query: each window's count tagged with a label and joined
 * with `or`, so Prometheus parses, plans and answers once instead of six times.
 */
function batchExpression(requests: readonly Request[]): string {
  return requests
    .map((r) => `label_replace(${requestExpression(r)}, "${WINDOW_LABEL}", "${r.window}", "", "")`)
    .join(' or ');
}

/** The part of a batched answer that belongs to one window, without the tag. */
function windowPart(outcome: QueryOutcome, window: number): QueryOutcome {
  if (!outcome.ok || outcome.result.type !== 'vector') return outcome;
  const samples = outcome.result.samples
    .filter((s) => s.labels.get(WINDOW_LABEL) === String(window))
    .map((s) => ({ labels: new Map([...s.labels].filter(([k]) => k !== WINDOW_LABEL)), value: s.value }));
  return { ok: true, result: { type: 'vector', samples } };
}

/**
 * The Prometheus backend: instant queries at `at`, run in parallel. Counts of one SLI query over
 * several windows go out as one batched query; each history is a subquery of its own.
 */
export function prometheusBackend(client: {
  queryAll(requests: ReadonlyArray<{ expr: string; time: number }>): Promise<QueryOutcome[]>;
}): Backend {
  return async (requests, at) => {
    const groups = new Map<string, Request[]>();
    for (const [expr, request] of unique(requests)) {
      const key = request.kind === 'count' ? `count ${JSON.stringify(request.query)}` : expr;
      groups.set(key, [...(groups.get(key) ?? []), request]);
    }
    const batches = [...groups.values()].map((group) => ({
      group,
      expr: group[0]!.kind === 'count' ? batchExpression(group) : requestExpression(group[0]!),
    }));
    const outcomes = await client.queryAll(batches.map(({ expr }) => ({ expr, time: at })));
    const answers = new Map<string, Answer>();
    batches.forEach(({ group }, i) => {
      for (const request of group) {
        const outcome = request.kind === 'count' ? windowPart(outcomes[i]!, request.window) : outcomes[i]!;
        answers.set(requestExpression(request), interpret(request, outcome));
      }
    });
    return answers;
  };
}

/** The file backend: counter selectors evaluated over an export's samples, without PromQL. */
export function fileBackend(series: readonly ExportSeries[]): Backend {
  return async (requests, at) => {
    const answers = new Map<string, Answer>();
    for (const [expr, request] of unique(requests)) {
      if (request.query.kind !== 'selector') {
        answers.set(expr, {
          ok: false,
          error: 'a file export can only answer counter selectors, not $window expressions',
        });
        continue;
      }
      if (request.kind === 'count') {
        const value = countFromExport(series, request.query.selector, request.window, at);
        answers.set(
          expr,
          value === undefined
            ? NO_DATA
            : Number.isFinite(value)
              ? { ok: true, value }
              : { ok: false, error: `the export holds ${value}` },
        );
      } else {
        const points = bucketsFromExport(series, request.query.selector, request.window, request.step, at);
        answers.set(expr, points.length === 0 ? NO_DATA : { ok: true, value: points });
      }
    }
    return answers;
  };
}
