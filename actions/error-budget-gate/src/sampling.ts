import { plural } from '../../../shared/english.js';
import { duration } from './decision.js';

/**
 * How far before the evaluation time samples are read to tell sparse sampling from missing data:
 * long enough to hold two samples of a series sampled every 2 hours, or every 2 windows.
 */
export function sampleLookback(window: number): number {
  return Math.max(4 * window, 2 * 3600);
}

/**
 * Why a window holds no count when its samples are too sparse for it: increase() needs two samples
 * of a series inside the window (Prometheus returns no series otherwise, and the file backend does
 * the same), so a window shorter than twice the sampling interval holds one sample or none. The
 * interval is the smallest gap between consecutive samples of any series in the lookback; `points`
 * are sorted by time. Undefined when the sampling is fine or unknown: the data is missing for
 * another reason, and the caller says so.
 */
export function tooFewSamples(
  series: ReadonlyArray<{ points: ReadonlyArray<readonly [number, number]> }>,
  window: number,
  at: number,
  source: string,
): string | undefined {
  const from = at - sampleLookback(window);
  let interval = Infinity;
  let inWindow = 0;
  for (const { points } of series) {
    let later: number | undefined;
    let count = 0;
    for (let i = points.length - 1; i >= 0 && points[i]![0] >= from; i--) {
      const time = points[i]![0];
      if (time > at) continue;
      if (later !== undefined && later > time) interval = Math.min(interval, later - time);
      if (time >= at - window) count++;
      later = time;
    }
    inWindow = Math.max(inWindow, count);
  }
  if (!Number.isFinite(interval) || 2 * interval <= window) return undefined;
  const every = Math.max(1, Math.round(interval));
  const wide = Math.ceil((2 * every) / 60) * 60;
  return `too few samples in the ${duration(window)} window (${plural(inWindow, 'sample')}; ${source} is sampled every ${duration(every)}: widen the window to at least ${duration(wide)} with input "burn-rate-rules", or sample more often)`;
}
