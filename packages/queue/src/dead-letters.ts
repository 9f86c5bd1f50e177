import type { PgBoss } from 'pg-boss';
import { MESSAGING } from '@tracecart/contracts';
import type { DeadLetter } from './types';

const DEFAULT_LIMIT = 50;

// The failed attempt's error as pg-boss stored it (a serialized Error), or whatever it was.
function errorMessageOf(output: unknown): string | null {
  if (output && typeof output === 'object' && 'message' in output) return String((output as { message: unknown }).message);
  return output === null || output === undefined ? null : JSON.stringify(output);
}

/** The dead letters still queued, oldest first; findJobs reads them without claiming any. */
export async function listDeadLetters(boss: PgBoss, limit = DEFAULT_LIMIT): Promise<DeadLetter[]> {
  const jobs = await boss.findJobs<{ orderId?: unknown }>(MESSAGING.ORDER_PLACED_DEAD_LETTER_QUEUE, { queued: true, limit });
  return jobs.map((job) => ({
    id: job.id,
    sourceId: job.sourceId ?? null,
    orderId: typeof job.data?.orderId === 'string' ? job.data.orderId : null,
    error: errorMessageOf(job.sourceOutput),
    createdOn: job.createdOn,
    retryCount: job.sourceRetryCount ?? null,
  }));
}
