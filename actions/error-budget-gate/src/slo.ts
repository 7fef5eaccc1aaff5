import { MAX_ALIASES, userYaml, yamlParser } from '../../../shared/yaml.js';
import { parseDuration } from '../../../shared/duration.js';
import { UserError } from '../../../shared/errors.js';
import { type SliQuery, fromSlothTemplate, parseSliQuery } from './promql.js';

export type CalendarUnit = 'd' | 'w' | 'M' | 'Q' | 'Y';

/** A rolling window of fixed length, or calendar periods counted from an anchor (UTC). */
export type SloWindow =
  | { kind: 'rolling'; seconds: number }
  | { kind: 'calendar'; unit: CalendarUnit; count: number; anchor?: number };

export type Budgeting =
  | { method: 'occurrences' }
  /** A slice is good when its good/total ratio reaches `sliceTarget`. */
  | { method: 'timeslices'; sliceSeconds: number; sliceTarget: number };

/** One SLO, whatever format it came from. Queries count events; `bad` or `good` is set. */
export interface Slo {
  name: string;
  /** Fraction, 0.999 for 99.9%. */
  objective: number;
  window: SloWindow;
  budgeting: Budgeting;
  good?: SliQuery;
  bad?: SliQuery;
  total: SliQuery;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const CALENDAR_WORDS: Record<string, CalendarUnit> = {
  'calendar-day': 'd',
  'calendar-week': 'w',
  'calendar-month': 'M',
  'calendar-quarter': 'Q',
  'calendar-year': 'Y',
};

/** `30d` (rolling) or `calendar-month` and friends (calendar, UTC, weeks start on Monday). */
export function parseWindowInput(text: string): SloWindow | undefined {
  const unit = CALENDAR_WORDS[text.trim().toLowerCase()];
  if (unit) return { kind: 'calendar', unit, count: 1 };
  const seconds = parseDuration(text);
  return seconds === undefined ? undefined : { kind: 'rolling', seconds };
}

/** A percentage objective (`99.9`) as a fraction; strictly between 0 and 100. */
export function objectiveFromPercent(percent: number, where: string): number {
  if (!Number.isFinite(percent) || percent <= 0 || percent >= 100) {
    throw new UserError(
      `${where}: the objective ${percent} is not a percentage between 0 and 100 (exclusive).`,
    );
  }
  // toPrecision drops float noise: 99.9 / 100 is 0.9990000000000001.
  return Number((percent / 100).toPrecision(12));
}

function query(text: unknown, where: string): SliQuery {
  if (typeof text !== 'string' || !text.trim()) throw new UserError(`${where}: the query is missing.`);
  const parsed = parseSliQuery(text);
  if (typeof parsed === 'string')
    throw new UserError(`${where}: the query ${JSON.stringify(text.slice(0, 200))} ${parsed}.`);
  return parsed;
}

/** The SLO from the action's inline inputs. */
export function inlineSlo(options: {
  objectivePercent: number;
  window: SloWindow;
  goodQuery?: string;
  badQuery?: string;
  totalQuery?: string;
}): Slo {
  const { goodQuery, badQuery, totalQuery } = options;
  if (!totalQuery || (!goodQuery && !badQuery)) {
    throw new UserError(
      'No SLO is defined: set input "slo" to an OpenSLO, Sloth or Pyrra file, or set "total-query" and one of "good-query" or "bad-query".',
    );
  }
  if (goodQuery && badQuery) throw new UserError('Set only one of inputs "good-query" and "bad-query".');
  return {
    name: 'slo',
    objective: objectiveFromPercent(options.objectivePercent, 'Input "objective"'),
    window: options.window,
    budgeting: { method: 'occurrences' },
    ...(goodQuery
      ? { good: query(goodQuery, 'Input "good-query"') }
      : { bad: query(badQuery, 'Input "bad-query"') }),
    total: query(totalQuery, 'Input "total-query"'),
  };
}

/** OpenSLO duration shorthand: `28d`, `1M`, `1Q`, `1Y`, `1w`. */
function openSloWindow(entry: Json, where: string): SloWindow {
  const duration = String(entry.duration ?? '');
  const match = /^(\d+)([mhdwMQY])$/.exec(duration.trim());
  if (!match)
    throw new UserError(`${where}: timeWindow duration ${JSON.stringify(duration)} is not like 30d or 1M.`);
  const count = Number(match[1]);
  const unit = match[2]!;
  const calendar = obj(entry.calendar);
  if (entry.isRolling === true || !entry.calendar) {
    const seconds = parseDuration(`${count}${unit}`);
    if (seconds === undefined)
      throw new UserError(`${where}: a rolling window cannot be ${duration}; use days or weeks.`);
    return { kind: 'rolling', seconds };
  }
  const zone = String(calendar.timeZone ?? 'UTC');
  if (!/^(Etc\/)?(UTC|GMT)$/i.test(zone)) {
    throw new UserError(`${where}: calendar time zone ${JSON.stringify(zone)} is not supported; use UTC.`);
  }
  const anchor = calendar.startTime
    ? Date.parse(`${String(calendar.startTime).replace(' ', 'T')}Z`) / 1000
    : undefined;
  if (anchor !== undefined && !Number.isFinite(anchor)) {
    throw new UserError(
      `${where}: calendar startTime ${JSON.stringify(calendar.startTime)} is not a date and time.`,
    );
  }
  if (unit === 'm' || unit === 'h')
    throw new UserError(`${where}: calendar windows are days, weeks, months, quarters or years.`);
  return { kind: 'calendar', unit: unit as CalendarUnit, count, anchor };
}

function openSloQuery(source: unknown, where: string): SliQuery {
  const metricSource = obj(obj(source).metricSource);
  const spec = obj(metricSource.spec);
  const text = spec.query ?? spec.promql ?? metricSource.query;
  return query(text, where);
}

function fromOpenSlo(docs: Json[], file: string): Slo[] {
  const slis = new Map<string, Json>();
  for (const doc of docs) if (doc.kind === 'SLI') slis.set(String(obj(doc.metadata).name), obj(doc.spec));
  const slos: Slo[] = [];
  for (const doc of docs.filter((d) => d.kind === 'SLO')) {
    const name = String(obj(doc.metadata).name ?? `slo-${slos.length + 1}`);
    const where = `${file}: SLO ${JSON.stringify(name)}`;
    const spec = obj(doc.spec);
    const indicator = spec.indicatorRef ? slis.get(String(spec.indicatorRef)) : obj(obj(spec.indicator).spec);
    if (!indicator)
      throw new UserError(
        `${where}: indicatorRef ${JSON.stringify(spec.indicatorRef)} names no SLI in the file.`,
      );
    const ratio = obj(indicator.ratioMetric);
    if (!ratio.total)
      throw new UserError(`${where}: only ratioMetric indicators (good or bad, and total) are supported.`);
    const windows = list(spec.timeWindow);
    if (windows.length !== 1) throw new UserError(`${where}: exactly one timeWindow is needed.`);
    const window = openSloWindow(obj(windows[0]), where);
    const method = String(spec.budgetingMethod ?? 'Occurrences');
    if (method !== 'Occurrences' && method !== 'Timeslices') {
      throw new UserError(
        `${where}: budgetingMethod ${JSON.stringify(method)} is not supported; use Occurrences or Timeslices.`,
      );
    }
    const good = ratio.good ? openSloQuery(ratio.good, `${where} good`) : undefined;
    const bad = !good && ratio.bad ? openSloQuery(ratio.bad, `${where} bad`) : undefined;
    if (!good && !bad) throw new UserError(`${where}: ratioMetric needs "good" or "bad".`);
    const total = openSloQuery(ratio.total, `${where} total`);
    const objectives = list(spec.objectives);
    if (objectives.length === 0) throw new UserError(`${where}: no objectives.`);
    objectives.forEach((raw, index) => {
      const objective = obj(raw);
      const label = String(objective.displayName ?? objective.name ?? index + 1);
      const percent =
        objective.targetPercent !== undefined
          ? Number(objective.targetPercent)
          : Number(objective.target) * 100;
      const budgeting: Budgeting =
        method === 'Occurrences'
          ? { method: 'occurrences' }
          : timeslices(objective, `${where} objective ${label}`);
      slos.push({
        name: objectives.length > 1 ? `${name}/${label}` : name,
        objective: objectiveFromPercent(percent, `${where} objective ${label}`),
        window,
        budgeting,
        ...(good ? { good } : { bad }),
        total,
      });
    });
  }
  return slos;
}

function timeslices(objective: Json, where: string): Budgeting {
  const sliceSeconds = parseDuration(String(objective.timeSliceWindow ?? ''));
  const sliceTarget = Number(objective.timeSliceTarget);
  if (!sliceSeconds || sliceSeconds < 60)
    throw new UserError(`${where}: Timeslices needs timeSliceWindow of at least 1m.`);
  if (!(sliceTarget > 0 && sliceTarget <= 1))
    throw new UserError(`${where}: Timeslices needs timeSliceTarget between 0 and 1.`);
  return { method: 'timeslices', sliceSeconds, sliceTarget };
}

function fromSloth(doc: Json, file: string, window: SloWindow): Slo[] {
  const root = doc.version ? doc : obj(doc.spec);
  return list(root.slos).map((raw, index) => {
    const slo = obj(raw);
    const name = String(slo.name ?? `slo-${index + 1}`);
    const where = `${file}: Sloth SLO ${JSON.stringify(name)}`;
    const events = obj(obj(slo.sli).events);
    if (!events.total_query)
      throw new UserError(`${where}: only sli.events (error_query and total_query) is supported.`);
    const slothQuery = (text: unknown, part: string) =>
      query(typeof text === 'string' ? fromSlothTemplate(text) : text, `${where} ${part}`);
    return {
      name,
      objective: objectiveFromPercent(Number(slo.objective), where),
      window,
      budgeting: { method: 'occurrences' as const },
      bad: slothQuery(events.error_query, 'error_query'),
      total: slothQuery(events.total_query, 'total_query'),
    };
  });
}

function fromPyrra(doc: Json, file: string): Slo {
  const name = String(obj(doc.metadata).name ?? 'slo');
  const where = `${file}: Pyrra SLO ${JSON.stringify(name)}`;
  const spec = obj(doc.spec);
  const indicator = obj(spec.indicator);
  const seconds = parseDuration(String(spec.window ?? ''));
  if (!seconds)
    throw new UserError(`${where}: spec.window ${JSON.stringify(spec.window)} is not a duration.`);
  const ratio = obj(indicator.ratio);
  const latency = obj(indicator.latency);
  const metric = (part: unknown, label: string) => query(obj(part).metric, `${where} ${label}`);
  const base = {
    name,
    objective: objectiveFromPercent(Number(spec.target), where),
    window: { kind: 'rolling' as const, seconds },
    budgeting: { method: 'occurrences' as const },
  };
  if (ratio.errors)
    return { ...base, bad: metric(ratio.errors, 'errors'), total: metric(ratio.total, 'total') };
  if (latency.success)
    return { ...base, good: metric(latency.success, 'success'), total: metric(latency.total, 'total') };
  throw new UserError(`${where}: only ratio and latency indicators are supported.`);
}

/**
 * Every SLO in a file: OpenSLO v1 (SLO and SLI documents), Sloth (`version: prometheus/v1` or the
 * PrometheusServiceLevel resource) or Pyrra (ServiceLevelObjective). Sloth has no window in its
 * spec, so `defaultWindow` (input `window`) is used.
 */
export function parseSloFile(text: string, file: string, defaultWindow: SloWindow): Slo[] {
  const docs: Json[] = [];
  userYaml(file, () => {
    for (const doc of yamlParser().parseAllDocuments(text)) {
      if (doc.errors.length)
        throw new UserError(`${file} is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
      const value = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
      if (value !== null && value !== undefined) docs.push(obj(value));
    }
  });
  const slos: Slo[] = [];
  const openSlo = docs.filter((d) => String(d.apiVersion ?? '').startsWith('openslo/'));
  if (openSlo.length) slos.push(...fromOpenSlo(openSlo, file));
  for (const doc of docs) {
    if (doc.version === 'prometheus/v1' || doc.kind === 'PrometheusServiceLevel')
      slos.push(...fromSloth(doc, file, defaultWindow));
    else if (doc.kind === 'ServiceLevelObjective' && String(doc.apiVersion ?? '').startsWith('pyrra.dev/'))
      slos.push(fromPyrra(doc, file));
  }
  if (slos.length === 0) {
    throw new UserError(
      `${file} holds no SLO: expected OpenSLO v1 (kind: SLO), Sloth (version: prometheus/v1) or Pyrra (kind: ServiceLevelObjective).`,
    );
  }
  const names = new Set<string>();
  for (const slo of slos) {
    if (names.has(slo.name))
      throw new UserError(`${file}: two SLOs are named ${JSON.stringify(slo.name)}; names must be unique.`);
    names.add(slo.name);
  }
  return slos;
}
