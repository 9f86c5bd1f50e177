import { formatFreshnessObjective, type FreshnessMeasured, type LatencyObjective } from '@tracecart/loadgen';
import { countWithin, histogramQuantile, subtractHistogram, totalOf, type CumulativeHistogram } from './lag-histogram';

/** What the scrapes around a run found: the lag histogram (in seconds) before and after, and what was left queued. */
export interface FreshnessObservation {
  source: string;
  before: CumulativeHistogram;
  after: CumulativeHistogram;
  stillQueued: number;
  drainWaitMs: number;
  graceMs: number;
}

// The objective allows (100 - percentile)% late; the epsilon keeps exactly-at-objective runs from failing on float noise.
const EPSILON = 1e-9;

/**
 * Judges the run's fulfilments (the histogram delta) against the objective. Items still queued
 * when the wait ended were not fulfilled in time, so they join the denominator as late ones.
 */
export function judgeFreshness(objective: LatencyObjective, observed: FreshnessObservation): FreshnessMeasured {
  const delta = subtractHistogram(observed.after, observed.before);
  const fulfilled = totalOf(delta);
  const judged = fulfilled + observed.stillQueued;
  const within = countWithin(delta, objective.thresholdMs / 1000);
  const withinPercent = judged === 0 ? 0 : (within.count / judged) * 100;
  const p50 = histogramQuantile(0.5, delta);
  const p99 = histogramQuantile(0.99, delta);
  return {
    measured: true,
    objective: formatFreshnessObjective(objective),
    source: observed.source,
    fulfilled,
    stillQueued: observed.stillQueued,
    drainWaitMs: Math.round(observed.drainWaitMs),
    graceMs: observed.graceMs,
    lagMs: p50 === null || p99 === null ? null : { p50: toMs(p50), p99: toMs(p99) },
    withinPercent,
    withinBoundMs: within.bound === null ? null : toMs(within.bound),
    verdict: judged === 0 ? 'no_data' : withinPercent + EPSILON >= objective.percentile ? 'met' : 'missed',
  };
}

// The histogram is in seconds (Prometheus' base unit); the report keeps milliseconds like its latencies.
function toMs(seconds: number): number {
  return Math.round(seconds * 1_000_000) / 1000;
}
