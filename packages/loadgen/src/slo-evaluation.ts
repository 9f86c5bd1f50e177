import { countAtOrAbove, percentileMs } from './histogram';
import type { LatencyHistogram } from './histogram';
import { formatLatencyObjective, formatSlo } from './slo';
import type { LatencyObjective, ObjectiveResult, SloResult, SloSpec } from './types';

/** Request totals an availability objective is judged on. */
export interface OutcomeTotals {
  total: number;
  failed: number;
}

/**
 * Judges a run against an SLO. Error budget consumed = observed bad fraction / allowed bad fraction,
 * as a percentage: for latency the share of requests at or over the threshold against 1 - percentile,
 * for availability the error rate against 1 - objective.
 */
export function evaluateSlo(spec: SloSpec, histogram: LatencyHistogram, totals: OutcomeTotals): SloResult {
  const objectives = [
    ...spec.latency.map((objective) => evaluateLatency(objective, histogram)),
    evaluateAvailability(spec.availabilityPercent, totals),
  ];
  const budgetConsumedPercent = Math.max(...objectives.map((o) => o.budgetConsumedPercent));
  const specText = formatSlo(spec);
  if (totals.total === 0) return { spec: specText, verdict: 'no_data', objectives, budgetConsumedPercent: 0 };
  return { spec: specText, verdict: objectives.every((o) => o.met) ? 'pass' : 'fail', objectives, budgetConsumedPercent };
}

function evaluateLatency(objective: LatencyObjective, histogram: LatencyHistogram): ObjectiveResult {
  const total = histogram.totalCount;
  const observed = percentileMs(histogram, objective.percentile);
  const badFraction = total === 0 ? 0 : countAtOrAbove(histogram, objective.thresholdMs) / total;
  const allowedBadFraction = allowedFraction(objective.percentile);
  return {
    kind: 'latency',
    objective: formatLatencyObjective(objective),
    met: total > 0 && observed < objective.thresholdMs,
    observed,
    badFraction,
    allowedBadFraction,
    budgetConsumedPercent: (badFraction / allowedBadFraction) * 100,
  };
}

function evaluateAvailability(percent: number, totals: OutcomeTotals): ObjectiveResult {
  const badFraction = totals.total === 0 ? 0 : totals.failed / totals.total;
  const allowedBadFraction = allowedFraction(percent);
  // A small epsilon keeps exactly-at-objective runs (e.g. 1 error in 1000 at 99.9%) from failing on float noise.
  const met = totals.total > 0 && badFraction <= allowedBadFraction + 1e-12;
  return {
    kind: 'availability',
    objective: `success>=${percent}%`,
    met,
    observed: totals.total === 0 ? 0 : (1 - badFraction) * 100,
    badFraction,
    allowedBadFraction,
    budgetConsumedPercent: (badFraction / allowedBadFraction) * 100,
  };
}

// 1 - 99.9 / 100 is 0.0010000000000000009 in floating point; trimming the noise keeps budgets like 200% exact.
function allowedFraction(percent: number): number {
  return Number(((100 - percent) / 100).toPrecision(12));
}
