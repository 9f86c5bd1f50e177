import { MESSAGING } from '@tracecart/contracts';
import { declaresMetric, parsePromText, sumSamples, type PromSample } from './prom-text';

// A scrape is one small local page; a service that takes longer is not answering usefully.
const SCRAPE_TIMEOUT_MS = 3000;

/** Fetches fulfilment's /metrics and parses it; throws an Error that says what failed, for the report. */
export async function scrapeFulfilment(metricsUrl: string): Promise<PromSample[]> {
  let text: string;
  try {
    const res = await fetch(metricsUrl, { signal: AbortSignal.timeout(SCRAPE_TIMEOUT_MS) });
    text = await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (error) {
    throw new Error(`fulfilment's metrics at ${metricsUrl} did not answer: ${describeFailure(error)}`);
  }
  if (!declaresMetric(text, MESSAGING.METRIC_FULFILMENT_LAG, 'histogram')) {
    throw new Error(`${metricsUrl} has no ${MESSAGING.METRIC_FULFILMENT_LAG} histogram; is that fulfilment?`);
  }
  return parsePromText(text);
}

// fetch hides the socket error (ECONNREFUSED, ...) in `cause`; that code is what a reader can act on.
function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** Messages of order.placed waiting or being processed, from the queue-depth gauge; an absent series counts as 0. */
export function orderQueueDepth(samples: PromSample[]): number {
  const queue = MESSAGING.ORDER_PLACED_QUEUE;
  return sumSamples(samples, MESSAGING.METRIC_QUEUE_DEPTH, { queue, state: 'queued' }) + sumSamples(samples, MESSAGING.METRIC_QUEUE_DEPTH, { queue, state: 'active' });
}

/** How the wait for the queue to drain ended: the scrape taken after it, how long it took, what was left. */
export interface DrainOutcome {
  samples: PromSample[];
  waitedMs: number;
  stillQueued: number;
}

/**
 * Polls the queue-depth gauge until order.placed is drained (queued + active = 0) or `graceMs`
 * has passed (or `signal` aborts), then scrapes once more: a fulfilment can be recorded in the histogram just after the
 * gauge fell, and one final scrape gives the histogram and the leftover from the same moment.
 */
export async function waitForDrain(
  metricsUrl: string,
  graceMs: number,
  options: { intervalMs?: number; onWaiting?: (depth: number) => void; signal?: AbortSignal } = {},
): Promise<DrainOutcome> {
  const started = performance.now();
  let depth = orderQueueDepth(await scrapeFulfilment(metricsUrl));
  if (depth > 0) options.onWaiting?.(depth);
  // Ctrl-C ends the wait as it ends the schedule: what is still queued then counts as late.
  while (depth > 0 && !options.signal?.aborted) {
    const remaining = graceMs - (performance.now() - started);
    if (remaining <= 0) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.intervalMs ?? 250, remaining)));
    depth = orderQueueDepth(await scrapeFulfilment(metricsUrl));
  }
  const waitedMs = performance.now() - started;
  const samples = await scrapeFulfilment(metricsUrl);
  return { samples, waitedMs, stillQueued: orderQueueDepth(samples) };
}
