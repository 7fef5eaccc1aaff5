import { parseDuration } from '../../../shared/duration.js';
import { InputError, UserError } from '../../../shared/errors.js';
import { input, type parseInputs } from '../../../shared/inputs.js';
import type { Zod } from '../../../shared/zod.js';
import type { BurnRule } from './policy.js';
import { type Slo, inlineSlo, parseSloFile, parseWindowInput } from './slo.js';

// Built with zod once loaded, when the input has a value (shared/zod.ts).
const durationText = (z: Zod) =>
  z.pipe(
    z.string(),
    z.transform((text: string, ctx) => {
      const seconds = parseDuration(text);
      if (seconds === undefined)
        ctx.issues.push({
          code: 'custom',
          message: `${JSON.stringify(text)} is not a duration such as 1h`,
          input: text,
        });
      return seconds ?? 0;
    }),
  );

const burnRuleSchema = (z: Zod) =>
  z.array(
    z.object({
      long: durationText(z),
      short: durationText(z),
      'burn-rate': z.number().check(z.positive()),
      severity: z._default(z.enum(['block', 'warn']), 'block'),
    }),
  );

/** The action's inputs, as action.yml declares them. */
export const inputs = {
  slo: input.optional(),
  objective: input.number(0, 100),
  window: input.required(),
  'good-query': input.optional(),
  'bad-query': input.optional(),
  'total-query': input.optional(),
  at: input.optional(),
  'prometheus-url': input.optional(),
  'prometheus-token': input.optional(),
  'prometheus-headers': input.text(),
  'query-timeout': input.duration(),
  file: input.optional(),
  'min-budget-remaining': input.number(-1000, 1),
  'burn-rate-rules': input.yaml(
    (z) => z.nullable(burnRuleSchema(z)),
    null,
    'a list of rules such as [{long: 1h, short: 5m, burn-rate: 14.4, severity: block}]',
  ),
  'min-coverage': input.number(0, 1),
  'on-inconclusive': input.oneOf(['block', 'pass']),
  'override-reason': input.optional(),
  'override-label': input.optional(),
  token: input.text(),
};
/** Masked whole; prometheus-url is masked only for its credentials (the address helps read the log). */
export const SECRET = ['prometheus-token', 'prometheus-headers', 'token'] as const;
export type Inputs = Awaited<ReturnType<typeof parseInputs<typeof inputs>>>;

/** RFC 3339 (`2026-11-01T00:00:00Z`) or Unix seconds, to whole Unix seconds. */
export function parseAt(text: string | undefined, now: number): number {
  if (!text) return Math.floor(now / 1000);
  if (/^\d{9,11}(\.\d+)?$/.test(text)) return Math.floor(Number(text));
  const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
  const ms = rfc3339.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) {
    throw new InputError(
      `Input "at" is ${JSON.stringify(text.slice(0, 60))}, which is not allowed: use RFC 3339 such as 2026-11-01T12:00:00Z or Unix seconds.`,
    );
  }
  return Math.floor(ms / 1000);
}

/**
 * The SLOs to decide: those in the `slo` file, or the one the inline inputs define. The window input
 * is checked before the file is read, so a mistake there is named first.
 */
export function slosFromInputs(
  values: Pick<Inputs, 'slo' | 'objective' | 'window' | 'good-query' | 'bad-query' | 'total-query'>,
  readSloFile: (path: string) => string,
): Slo[] {
  const window = parseWindowInput(values.window);
  if (!window) {
    throw new InputError(
      `Input "window" is ${JSON.stringify(values.window)}, which is not allowed: use a rolling duration such as 30d or 28d, or calendar-day, calendar-week, calendar-month, calendar-quarter or calendar-year.`,
    );
  }
  if (!values.slo) {
    return [
      inlineSlo({
        objectivePercent: values.objective,
        window,
        goodQuery: values['good-query'],
        badQuery: values['bad-query'],
        totalQuery: values['total-query'],
      }),
    ];
  }
  return parseSloFile(readSloFile(values.slo), values.slo, window);
}

/** The burn-rate rules the input sets, or undefined for the Workbook's defaults. */
export function burnRules(values: Pick<Inputs, 'burn-rate-rules'>): BurnRule[] | undefined {
  return values['burn-rate-rules']?.map((r) => ({
    long: r.long,
    short: r.short,
    burnRate: r['burn-rate'],
    severity: r.severity,
  }));
}

/** Where the numbers come from: an export file or a Prometheus HTTP API, exactly one of them. */
export type DataSource = { kind: 'file'; path: string } | { kind: 'prometheus'; url: string };

export function dataSource(values: Pick<Inputs, 'prometheus-url' | 'file'>): DataSource {
  const url = values['prometheus-url'];
  if (url && values.file) throw new UserError('Set only one of inputs "prometheus-url" and "file".');
  if (values.file) return { kind: 'file', path: values.file };
  if (!url)
    throw new UserError(
      'No data source: set input "prometheus-url" (the Prometheus HTTP API) or "file" (an export).',
    );
  return { kind: 'prometheus', url };
}
