import type { Culprit, Diagnosis, TraceTree } from '@tracecart/trace-analysis';
import type { BaselineOrigin, BaselineSource } from './baseline-source';
import { baselineKeyId, durationsByKey } from './span-durations';

/** The culprit most traces share and the median of its percentiles against its operation's recent durations. */
export interface CulpritMedian {
  origin: BaselineOrigin;
  culprit: Culprit | undefined;
  /** Traces blaming that culprit. */
  traces: number;
  /** Of those, how many had a baseline to compare with. */
  marked: number;
  medianPercentile: number | null;
}

// The trace store answers one placement per request; a few at a time keep 200 traces quick without a burst.
const CONCURRENCY = 8;

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 10) / 10;
}

function mostCommonCulprit(diagnoses: Array<{ diagnosis: Diagnosis; tree: TraceTree }>) {
  const byKey = new Map<string, Array<{ culprit: Culprit; tree: TraceTree }>>();
  for (const { diagnosis, tree } of diagnoses) {
    const { culprit } = diagnosis.verdict;
    if (!culprit) continue;
    byKey.set(culprit.key, [...(byKey.get(culprit.key) ?? []), { culprit, tree }]);
  }
  return [...byKey.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

/**
 * The common culprit of many traces, with the median percentile of its slowest span in each trace.
 * Like one trace's marks, a failure leaves it unmarked with the reason.
 */
export async function medianOfCommonCulprit(diagnoses: Array<{ diagnosis: Diagnosis; tree: TraceTree }>, source: BaselineSource): Promise<CulpritMedian> {
  const blamed = mostCommonCulprit(diagnoses);
  if (blamed.length === 0) return { origin: { kind: 'none', reason: 'no trace names a culprit' }, culprit: undefined, traces: 0, marked: 0, medianPercentile: null };
  const culprit = blamed[0].culprit;
  const id = baselineKeyId(culprit);
  const percentiles: number[] = [];
  try {
    for (let i = 0; i < blamed.length; i += CONCURRENCY) {
      const placements = await Promise.all(
        blamed.slice(i, i + CONCURRENCY).map(({ tree }) => {
          const durations = durationsByKey([tree]).get(id);
          return durations ? source.percentileOf(culprit, Math.max(...durations)) : undefined;
        }),
      );
      for (const placement of placements) if (placement) percentiles.push(placement.percentile);
    }
  } catch (error) {
    return { origin: { kind: 'none', reason: (error as Error).message }, culprit, traces: blamed.length, marked: 0, medianPercentile: null };
  }
  percentiles.sort((a, b) => a - b);
  return { origin: source.origin(), culprit, traces: blamed.length, marked: percentiles.length, medianPercentile: median(percentiles) };
}
