import type { ConsumerLoad } from '@tracecart/trace-analysis';
import { formatMs, formatPerSecond } from '@tracecart/units';

/**
 * Little's Law over the traces' consumer spans, in one line: `consumer load: 40 messages
 * enqueued at 38.2/s × 46.5 ms each = 1.78 workers busy · 1 worker there: the queue grows`.
 */
export function formatConsumerLoad(load: ConsumerLoad | undefined): string[] {
  if (!load) return [];
  const { messages, arrivalPerSecond, windowSeconds, serviceMs, workersNeeded, workers } = load;
  const demand = `${messages} messages enqueued at ${formatPerSecond(arrivalPerSecond)} over ${windowSeconds.toFixed(1)} s × ${formatMs(serviceMs)} each = ${workersNeeded.toFixed(2)} workers busy`;
  if (workers === undefined) return [`consumer load (Little's Law): ${demand} · workers unknown`];
  const there = `${workers} ${workers === 1 ? 'worker' : 'workers'} there`;
  const verdict = workersNeeded > workers ? 'the queue grows' : 'enough to keep up';
  return [`consumer load (Little's Law): ${demand} · ${there}: ${verdict}`];
}
