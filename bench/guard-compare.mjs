// The comparison behind `npm run bench:guard`, kept apart from the measuring so a unit test can check
// it with plain numbers (test/foundation/bench-guard.test.ts).

/**
 * Compares this run's ratios with the committed baseline's. A ratio is a case's median time over the
 * floor measured in the same rounds, so a runner that is slower or busier as a whole moves both alike.
 * A case regresses when its ratio grew by more than `threshold` (0.2: 20%). A case the baseline does
 * not know yet is reported and passes (commit a baseline for it); a baseline case this run did not
 * measure fails, so a case cannot stop being guarded unnoticed.
 * @param {Record<string, number>} baseline
 * @param {Record<string, number>} measured
 */
export function compareToBaseline(baseline, measured, threshold = 0.2) {
  const names = [...new Set([...Object.keys(baseline), ...Object.keys(measured)])];
  const rows = names.map((name) => {
    const before = Object.hasOwn(baseline, name) ? baseline[name] : undefined;
    const now = Object.hasOwn(measured, name) ? measured[name] : undefined;
    if (before !== undefined && !(before > 0 && Number.isFinite(before)))
      return { name, before, now, verdict: 'bad baseline' };
    if (now === undefined) return { name, before, now, verdict: 'not measured' };
    if (before === undefined) return { name, before, now, verdict: 'no baseline' };
    const change = now / before - 1;
    // A hair of tolerance: 1.8 over 1.5 is 20% exactly, though floating point makes it 20.0000000002%.
    return { name, before, now, change, verdict: change > threshold + 1e-9 ? 'regressed' : 'ok' };
  });
  const failed = rows.some((r) => ['regressed', 'not measured', 'bad baseline'].includes(r.verdict));
  return { rows, failed };
}

/** The comparison as a Markdown table, for the log and the job summary. */
export function comparisonTable({ rows }, threshold = 0.2) {
  const ratio = (x) => (x === undefined ? '–' : `${x.toFixed(2)}x`);
  const change = (r) =>
    r.change === undefined ? '–' : `${r.change >= 0 ? '+' : ''}${(r.change * 100).toFixed(0)}%`;
  return [
    `| case | baseline (× floor) | this run (× floor) | change | verdict (fails above +${threshold * 100}%) |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${ratio(r.before)} | ${ratio(r.now)} | ${change(r)} | ${r.verdict} |`),
  ].join('\n');
}
