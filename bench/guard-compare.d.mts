export interface GuardRow {
  name: string;
  before: number | undefined;
  now: number | undefined;
  change?: number;
  verdict: 'ok' | 'regressed' | 'no baseline' | 'not measured' | 'bad baseline';
}
export function compareToBaseline(
  baseline: Record<string, number>,
  measured: Record<string, number>,
  threshold?: number,
): { rows: GuardRow[]; failed: boolean };
export function comparisonTable(result: { rows: GuardRow[] }, threshold?: number): string;
