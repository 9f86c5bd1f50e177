import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Pool } from 'pg';
import { MESSAGING, type OrderPlacedMessage } from '@tracecart/contracts';
import { startQueue, type OrderQueue, type QueueOptions } from '../../src';

/** A logger that prints nothing. */
export const silentLogger = pino({ level: 'silent' });

/** A valid order.placed message for a new order id. */
export function orderPlaced(overrides: Partial<OrderPlacedMessage> = {}): OrderPlacedMessage {
  return {
    orderId: randomUUID(),
    customerId: 'customer-1',
    items: [{ sku: 'SKU-0000001', quantity: 2 }],
    placedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A queue on the test database, quiet and quick to retry. */
export function startTestQueue(url: string, role: QueueOptions['role'], extra: Partial<QueueOptions> = {}): Promise<OrderQueue> {
  return startQueue({ connectionString: url, applicationName: `queue-test-${role}`, role, logger: silentLogger, poolMax: 4, ...extra });
}

/** How many order.placed messages carry this order id, in any state. */
export async function countMessagesFor(pool: Pool, orderId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${MESSAGING.QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'orderId' = $2`,
    [MESSAGING.ORDER_PLACED_QUEUE, orderId],
  );
  return rows[0].n;
}
