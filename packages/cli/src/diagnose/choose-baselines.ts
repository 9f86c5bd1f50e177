import type { BaselineSource } from './baseline-source';
import { createComputedBaselines } from './computed-baselines';
import type { TraceFetcher } from './fetch-traces';
import { createTracestoreBaselines, servesTracestoreBaselines } from './tracestore-baselines';

/** A source with no baselines, saying why. */
export function noBaselines(reason: string): BaselineSource {
  return { percentileOf: async () => undefined, origin: () => ({ kind: 'none', reason }) };
}

/**
 * The lab trace store's baselines when the server has them; computed from /api/v3/traces searches
 * when it does not (a real Jaeger answers the route 404). Never throws: a failed probe becomes a
 * source with no baselines and the reason, because baselines add to a diagnosis and must not fail it.
 */
export async function chooseBaselineSource(jaegerUrl: string, fetcher: TraceFetcher, lookbackMs: number, probeService: string): Promise<BaselineSource> {
  try {
    if (await servesTracestoreBaselines(jaegerUrl, probeService)) return createTracestoreBaselines(jaegerUrl);
    return createComputedBaselines(fetcher, lookbackMs);
  } catch (error) {
    return noBaselines((error as Error).message);
  }
}
