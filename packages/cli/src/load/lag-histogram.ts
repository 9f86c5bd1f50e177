import { parseValue, type PromSample } from './prom-text';

/** A Prometheus histogram's cumulative buckets, summed over its series, sorted by bound (the last is +Inf). */
export interface CumulativeHistogram {
  buckets: Array<{ le: number; count: number }>;
}

/** The histogram `name` from scraped samples (its `_bucket` series summed by `le`, like `sum by (le)`); empty when absent. */
export function readHistogram(samples: PromSample[], name: string): CumulativeHistogram {
  const byBound = new Map<number, number>();
  for (const s of samples) {
    if (s.name !== `${name}_bucket` || s.labels.le === undefined) continue;
    const le = parseValue(s.labels.le);
    byBound.set(le, (byBound.get(le) ?? 0) + s.value);
  }
  return { buckets: [...byBound].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le) };
}

/** Observations in the histogram (its +Inf bucket). */
export function totalOf(histogram: CumulativeHistogram): number {
  return histogram.buckets.at(-1)?.count ?? 0;
}

/**
 * What was observed between two scrapes: `after` minus `before`, bucket by bucket. A bucket that
 * went down means the process restarted and its counters began again, so no delta can be trusted.
 */
export function subtractHistogram(after: CumulativeHistogram, before: CumulativeHistogram): CumulativeHistogram {
  const later = new Map(after.buckets.map((b) => [b.le, b.count]));
  // A bucket missing afterwards counts as 0: a restarted process may not expose a series until it observes again.
  if (before.buckets.some((b) => (later.get(b.le) ?? 0) < b.count)) {
    throw new Error('the lag histogram went down between the scrapes (did the service restart?)');
  }
  const earlier = new Map(before.buckets.map((b) => [b.le, b.count]));
  return { buckets: after.buckets.map(({ le, count }) => ({ le, count: count - (earlier.get(le) ?? 0) })) };
}

/**
 * The q-quantile (0-1) as Prometheus' histogram_quantile computes it: linear interpolation within
 * the bucket the rank falls in, the first bucket starting at 0. Bucket-resolution only: the true
 * value can be anywhere in that bucket. A rank in the +Inf bucket gives the highest finite bound.
 */
export function histogramQuantile(q: number, histogram: CumulativeHistogram): number | null {
  const total = totalOf(histogram);
  if (total === 0) return null;
  const rank = q * total;
  const { buckets } = histogram;
  const index = buckets.findIndex((b) => b.count >= rank);
  const bucket = buckets[index];
  if (bucket.le === Infinity) return index > 0 ? buckets[index - 1].le : null;
  const lower = index > 0 ? buckets[index - 1] : { le: 0, count: 0 };
  if (bucket.le <= 0) return bucket.le;
  const inBucket = bucket.count - lower.count;
  if (inBucket === 0) return bucket.le;
  return lower.le + (bucket.le - lower.le) * ((rank - lower.count) / inBucket);
}

// Bounds print as decimals (0.005, 2.5), so 5000 ms / 1000 meets the bound "5" exactly; the epsilon
// only keeps float noise from dropping a bound that equals the threshold.
const EPSILON = 1e-9;

/**
 * Observations at or under `threshold`, read at the highest bucket bound at or below it: an
 * observation in the bucket that straddles the threshold is counted as over it (conservative).
 */
export function countWithin(histogram: CumulativeHistogram, threshold: number): { bound: number | null; count: number } {
  const below = histogram.buckets.filter((b) => b.le <= threshold + EPSILON);
  const last = below.at(-1);
  return last ? { bound: last.le, count: last.count } : { bound: null, count: 0 };
}
