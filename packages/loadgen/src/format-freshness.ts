import type { FreshnessResult } from './types';

/** The freshness lines of a report: lag percentiles, what was fulfilled or left queued, and the verdict. */
export function formatFreshness(freshness: FreshnessResult): string[] {
  if (!freshness.measured) return [`freshness not measured (${freshness.reason})`];
  const f = freshness;
  const lag = f.lagMs ? `p50 ${formatSeconds(f.lagMs.p50)}  p99 ${formatSeconds(f.lagMs.p99)}` : 'p50 –  p99 –';
  const leftover = f.stillQueued > 0 ? `${f.stillQueued} still queued after ${formatSeconds(f.drainWaitMs)}` : `queue drained after ${formatSeconds(f.drainWaitMs)}`;
  const verdict = f.verdict === 'no_data' ? 'no data' : f.verdict;
  const bound = f.withinBoundMs === null ? 'no bucket bound at or below the threshold' : `read at the ${formatSeconds(f.withinBoundMs)} bucket bound`;
  return [
    `freshness ${lag}  fulfilled ${f.fulfilled} (${leftover})  objective ${f.objective}: ${verdict}`,
    `          ${formatShareDigits(f.withinPercent)} within objective (${bound}; still queued count as late; percentiles are bucket-resolution) from ${f.source}`,
  ];
}

// Lags are seconds-scale, so they read in seconds with three significant digits: 0.42 s, 3.1 s, 30 s.
function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

// Two decimals, so a share just under a 99% objective never reads as 99.0%.
function formatShareDigits(percent: number): string {
  return `${(Math.floor(percent * 100) / 100).toFixed(2)}%`;
}
