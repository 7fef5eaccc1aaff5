import { plural } from '../../../shared/english.js';
import { UserError, describeError } from '../../../shared/errors.js';
import type { QueryOutcome } from '../../../shared/prometheus.js';
import {
  type ExportSeries,
  bucketsFromExport,
  countFromExport,
  matches,
  parseExport,
} from './export-file.js';
import { type Answer, type Request, requestExpression } from './plan.js';
import { formatSelector, promDuration } from './promql.js';
import { sampleLookback, tooFewSamples } from './sampling.js';

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

const refuse = (error: string) => ({ ok: false as const, error });

/** The span one count of a request covers: its window, or one step of a history. */
const countWindow = (request: Request) => (request.kind === 'count' ? request.window : request.step);

/** The label set of a series as text, so good and total series can be paired: `{job="api"}`. */
function seriesKey(labels: ReadonlyMap<string, string>): string {
  const pairs = [...labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${pairs.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`;
}

/** An event count is a finite number of at least 0; anything else is impossible data. */
function checkCount(value: number, series?: string): Answer {
  if (!Number.isFinite(value)) return refuse(`the query returned ${value} instead of a count`);
  if (value < 0) return refuse(`the query returned a negative count (${value})`);
  return { ok: true, value, series };
}

/** Per-step counts: at least one point, each a finite count of at least 0, each step once. */
function checkPoints(points: ReadonlyArray<[number, number]>, series?: string): Answer {
  if (points.length === 0) return NO_DATA;
  const times = new Set<number>();
  for (const [time, value] of points) {
    if (!Number.isFinite(time) || times.has(time))
      return refuse(`the history holds the time ${time} twice or not as a number`);
    times.add(time);
    const checked = checkCount(value);
    if (!checked.ok) return refuse(`at ${time} ${checked.error}`);
  }
  return { ok: true, value: [...points], series };
}

/** Checks one query's answer: one series of the asked type holding finite counts of at least 0. */
export function interpret(request: Request, outcome: QueryOutcome): Answer {
  if (!outcome.ok) return outcome;
  const { result } = outcome;
  if (request.kind === 'count') {
    if (result.type !== 'vector') return refuse(`the query returned a ${result.type}, not one number`);
    if (result.samples.length === 0) return NO_DATA;
    if (result.samples.length > 1)
      return refuse(
        `the query returned ${plural(result.samples.length, 'series', 'series')}; aggregate them with sum()`,
      );
    const sample = result.samples[0]!;
    return checkCount(sample.value, seriesKey(sample.labels));
  }
  if (result.type !== 'matrix') return refuse(`the history query returned a ${result.type}, not a range`);
  if (result.series.length === 0) return NO_DATA;
  if (result.series.length > 1)
    return refuse(
      `the history query returned ${plural(result.series.length, 'series', 'series')}; aggregate them with sum()`,
    );
  const series = result.series[0]!;
  return checkPoints(series.points, seriesKey(series.labels));
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

/**
 * The part of a batched answer that belongs to one window, without the tag. A series tagged with no
 * window that was asked for means the answer is not what was asked: every window is refused.
 */
function windowPart(outcome: QueryOutcome, window: number, asked: ReadonlySet<string>): QueryOutcome {
  if (!outcome.ok || outcome.result.type !== 'vector') return outcome;
  const stray = outcome.result.samples.find((s) => !asked.has(s.labels.get(WINDOW_LABEL) ?? ''));
  if (stray)
    return { ok: false, error: `the answer holds a series no query asked for: ${seriesKey(stray.labels)}` };
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
      const asked = new Set(group.map((r) => String(r.window)));
      for (const request of group) {
        const outcome =
          request.kind === 'count' ? windowPart(outcomes[i]!, request.window, asked) : outcomes[i]!;
        answers.set(requestExpression(request), interpret(request, outcome));
      }
    });
    await explainEmpty(client, [...unique(requests).values()], answers, at);
    return answers;
  };
}

/**
 * Counts of a counter selector that came back empty: one more query per selector reads its raw
 * samples before `at`, so a window too short for the sampling is named as such rather than as "no
 * data". Only empty answers pay for it; a diagnosis that fails leaves the answer as it was.
 */
async function explainEmpty(
  client: Parameters<typeof prometheusBackend>[0],
  requests: readonly Request[],
  answers: Map<string, Answer>,
  at: number,
): Promise<void> {
  const empty = new Map<string, Request[]>();
  for (const request of requests) {
    const answer = answers.get(requestExpression(request));
    if (answer?.ok || !answer?.noData || request.query.kind !== 'selector') continue;
    const selector = formatSelector(request.query.selector);
    empty.set(selector, [...(empty.get(selector) ?? []), request]);
  }
  if (empty.size === 0) return;
  const reads = [...empty].map(([selector, group]) => ({
    group,
    expr: `${selector}[${promDuration(sampleLookback(Math.max(...group.map(countWindow))))}]`,
  }));
  const outcomes = await client.queryAll(reads.map(({ expr }) => ({ expr, time: at })));
  reads.forEach(({ group }, i) => {
    const outcome = outcomes[i]!;
    if (!outcome.ok || outcome.result.type !== 'matrix') return;
    for (const request of group) {
      const sparse = tooFewSamples(outcome.result.series, countWindow(request), at, 'the metric');
      if (sparse) answers.set(requestExpression(request), refuse(sparse));
    }
  });
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
      const { selector } = request.query;
      const count = request.kind === 'count' ? countFromExport(series, selector, request.window, at) : 0;
      let answer: Answer =
        request.kind === 'count'
          ? count === undefined
            ? NO_DATA
            : checkCount(count)
          : checkPoints(bucketsFromExport(series, selector, request.window, request.step, at));
      if (!answer.ok && answer.noData) {
        const matching = series.filter((s) => matches(selector, s.labels));
        const sparse = tooFewSamples(matching, countWindow(request), at, 'the export');
        if (sparse) answer = refuse(sparse);
      }
      answers.set(expr, answer);
    }
    return answers;
  };
}

/** The file backend over an export's text; text that is not an export is the user's mistake, named. */
export function exportBackend(text: string, path: string): Backend {
  try {
    return fileBackend(parseExport(text));
  } catch (error) {
    throw new UserError(`The export ${path} cannot be read: ${describeError(error)}`);
  }
}
