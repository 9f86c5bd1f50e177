import type { PgBoss } from 'pg-boss';
import { MESSAGING } from '@tracecart/contracts';
import type { QueueDepth } from './types';

// Counted live from the job table: pg-boss's own queue counts come from a cache its monitor
// refreshes, which would make a dashboard lag behind a backlog. job_state is an enum ordered
// created < retry < active, and `job` is the partitioned parent, so it covers every partition.
const DEPTH_SQL = (schema: string) => `SELECT
    count(*) FILTER (WHERE name = $1 AND state < 'active')::int AS queued,
    count(*) FILTER (WHERE name = $1 AND state = 'active')::int AS active,
    count(*) FILTER (WHERE name = $2 AND state < 'active')::int AS dead_lettered
  FROM ${schema}.job WHERE name IN ($1, $2) AND state <= 'active'`;

/** The live depth of order.placed and its dead-letter queue. */
export async function readQueueDepth(boss: PgBoss): Promise<QueueDepth> {
  const { rows } = await boss.getDb().executeSql(DEPTH_SQL(MESSAGING.QUEUE_SCHEMA), [
    MESSAGING.ORDER_PLACED_QUEUE,
    MESSAGING.ORDER_PLACED_DEAD_LETTER_QUEUE,
  ]);
  const row = rows[0] as { queued: number; active: number; dead_lettered: number };
  return { queued: row.queued, active: row.active, deadLettered: row.dead_lettered };
}
