import { Int32Histogram, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import type { JsHistogram } from 'hdr-histogram-js';
import type { LatencySummary } from './types';

// The pure-JS histogram: no WebAssembly to initialise, and recording costs well under a microsecond.
const INITIAL_HIGHEST_US = 60_000_000;
const SIGNIFICANT_DIGITS = 3;

/** A latency histogram in microseconds, 3 significant digits, growing past one minute if needed. */
export type LatencyHistogram = JsHistogram;

/** Creates an empty microsecond histogram. */
export function createLatencyHistogram(): LatencyHistogram {
  const histogram = new Int32Histogram(1, INITIAL_HIGHEST_US, SIGNIFICANT_DIGITS);
  histogram.autoResize = true;
  return histogram;
}

/** Records a latency given in milliseconds (sub-microsecond values count as 1 µs). */
export function recordLatencyMs(histogram: LatencyHistogram, ms: number): void {
  recordMicros(histogram, Math.max(1, Math.round(ms * 1000)));
}

// Runs twice per request. hdr-histogram-js finds a value's slot with Math.log2 and Math.pow on
// every record; below 2^31 µs (35 minutes) the same slot follows from clz32 and shifts, at a
// fraction of the cost. Anything else, including values that need the histogram to grow, takes
// the library's own path.
function recordMicros(histogram: LatencyHistogram, value: number): void {
  if (value >= 0x80000000) return histogram.recordValue(value);
  const bucket = Math.max(31 - Math.clz32(value) - histogram.subBucketHalfCountMagnitude - histogram.unitMagnitude, 0);
  const subBucket = value >>> (bucket + histogram.unitMagnitude);
  const index = ((bucket + 1) << histogram.subBucketHalfCountMagnitude) + subBucket - histogram.subBucketHalfCount;
  if (index >= histogram.countsArrayLength) return histogram.recordValue(value);
  histogram.incrementCountAtIndex(index);
  histogram.updateMinAndMax(value);
  histogram.incrementTotalCount();
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

/** How many recorded values are at or above `thresholdMs` (to the histogram's resolution). */
export function countAtOrAbove(histogram: LatencyHistogram, thresholdMs: number): number {
  const thresholdUs = thresholdMs * 1000;
  const iterator = histogram.recordedValuesIterator;
  iterator.reset();
  let count = 0;
  while (iterator.hasNext()) {
    const step = iterator.next();
    if (histogram.lowestEquivalentValue(step.valueIteratedTo) >= thresholdUs) count += step.countAtValueIteratedTo;
  }
  return count;
}

/** Serialises a histogram to HdrHistogram's compressed base64 form. */
export function encodeHistogram(histogram: LatencyHistogram): string {
  return encodeIntoCompressedBase64(histogram);
}
