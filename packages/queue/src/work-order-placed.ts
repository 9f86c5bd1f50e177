import type { JobWithMetadata, PgBoss } from 'pg-boss';
import { MESSAGING, orderPlacedMessageSchema, type MessageTrace } from '@tracecart/contracts';
import { withConsumerSpan } from './consumer-span';
import type { OrderPlacedHandler, WorkOptions } from './types';

// The shortest poll pg-boss allows: a message committed while every worker idles waits at most this long.
const POLLING_INTERVAL_SECONDS = 0.5;

/**
 * Registers a worker on order.placed: one delivery at a time per slot, `concurrency` slots. Each
 * delivery runs in its consumer span; a message that does not parse fails like a handler error.
 */
export function workOrderPlaced(boss: PgBoss, options: WorkOptions, handler: OrderPlacedHandler): Promise<string> {
  const workOptions = { localConcurrency: options.concurrency, batchSize: 1, includeMetadata: true, pollingIntervalSeconds: POLLING_INTERVAL_SECONDS } as const;
  // The handler parameter is annotated, not given as a type argument: that would stop pg-boss
  // from inferring includeMetadata and type the jobs without their metadata.
  return boss.work(MESSAGING.ORDER_PLACED_QUEUE, workOptions, async ([job]: JobWithMetadata<Record<string, unknown>>[]) => {
    const delivery = { id: job.id, retryCount: job.retryCount, createdOn: job.createdOn, startedOn: job.startedOn, signal: job.signal };
    const messageTrace = job.data[MESSAGING.MESSAGE_TRACE_FIELD] as MessageTrace | undefined;
    await withConsumerSpan({ delivery, messageTrace, concurrency: options.concurrency }, async () => {
      const message = orderPlacedMessageSchema.parse(job.data);
      await handler(message, delivery);
    });
  });
}
