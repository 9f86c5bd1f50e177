import { buildTraceTree, TraceAnalysisError, type TraceTree } from '@tracecart/trace-analysis';
import type { BaselineKey, BaselinePlacement, BaselineSource } from './baseline-source';
import type { TraceFetcher } from './fetch-traces';
import { baselineKeyId, durationsByKey } from './span-durations';

/** How many traces one service's search may return: enough for a percentile, few enough to fetch in a second or two. */
export const COMPUTED_BASELINE_TRACES = 200;

/** One service's durations, sorted ascending, per baseline key. */
type ServiceSample = Map<string, number[]>;

/** How many sorted values are at or below value. */
function countAtOrBelow(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function treesOf(traces: Map<string, Parameters<typeof buildTraceTree>[0]>): TraceTree[] {
  const trees: TraceTree[] = [];
  for (const data of traces.values()) {
    try {
      trees.push(...buildTraceTree(data));
    } catch (error) {
      // A trace the analysis cannot read simply adds no durations.
      if (!(error instanceof TraceAnalysisError)) throw error;
    }
  }
  return trees;
}

/**
 * Baselines computed from /api/v3/traces searches, for a Jaeger without the lab's endpoint: per
 * service, the newest traces of the lookback window, searched once per run on first use. Only
 * the searched service's own spans count, so a key's sample does not depend on which other
 * services were searched before.
 */
export function createComputedBaselines(fetcher: TraceFetcher, lookbackMs: number, maxTraces = COMPUTED_BASELINE_TRACES): BaselineSource {
  const samples = new Map<string, Promise<ServiceSample>>();
  const traceIds = new Set<string>();

  async function sample(service: string): Promise<ServiceSample> {
    const traces = await fetcher.findRecent(service, maxTraces, lookbackMs);
    const durations = durationsByKey(treesOf(traces), service);
    for (const list of durations.values()) list.sort((a, b) => a - b);
    for (const id of traces.keys()) traceIds.add(id);
    return durations;
  }

  return {
    async percentileOf(key: BaselineKey, durationMs: number): Promise<BaselinePlacement | undefined> {
      let pending = samples.get(key.service);
      if (!pending) samples.set(key.service, (pending = sample(key.service)));
      const sorted = (await pending).get(baselineKeyId(key));
      if (!sorted || sorted.length === 0) return undefined;
      // The trace store's rounding: a share of 0-100 with one decimal.
      const percentile = Math.round((1000 * countAtOrBelow(sorted, durationMs)) / sorted.length) / 10;
      return { percentile, count: sorted.length, windowMs: lookbackMs };
    },
    origin: () => ({ kind: 'computed', traceCount: traceIds.size, lookbackMs }),
  };
}
