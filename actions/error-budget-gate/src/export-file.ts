import { parseQueryData, parseSampleValue } from '../../../shared/prometheus.js';
import { type Selector, readString } from './promql.js';

/** One counter series from an export: labels (with `__name__`) and points [unix seconds, value], by time. */
export interface ExportSeries {
  labels: Map<string, string>;
  points: Array<[number, number]>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function parseSampleLine(
  line: string,
  lineNo: number,
  millis: boolean,
): { key: string; labels: Map<string, string>; time: number; value: number } {
  const fail = (what: string) => new Error(`line ${lineNo}: ${what}`);
  const name = NAME.exec(line)?.[0];
  if (!name) throw fail('a sample must start with a metric name');
  const labels = new Map([['__name__', name]]);
  let rest = line.slice(name.length);
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    while (!rest.startsWith('}')) {
      const label = LABEL.exec(rest)?.[0];
      if (!label || rest[label.length] !== '=') throw fail('labels must be name="value"');
      const literal = readString(rest.slice(label.length + 1));
      if (!literal) throw fail('a label value must be a quoted string');
      labels.set(label, literal.value);
      rest = rest.slice(label.length + 1 + literal.length);
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) throw fail('labels must be separated by commas');
    }
    rest = rest.slice(1);
  }
  const [valueText, timeText, ...extra] = rest.trim().split(/\s+/);
  if (!valueText || !timeText || extra.length) throw fail('a sample needs a value and a timestamp');
  const time = Number(timeText) / (millis ? 1000 : 1);
  if (!Number.isFinite(time))
    throw fail(`timestamp ${JSON.stringify(timeText.slice(0, 40))} is not a number`);
  const value = parseSampleValue(valueText);
  const key = [...labels]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}\0${v}`)
    .join('\0');
  return { key, labels, time, value };
}

/**
 * Reads an export of counters: OpenMetrics text (timestamps in seconds, ends with `# EOF`), the
 * Prometheus text format with millisecond timestamps, or JSON from /api/v1/query_range (the whole
 * answer, its `data`, or the list of series). Every sample needs a timestamp.
 */
export function parseExport(text: string): ExportSeries[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = JSON.parse(trimmed) as unknown;
    const data = Array.isArray(json)
      ? { resultType: 'matrix', result: json }
      : ((json as { data?: unknown }).data ?? json);
    const result = parseQueryData(data);
    if (result.type !== 'matrix') throw new Error(`expected a matrix of series, found ${result.type}`);
    return result.series.map((s) => ({
      labels: s.labels,
      points: [...s.points].sort((a, b) => a[0] - b[0]),
    }));
  }
  const millis = !/^# EOF\s*$/m.test(text);
  const series = new Map<string, ExportSeries>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const sample = parseSampleLine(line, index + 1, millis);
    const found = series.get(sample.key) ?? { labels: sample.labels, points: [] };
    found.points.push([sample.time, sample.value]);
    series.set(sample.key, found);
  });
  for (const s of series.values()) s.points.sort((a, b) => a[0] - b[0]);
  return [...series.values()];
}

/** Whether a series matches a selector, with PromQL semantics (regexes anchored, missing label = ""). */
export function matches(selector: Selector, labels: ReadonlyMap<string, string>): boolean {
  if (selector.metric && labels.get('__name__') !== selector.metric) return false;
  return selector.matchers.every((m) => {
    const value = labels.get(m.label) ?? '';
    if (m.op === '=') return value === m.value;
    if (m.op === '!=') return value !== m.value;
    const found = new RegExp(`^(?:${m.value})$`, 'u').test(value);
    return m.op === '=~' ? found : !found;
  });
}

/** First index with time >= t (points sorted by time). */
function lowerBound(points: ReadonlyArray<[number, number]>, t: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]![0] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The counter's increase between its first and last sample in [from, to], counting resets as
 * Prometheus does (a drop means the counter restarted from 0). Undefined with fewer than 2 samples.
 * Unlike Prometheus it does not extrapolate to the range edges: the export's own samples are exact.
 */
export function increase(
  points: ReadonlyArray<[number, number]>,
  from: number,
  to: number,
): number | undefined {
  const first = lowerBound(points, from);
  let total = 0;
  let count = 0;
  let previous = NaN;
  for (let i = first; i < points.length && points[i]![0] <= to; i++, count++) {
    const value = points[i]![1];
    if (count > 0) total += value < previous ? value : value - previous;
    previous = value;
  }
  return count >= 2 ? total : undefined;
}

/** Sum of the increase of every matching series over [at - window, at]; undefined when none has data. */
export function countFromExport(
  series: readonly ExportSeries[],
  selector: Selector,
  window: number,
  at: number,
): number | undefined {
  let sum: number | undefined;
  for (const s of series) {
    if (!matches(selector, s.labels)) continue;
    const value = increase(s.points, at - window, at);
    if (value !== undefined) sum = (sum ?? 0) + value;
  }
  return sum;
}

/** Increase per step-aligned bucket ending in (at - window, at], like the Prometheus subquery. */
export function bucketsFromExport(
  series: readonly ExportSeries[],
  selector: Selector,
  window: number,
  step: number,
  at: number,
): Array<[number, number]> {
  const matching = series.filter((s) => matches(selector, s.labels));
  const points: Array<[number, number]> = [];
  for (let end = Math.floor(at / step) * step; end > at - window; end -= step) {
    const value = countFromExport(matching, { matchers: [] }, step, end);
    if (value !== undefined) points.push([end, value]);
  }
  return points.reverse();
}
