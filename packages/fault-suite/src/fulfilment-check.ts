import type { Pool } from '@tracecart/db';
import { MESSAGING } from '@tracecart/contracts';
import { sleep } from './recovery';

/**
 * What the asynchronous half did with the orders a fault run committed: the outbox must have
 * carried every committed order to fulfilment, and fulfilment must have shipped each one once
 * (a redelivery writes nothing twice), none of them parked as a dead letter by the fault.
 */
export interface FulfilmentCheck {
  /** Committed orders: every one of them sent its order.placed in its own transaction. */
  orders: number;
  shipments: number;
  /** Orders with no shipment once the queue settled (or the bound passed), and a few of their ids. */
  unshipped: number;
  unshippedExamples: string[];
  /** Shipments of no committed order: a message that outlived a rolled-back order. */
  orphanShipments: number;
  /** Shipments whose reservation inventory does not have as shipped. */
  unmarkedReservations: number;
  /** Messages the fault pushed into the dead-letter queue. */
  deadLettered: number;
}

const COUNTS_SQL = `SELECT
    (SELECT count(*) FROM orders)::int AS orders,
    (SELECT count(*) FROM shipments)::int AS shipments,
    (SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id))::int AS unshipped,
    (SELECT count(*) FROM shipments s WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = s.order_id))::int AS orphan_shipments,
    (SELECT count(*) FROM shipments s JOIN reservations r USING (order_id) WHERE r.shipped_at IS NULL)::int AS unmarked,
    (SELECT count(*) FROM ${MESSAGING.QUEUE_SCHEMA}.job WHERE name = $1)::int AS dead_lettered,
    (SELECT count(*) FROM ${MESSAGING.QUEUE_SCHEMA}.job WHERE name = $2 AND state <= 'active')::int AS pending`;

const UNSHIPPED_SQL = `SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id) ORDER BY o.created_at LIMIT 3`;

const POLL_MS = 250;

/**
 * Waits, at most `boundMs` (a liveness bound), until no order.placed message is left to deliver,
 * then reads what fulfilment did.
 */
export async function awaitFulfilment(pool: Pool, boundMs: number): Promise<FulfilmentCheck> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const { rows } = await pool.query(COUNTS_SQL, [MESSAGING.ORDER_PLACED_DEAD_LETTER_QUEUE, MESSAGING.ORDER_PLACED_QUEUE]);
    const counts = rows[0] as { orders: number; shipments: number; unshipped: number; orphan_shipments: number; unmarked: number; dead_lettered: number; pending: number };
    // Nothing left to deliver (no message created, waiting for a retry or active): the outcome is final.
    if (counts.pending === 0 || Date.now() >= deadline) {
      const examples = counts.unshipped > 0 ? (await pool.query<{ id: string }>(UNSHIPPED_SQL)).rows.map((r) => r.id) : [];
      return {
        orders: counts.orders,
        shipments: counts.shipments,
        unshipped: counts.unshipped,
        unshippedExamples: examples,
        orphanShipments: counts.orphan_shipments,
        unmarkedReservations: counts.unmarked,
        deadLettered: counts.dead_lettered,
      };
    }
    await sleep(POLL_MS);
  }
}

/** Whether every committed order shipped once, and nothing else did. */
export function fulfilmentHeld(check: FulfilmentCheck): boolean {
  return check.unshipped === 0 && check.orphanShipments === 0 && check.unmarkedReservations === 0 && check.deadLettered === 0;
}
