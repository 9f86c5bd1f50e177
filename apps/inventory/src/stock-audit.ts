import type { PoolClient } from 'pg';
import type { LineItem } from '@tracecart/contracts';

// One audit row per reserved line, with the SKU's demand over the last hour: real work, since
// reservation_lines is keyed by order, not by sku, so the sum reads the recent history. It
// counts the order's own lines once they are inserted, whichever side of the UPDATE it runs on.
const RECORD_RESERVED_LINES = `INSERT INTO stock_audit (order_id, sku, quantity, recent_demand)
  SELECT $1, l.sku, l.quantity,
    (SELECT coalesce(sum(d.quantity), 0) FROM reservation_lines d JOIN reservations r USING (order_id)
      WHERE d.sku = l.sku AND r.created_at > now() - interval '1 hour')
  FROM unnest($2::text[], $3::int[]) AS l(sku, quantity)`;

/** Writes the audit rows of an order's reserved lines in the caller's transaction. */
export async function recordReservedLines(tx: PoolClient, orderId: string, lines: readonly LineItem[]): Promise<void> {
  await tx.query(RECORD_RESERVED_LINES, [orderId, lines.map((l) => l.sku), lines.map((l) => l.quantity)]);
}
