import { consumerWorkersOf } from './find-consumer-lag';
import { unixMsOf } from './linked-span-ends';
import { queueAgeOf } from './queue-age';
import type { TraceTree } from './types';

/**
 * Little's Law over many deliveries of one queue: how fast messages arrived (λ), how long each
 * took to process (W), and so how many workers had to be busy at once to keep up (λ × W),
 * against the workers the consumer spans say were there. One consumer trace holds W and the
 * workers but not λ; the messages' enqueue times across traces do.
 */
export interface ConsumerLoad {
  /** Consumer spans that recorded (or linked to) their message's wait. */
  messages: number;
  /** From the first message's enqueue to the last's, in seconds. */
  windowSeconds: number;
  /** λ: messages enqueued per second over that window. */
  arrivalPerSecond: number;
  /** W: the mean processing time of one message. */
  serviceMs: number;
  /** λ × W: workers busy at once that the arrivals need. */
  workersNeeded: number;
  /** The most workers a consumer span reported (`messaging.consumer.concurrency`), when any did. */
  workers: number | undefined;
}

// Fewer messages than this give no rate worth printing.
const MIN_MESSAGES = 3;

/**
 * The load on the consumers of the traces given (e.g. the last N traces of a consumer service):
 * each consumer span's enqueue time is its start less its queue age. Undefined when fewer than
 * three spans say how long their message waited, or they were all enqueued at one instant.
 */
export function consumerLoadOf(trees: readonly TraceTree[]): ConsumerLoad | undefined {
  const enqueuedAt: number[] = [];
  let serviceMsTotal = 0;
  let workers: number | undefined;
  for (const tree of trees) {
    for (const span of tree.spans) {
      const age = queueAgeOf(span, tree);
      if (!age) continue;
      enqueuedAt.push(unixMsOf(tree, span.startNs) - age.ms);
      serviceMsTotal += (span.endNs - span.startNs) / 1e6;
      const spanWorkers = consumerWorkersOf(span);
      if (spanWorkers !== undefined) workers = Math.max(workers ?? 0, spanWorkers);
    }
  }
  if (enqueuedAt.length < MIN_MESSAGES) return undefined;
  const windowMs = Math.max(...enqueuedAt) - Math.min(...enqueuedAt);
  if (windowMs <= 0) return undefined;
  // n messages span n − 1 gaps between the first enqueue and the last.
  const arrivalPerSecond = ((enqueuedAt.length - 1) * 1000) / windowMs;
  const serviceMs = serviceMsTotal / enqueuedAt.length;
  return { messages: enqueuedAt.length, windowSeconds: windowMs / 1000, arrivalPerSecond, serviceMs, workersNeeded: (arrivalPerSecond * serviceMs) / 1000, workers };
}
