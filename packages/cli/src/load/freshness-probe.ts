import { MESSAGING } from '@tracecart/contracts';
import { formatFreshnessObjective, type FreshnessNotMeasured, type FreshnessResult } from '@tracecart/loadgen';
import type { FreshnessArgs } from './freshness-args';
import { judgeFreshness } from './freshness-result';
import { scrapeFulfilment, waitForDrain } from './fulfilment-metrics';
import { readHistogram, type CumulativeHistogram } from './lag-histogram';

/** A freshness measurement begun before a run; `finish` after it waits for the drain and judges. */
export interface FreshnessProbe {
  finish(onWaiting?: (depth: number, graceMs: number) => void, signal?: AbortSignal): Promise<FreshnessResult>;
}

/**
 * Scrapes fulfilment's lag histogram before a run. Freshness never fails the command on its own:
 * any scrape that fails makes the result "not measured", with the reason, and the run goes on.
 */
export async function startFreshnessProbe(args: FreshnessArgs, pollIntervalMs?: number): Promise<FreshnessProbe> {
  const source = `${args.fulfilmentUrl}/metrics`;
  const notMeasured = (error: unknown): FreshnessNotMeasured => ({
    measured: false,
    objective: formatFreshnessObjective(args.objective),
    source,
    reason: (error as Error).message,
  });
  let before: CumulativeHistogram;
  try {
    before = readHistogram(await scrapeFulfilment(source), MESSAGING.METRIC_FULFILMENT_LAG);
  } catch (error) {
    const result = notMeasured(error);
    return { finish: async () => result };
  }
  return {
    async finish(onWaiting, signal) {
      try {
        const drain = await waitForDrain(source, args.graceMs, { intervalMs: pollIntervalMs, signal, onWaiting: (depth) => onWaiting?.(depth, args.graceMs) });
        const after = readHistogram(drain.samples, MESSAGING.METRIC_FULFILMENT_LAG);
        return judgeFreshness(args.objective, { source, before, after, stillQueued: drain.stillQueued, drainWaitMs: drain.waitedMs, graceMs: args.graceMs });
      } catch (error) {
        return notMeasured(error);
      }
    },
  };
}
