import { plural } from '../../../shared/english.js';
import { Summary, escapeMarkdown, inlineCode } from '../../../shared/summary.js';
import { rules } from './catalog.js';
import type { DynamicResult } from './dynamic.js';
import type { FileReport, Finding } from './lint.js';

/** At most this many findings are listed in the summary table (all are in the outputs and SARIF). */
const MAX_ROWS = 200;

export interface ReportInput {
  findings: readonly Finding[];
  files: readonly FileReport[];
  dynamic?: DynamicResult;
  range?: string;
  failOn: string;
}

/** The job summary: the verdict in one line, the findings table, then recipes and details folded away. */
export function buildSummary(input: ReportInput): Summary {
  const { findings, files, dynamic } = input;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const s = new Summary().heading('Migration lint', 2);
  const counted = `${plural(files.length, 'migration file')}${input.range ? ` (${input.range})` : ''}`;
  if (!files.length) return s.text(`✅ No migration files to lint${input.range ? ` (${input.range})` : ''}.`);
  s.text(
    findings.length === 0
      ? `✅ No risky statements in ${counted}.`
      : `${errors ? '❌' : '⚠️'} ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${counted}.`,
  );
  if (findings.length) {
    const observed = observedByLine(dynamic);
    s.table(
      ['Where', 'Rule', 'Severity', 'Lock', 'Finding', ...(dynamic ? ['Observed on PostgreSQL'] : [])],
      findings
        .slice(0, MAX_ROWS)
        .map((f) => [
          inlineCode(`${f.file}:${f.line}:${f.column}`),
          inlineCode(f.rule),
          f.severity,
          f.lock || '—',
          escapeMarkdown(f.message),
          ...(dynamic ? [escapeMarkdown(observed.get(`${f.file}:${f.line}`) ?? '—')] : []),
        ]),
    );
    if (findings.length > MAX_ROWS)
      s.text(
        `_${plural(findings.length - MAX_ROWS, 'more finding is', 'more findings are')} in the \`findings\` output and the SARIF report._`,
      );
    const used = [...new Set(findings.map((f) => f.rule))];
    s.details('Safe recipes', (body) =>
      body.table(
        ['Rule', 'Why it breaks', 'Safe recipe'],
        used.map((id) => [
          inlineCode(id),
          escapeMarkdown(rules.get(id)!.why),
          escapeMarkdown(rules.get(id)!.fix),
        ]),
      ),
    );
  }
  if (dynamic) addDynamic(s, dynamic);
  const perFile = new Map<string, number>();
  for (const f of findings) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
  s.details(`Files (${files.length})`, (body) =>
    body.table(
      ['File', 'Runner', 'Statements', 'Findings'],
      files.map((f) => [inlineCode(f.path), f.runner, f.statements, perFile.get(f.path) ?? 0]),
    ),
  );
  s.text(
    `Fails the step on: ${input.failOn}. Suppress a reviewed finding with \`-- migration-lint: ignore <rule> -- <reason>\`.`,
  );
  return s;
}

function observedByLine(dynamic: DynamicResult | undefined): Map<string, string> {
  const byLine = new Map<string, string>();
  for (const o of dynamic?.observations ?? []) byLine.set(`${o.file}:${o.line}`, describe(o));
  return byLine;
}

function describe(o: DynamicResult['observations'][number]): string {
  if (o.skipped) return o.skipped;
  if (o.error) return `failed: ${o.error}`;
  const parts = [...o.locks];
  if (o.rewritten.length) parts.push(`rewrote ${o.rewritten.join(', ')}`);
  if (o.scanned.length) parts.push(`scanned ${o.scanned.join(', ')}`);
  return parts.join('; ') || 'no lock on existing tables';
}

function addDynamic(s: Summary, dynamic: DynamicResult): void {
  const rewrites = dynamic.observations.filter((o) => o.rewritten.length).length;
  s.details(
    `Dynamic check: ${plural(dynamic.observations.length, 'statement')} run on PostgreSQL and rolled back, ${plural(rewrites, 'table rewrite')}`,
    (body) => {
      body.table(
        ['Where', 'Locks taken on existing tables', 'Rewrote', 'Scanned', 'Result', 'ms'],
        dynamic.observations.map((o) => [
          inlineCode(`${o.file}:${o.line}`),
          escapeMarkdown(o.locks.join(', ') || '—'),
          escapeMarkdown(o.rewritten.join(', ') || '—'),
          escapeMarkdown(o.scanned.join(', ') || '—'),
          escapeMarkdown(o.skipped ?? (o.error ? `failed: ${o.error}` : 'ok')),
          o.ms,
        ]),
      );
      if (dynamic.baseFailures.length)
        body.text(
          `${plural(dynamic.baseFailures.length, 'base statement')} failed to apply, so part of the schema may be missing: ${dynamic.baseFailures
            .slice(0, 5)
            .map((f) => `${inlineCode(`${f.file}:${f.line}`)} ${escapeMarkdown(f.error)}`)
            .join('; ')}`,
        );
    },
  );
}
