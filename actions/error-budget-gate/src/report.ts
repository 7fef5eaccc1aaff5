import { plural } from '../../../shared/english.js';
import { Summary, escapeMarkdown, inlineCode } from '../../../shared/summary.js';
import { type GateOutcome, type SloResult, duration } from './decision.js';
import type { Span } from './budget.js';
import type { SloWindow } from './slo.js';

const BARS = '▁▂▃▄▅▆▇█';
const ICONS: Record<string, string> = {
  pass: '✅',
  warn: '⚠️',
  block: '⛔',
  inconclusive: '❔',
  override: '🔓',
};

/** Keeps at most `width` values, each the last of its group, so the end value is always shown. */
export function downsample<T>(values: readonly T[], width: number): T[] {
  if (values.length <= width) return [...values];
  return Array.from({ length: width }, (_, i) => values[Math.ceil(((i + 1) * values.length) / width) - 1]!);
}

// A sparkline row (name, line, "-109.00%") fits 80 columns: GitHub scrolls a code block past about 90.
const SPARK_NAME_WIDTH = 24;
const SPARK_WIDTH = 44;

const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** A one-line chart: ▁ is the lowest value shown (0 or below), █ is 100% of the budget. */
export function sparkline(values: readonly number[], width = SPARK_WIDTH): string {
  const shown = downsample(values, width);
  const low = Math.min(0, ...shown);
  const high = Math.max(1, ...shown);
  return shown
    .map(
      (v) =>
        BARS[
          Math.min(
            BARS.length - 1,
            Math.max(0, Math.round(((v - low) / (high - low || 1)) * (BARS.length - 1))),
          )
        ],
    )
    .join('');
}

export const formatPercent = (x: number | undefined, digits = 2) =>
  x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`;

export function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** `in 4d 3h` style distance, rounded down to minutes. */
export function distance(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return [d && `${d}d`, h && `${h}h`, !d && m && `${m}m`].filter(Boolean).join(' ') || 'under a minute';
}

export function describeWindow(window: SloWindow): string {
  if (window.kind === 'rolling') return `${duration(window.seconds)} rolling`;
  const unit = { d: 'day', w: 'week', M: 'month', Q: 'quarter', Y: 'year' }[window.unit];
  return `calendar ${window.count > 1 ? plural(window.count, unit) : unit}`;
}

function burnCell(result: SloResult): string {
  return result.rules.length
    ? result.rules
        .map(
          (r) =>
            `${r.fired ? '**' : ''}${r.longRate.toFixed(1)}/${r.shortRate.toFixed(1)}${r.fired ? '**' : ''}`,
        )
        .join(' · ')
    : '—';
}

/** The units a chart's x-axis counts back from now in: the largest giving at least 20 steps. */
const CHART_UNITS = [
  ['weeks', 7 * 86400],
  ['days', 86400],
  ['hours', 3600],
  ['minutes', 60],
] as const;
/**
 * The budget line in blue, then the 0% line in grey, each at least 3:1 against white, GitHub's dark page
 * and Mermaid's dark chart (#333); Mermaid's default first colour (#ECECFF) is 1.2:1 on white.
 * Mermaid 10 colours plot i with palette[i % (length - 1)], hence the grey twice.
 */
const CHART_PALETTE = '#2f81f7, #848d97, #848d97';

/** Budget remaining at `end - k * unit` for k = steps..0: the last history point at or before each. */
export function budgetAt(
  history: ReadonlyArray<readonly [number, number]>,
  end: number,
  unit: number,
  steps: number,
): number[] {
  const values: number[] = [];
  let i = 0;
  // Before the first bucket nothing of the window's budget is spent yet.
  let value = 1;
  for (let k = steps; k >= 0; k--) {
    while (i < history.length && history[i]![0] <= end - k * unit) value = history[i++]![1];
    values.push(value);
  }
  return values;
}

/**
 * xychart-beta of budget remaining (%), one point per whole unit back from now. The x-axis is numeric
 * (Mermaid labels a few round ticks, where 30 named points overlap) with points exactly 1 apart, which
 * Mermaid 10 and 11 both place right. Below 0% a grey line marks 0.
 */
export function budgetChart(
  name: string,
  history: ReadonlyArray<readonly [number, number]>,
  span: Pick<Span, 'end' | 'elapsed'>,
): string {
  const [unitName, unit] =
    CHART_UNITS.find(([, seconds]) => span.elapsed / seconds >= 20) ?? CHART_UNITS[CHART_UNITS.length - 1];
  const steps = Math.max(1, Math.floor(span.elapsed / unit));
  const ys = budgetAt(history, span.end, unit, steps).map((v) => Math.round(v * 1000) / 10);
  const low = Math.floor(Math.min(0, ...ys) / 10) * 10;
  return [
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${CHART_PALETTE}"}}}}%%`,
    'xychart-beta',
    `  title "Error budget remaining (%), ${name.replace(/["\n]/g, '')}"`,
    `  x-axis "${unitName} (0 = now)" ${-steps} --> 0`,
    `  y-axis "budget %" ${low} --> 100`,
    `  line [${ys.join(', ')}]`,
    ...(low < 0 ? [`  line [${ys.map(() => 0).join(', ')}]`] : []),
  ].join('\n');
}

