import type { JsHistogram } from 'hdr-histogram-js';

// Durations are kept in microseconds and served in milliseconds with microsecond resolution.
const toMs = (us: number) => Math.round(us) / 1000;

/** count, p50/p90/p99 and max in milliseconds of a non-empty histogram. */
export function summarize(histogram: JsHistogram): { count: number; p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number } {
  const max = histogram.maxValue;
  // A percentile is the top of its bucket, which can sit a hair above the exact maximum.
  const at = (percentile: number) => toMs(Math.min(max, histogram.getValueAtPercentile(percentile)));
  return { count: histogram.totalCount, p50Ms: at(50), p90Ms: at(90), p99Ms: at(99), maxMs: toMs(max) };
}

/** The share (0-100, one decimal) of recorded values at or below valueUs, to the histogram's precision. */
export function percentileAtOrBelow(histogram: JsHistogram, valueUs: number): number {
  const total = histogram.totalCount;
  if (valueUs >= histogram.maxValue) return 100;
  const last = histogram.countsArrayIndex(Math.max(1, Math.round(valueUs)));
  let below = 0;
  for (let index = 0; index <= last; index++) below += histogram.getCountAtIndex(index);
  return Math.round((1000 * below) / total) / 10;
}
