import { plural } from '../../../shared/english.js';
import type { Annotation } from '../../../shared/io.js';
import type { FileReport, Finding } from './lint.js';

export type FailOn = 'error' | 'warning' | 'never';

export interface Tally {
  errors: number;
  warnings: number;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Findings in reading order: by file, line, column, then rule. Sorts in place and returns the list. */
export function orderFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.rule, b.rule),
  );
}

export function tally(findings: readonly Finding[]): Tally {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/** One annotation per finding with its safe recipe (the shared writer applies GitHub's per-step cap). */
export function annotations(findings: readonly Finding[]): Annotation[] {
  return findings.map((f) => ({
    level: f.severity,
    title: `migration-lint ${f.rule}${f.lock ? ` (${f.lock})` : ''}`,
    message: `${f.message}\nSafe recipe: ${f.fix}`,
    file: f.file,
    line: f.line,
    column: f.column,
  }));
}

/** The log line saying what is linted and what is only replayed. */
export function workLine(linted: number, replayed: number): string {
  return `${plural(linted, 'migration file')} to lint, ${plural(replayed, 'earlier one')} replayed for schema state.`;
}

/**
 * How the step ends once outputs are written: `unreadable` when no file could be analysed at all
 * (a usage problem, not a verdict), `failed` when findings reach `failOn`, else undefined.
 */
export function verdict(
  { errors, warnings }: Tally,
  files: readonly FileReport[],
  failOn: FailOn,
): { kind: 'unreadable' | 'failed'; message: string } | undefined {
  if (files.length && !files.some((f) => f.analysed))
    return {
      kind: 'unreadable',
      message: `${files.length === 1 ? 'The migration file could not' : `None of the ${files.length} migration files could`} be analysed (undecodable, empty or not PostgreSQL); see the findings.`,
    };
  const failing = failOn === 'never' ? 0 : failOn === 'warning' ? errors + warnings : errors;
  if (!failing) return undefined;
  return {
    kind: 'failed',
    message: `migration-lint: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files.length, 'migration file')}.`,
  };
}