export interface Audit {
  actor: string;
  reason: string;
  commit: string;
  /** What happened to the commit comment, for the summary. */
  comment: string;
}

/** The job summary: the decision in one line, a table per SLO, then detail in collapsed sections. */
export function renderSummary(
  gate: GateOutcome,
  results: readonly SloResult[],
  context: { at: number; backend: string; audit?: Audit; queries: ReadonlyMap<string, string[]> },
): Summary {
  const s = new Summary();
  const reopen = gate.deciding.reopensAt;
  s.heading(`${ICONS[gate.decision]} Error budget gate: ${gate.decision}`);
  s.text(
    [
      `${escapeMarkdown(gate.reason)}.`,
      gate.deciding.decision === 'block'
        ? reopen !== undefined
          ? `Reopens about **${iso(reopen)}** (in ${distance(reopen - context.at)}) at the current error ratio.`
          : 'Does not reopen at the current error ratio.'
        : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
  if (context.audit) {
    s.text(
      `**Overridden** by ${inlineCode(context.audit.actor || 'unknown')} for commit ${inlineCode(context.audit.commit.slice(0, 12))}: ${inlineCode(context.audit.reason)}. ${context.audit.comment}`,
    );
  }
  s.table(
    [
      'SLO',
      'objective',
      'window',
      'error ratio',
      'budget left',
      'burn long/short per rule',
      'coverage',
      'decision',
    ],
    results.map((r) => [
      escapeMarkdown(r.slo.name),
      `${(r.slo.objective * 100).toFixed(3).replace(/\.?0+$/, '')}%`,
      describeWindow(r.slo.window) +
        (r.slo.budgeting.method === 'timeslices'
          ? ` (${duration(r.slo.budgeting.sliceSeconds)} slices)`
          : ''),
      formatPercent(r.errorRatio, 4),
      formatPercent(r.budgetRemaining),
      burnCell(r),
      formatPercent(r.coverage, 1),
      `${ICONS[r.decision]} ${r.decision}`,
    ]),
  );
  const nameWidth = Math.min(SPARK_NAME_WIDTH, Math.max(...results.map((r) => r.slo.name.length)));
  const sparks = results
    .filter((r) => r.history.length)
    .map(
      (r) =>
        `${clip(r.slo.name, SPARK_NAME_WIDTH).padEnd(nameWidth)} ${sparkline(r.history.map(([, v]) => v))} ${formatPercent(r.budgetRemaining)}`,
    );
  if (sparks.length)
    s.code(['budget remaining over the window (█ = 100%, ▁ = lowest)', ...sparks].join('\n'));
  if (gate.deciding.history.length > 1)
    s.mermaid(budgetChart(gate.deciding.slo.name, gate.deciding.history, gate.deciding.span));
  s.details('Burn-rate rules', (d) =>
    d.table(
      ['SLO', 'long window', 'short window', 'threshold', 'burn long', 'burn short', 'severity', 'fires'],
      results.flatMap((r) =>
        r.rules.map((x) => [
          escapeMarkdown(r.slo.name),
          duration(x.rule.long),
          duration(x.rule.short),
          `${x.rule.burnRate}x`,
          x.longRate.toFixed(2),
          x.shortRate.toFixed(2),
          x.rule.severity,
          x.fired ? 'yes' : 'no',
        ]),
      ),
    ),
  );
  s.details('Why each SLO decided as it did', (d) =>
    d.list(results.map((r) => `${escapeMarkdown(r.slo.name)}: ${r.decision}: ${escapeMarkdown(r.reason)}`)),
  );
  s.details('Queries and evaluation time', (d) => {
    d.text(
      `Evaluated at ${inlineCode(iso(context.at))} (set input \`at\` to this value to reproduce) against ${escapeMarkdown(context.backend)}.`,
    );
    for (const [name, queries] of context.queries)
      d.text(`**${escapeMarkdown(name)}**`).code(queries.join('\n'), 'promql');
  });
  return s;
}
