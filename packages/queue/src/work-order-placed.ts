import type { JobResult, JobWithMetadata, PgBoss } from 'pg-boss';
import { MESSAGING, orderPlacedMessageSchema, type MessageTrace } from '@tracecart/contracts';
import { withConsumerSpan } from './consumer-span';
import type { Delivery, OrderPlacedHandler, WorkOptions } from './types';

// The shortest poll pg-boss allows: a message committed while every worker idles waits at most this long.
const POLLING_INTERVAL_SECONDS = 0.5;
// Messages one worker slot fetches at once. pg-boss waits the polling interval after every fetch,
// busy or not, unless the fetch came back full and burstWhenBatchFull is on; with a batch of one
// every fetch is "full" and the burst is ignored, so a slot would take at most one message per
// 0.5 s whatever its work costs. Fetching a few at a time lets a slot with a backlog fetch again
// at once, so its rate is set by the work (one message after another), not by the poll.
const FETCH_BATCH = 5;

type OrderPlacedJob = JobWithMetadata<Record<string, unknown>>;

/** Runs one delivery in its consumer span; its outcome is settled on its own, not with its batch. */
async function handleOne(job: OrderPlacedJob, options: WorkOptions, handler: OrderPlacedHandler): Promise<JobResult> {
  // Started now, not when the batch was fetched: time spent behind earlier messages of the batch
  // is queueing too, and belongs to the message's queue age.
  const delivery: Delivery = { id: job.id, retryCount: job.retryCount, createdOn: job.createdOn, startedOn: new Date(), signal: job.signal };
  const messageTrace = job.data[MESSAGING.MESSAGE_TRACE_FIELD] as MessageTrace | undefined;
  try {
    await withConsumerSpan({ delivery, messageTrace, concurrency: options.concurrency }, async () => {
      const message = orderPlacedMessageSchema.parse(job.data);
      await handler(message, delivery);
    });
    return { id: job.id, status: 'completed' };
  } catch (error) {
    // Failed alone: retried, then dead-lettered, by the queue's settings; the rest of the batch stands.
    return { id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Registers a worker on order.placed: `concurrency` slots, each handling its messages one after
 * another. Each delivery runs in its consumer span; a message that does not parse fails like a
 * handler error. A batch's messages are settled together when it ends, so a crash mid-batch
 * redelivers the ones already handled too: the handler must be idempotent (at least once).
 */
export function workOrderPlaced(boss: PgBoss, options: WorkOptions, handler: OrderPlacedHandler): Promise<string> {
  const workOptions = {
    localConcurrency: options.concurrency,
    batchSize: FETCH_BATCH,
    burstWhenBatchFull: true,
    perJobResults: true,
    includeMetadata: true,
    pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
  } as const;
  // The handler parameter is annotated, not given as a type argument: that would stop pg-boss
  // from inferring the options and type the jobs without their metadata.
  return boss.work(MESSAGING.ORDER_PLACED_QUEUE, workOptions, async (jobs: OrderPlacedJob[]) => {
    const results: JobResult[] = [];
    for (const job of jobs) results.push(await handleOne(job, options, handler));
    return results;
  });
}
