import type { Pool } from 'pg';
import { MESSAGING } from '@tracecart/contracts';

/** How many rows a one-parameter count query finds for an order. */
export async function countFor(pool: Pool, sql: string, orderId: string): Promise<number> {
  return (await pool.query<{ n: number }>(sql, [orderId])).rows[0].n;
}

/** The queue's deliveries of an order's order.placed message: state and retries. */
export async function deliveriesOf(pool: Pool, orderId: string): Promise<Array<{ state: string; retry_count: number }>> {
  const { rows } = await pool.query(`SELECT state, retry_count FROM ${MESSAGING.QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'orderId' = $2`, [
    MESSAGING.ORDER_PLACED_QUEUE,
    orderId,
  ]);
  return rows;
}
