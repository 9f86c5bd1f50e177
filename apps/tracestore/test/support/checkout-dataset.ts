import { exportBatches, makeCheckoutTrace, type CheckoutTrace } from '../fixtures/checkout-traces';
import { startTestTracestore, type RunningTracestore } from './running-tracestore';

/** 2026-01-01T00:00:00Z in Unix nanoseconds: the start of the first synthetic trace. */
export const BASE_NS = 1_767_225_600_000_000_000n;
/** One minute in nanoseconds. */
export const MINUTE_NS = 60_000_000_000n;

/** Four checkouts, one minute apart, each with a distinct trait a filter can find. */
export interface CheckoutDataset {
  /** 3 items, no index: slow (18 ms) lookups. */
  slow: CheckoutTrace;
  /** 10 items, index on: 58 spans, fast lookups, lab.fix.index=true. */
  indexed: CheckoutTrace;
  /** 2 items, inventory fails: error spans, 503s, no reservation. */
  failed: CheckoutTrace;
  /** 5 items, no index, the newest. */
  latest: CheckoutTrace;
  /** All four in arrival order. */
  all: CheckoutTrace[];
}

/** Builds the dataset; startIndex keeps ids distinct between datasets. */
export function buildCheckoutDataset(startIndex = 0): CheckoutDataset {
  const at = (minutes: number) => BASE_NS + BigInt(minutes) * MINUTE_NS;
  const slow = makeCheckoutTrace({ index: startIndex, startNs: at(0), items: 3 });
  const indexed = makeCheckoutTrace({ index: startIndex + 1, startNs: at(1), items: 10, fixIndex: true });
  const failed = makeCheckoutTrace({ index: startIndex + 2, startNs: at(2), items: 2, fail: true });
  const latest = makeCheckoutTrace({ index: startIndex + 3, startNs: at(3), items: 5 });
  return { slow, indexed, failed, latest, all: [slow, indexed, failed, latest] };
}

/**
 * Posts each trace in turn as small export batches (8 spans), so every trace arrives in several
 * requests from several services, and traces arrive in dataset order.
 */
export async function postCheckouts(tracestore: RunningTracestore, traces: CheckoutTrace[], batchSpans = 8): Promise<void> {
  for (const trace of traces) {
    for (const body of exportBatches([trace], batchSpans)) {
      const response = await tracestore.post(body);
      if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    }
  }
}

/** A fresh tracestore holding the whole checkout dataset, for a test file's beforeAll. */
export async function startLoadedTracestore(): Promise<{ tracestore: RunningTracestore; data: CheckoutDataset }> {
  const tracestore = await startTestTracestore();
  const data = buildCheckoutDataset();
  await postCheckouts(tracestore, data.all);
  return { tracestore, data };
}
