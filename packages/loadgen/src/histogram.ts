import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import type { LatencySummary } from './types';

// One minute to start with; the histogram grows past it rather than dropping a longer wait.
const INITIAL_HIGHEST_US = 60_000_000;

/** A latency histogram in microseconds, 3 significant digits, growing past one minute if needed. */
export type LatencyHistogram = Histogram;

/** Creates an empty microsecond histogram. */
export function createLatencyHistogram(): LatencyHistogram {
  // The pure-JS build: no WebAssembly to initialise, and a record costs well under a microsecond.
  return build({
    bitBucketSize: 32,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: INITIAL_HIGHEST_US,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

/** Records a latency given in milliseconds (sub-microsecond values count as 1 µs). */
export function recordLatencyMs(histogram: LatencyHistogram, ms: number): void {
  histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
}

/** The value at a percentile (0-100) in milliseconds; 0 for an empty histogram. */
export function percentileMs(histogram: LatencyHistogram, percentile: number): number {
  if (histogram.totalCount === 0) return 0;
  return histogram.getValueAtPercentile(percentile) / 1000;
}

/** p50/p90/p95/p99/p99.9/max/mean in milliseconds. */
export function summarizeLatency(histogram: LatencyHistogram): LatencySummary {
  const empty = histogram.totalCount === 0;
  const max = empty ? 0 : histogram.maxValue / 1000;
  // A percentile is the top of its bucket, which can sit a hair above the exact maximum.
  const at = (percentile: number): number => Math.min(max, percentileMs(histogram, percentile));
  return { p50: at(50), p90: at(90), p95: at(95), p99: at(99), p999: at(99.9), max, mean: empty ? 0 : histogram.mean / 1000 };
}

/**
 * How many recorded values are at or above `thresholdMs`, judged the way percentiles are
 * reported (by the top of each value's bucket), so a run whose p99 reads under the threshold never
 * counts more than 1% here.
 */
export function countAtOrAbove(histogram: LatencyHistogram, thresholdMs: number): number {
  const total = histogram.totalCount;
  const thresholdUs = thresholdMs * 1000;
  // The values sorted by rank rise monotonically, so a binary search finds how many lie below.
  let below = 0;
  let high = total;
  while (below < high) {
    const rank = Math.ceil((below + high) / 2);
    if (valueAtRank(histogram, rank, total) < thresholdUs) below = rank;
    else high = rank - 1;
  }
  return total - below;
}

// Asking for the middle of the rank's share keeps float rounding from landing on a neighbour.
function valueAtRank(histogram: LatencyHistogram, rank: number, total: number): number {
  return histogram.getValueAtPercentile((100 * (rank - 0.5)) / total);
}

/** Serialises a histogram to HdrHistogram's compressed base64 form. */
export function encodeHistogram(histogram: LatencyHistogram): string {
  return encodeIntoCompressedBase64(histogram);
}
