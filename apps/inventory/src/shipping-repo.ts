import type { Pool } from 'pg';
import { HttpError } from '@tracecart/http-kit';
import type { ShipmentResponse } from '@tracecart/contracts';

// One statement: sets shipped_at only the first time, so a repeat changes nothing and answers
// the same instant. A released reservation is left alone and reported by the second branch.
const MARK_SHIPPED = `WITH marked AS (
    UPDATE reservations SET shipped_at = coalesce(shipped_at, now())
    WHERE order_id = $1 AND status = 'held'
    RETURNING shipped_at
  )
  SELECT (SELECT shipped_at FROM marked) AS shipped_at,
         (SELECT status FROM reservations WHERE order_id = $1) AS status`;

/** Marks held reservations shipped; the stock stays taken, as a sale's does. */
export class ShippingRepo {
  constructor(private readonly pool: Pool) {}

  /** Marks the order's reservation shipped, idempotently; 404 for an unknown order, 409 for a released one. */
  async ship(orderId: string): Promise<ShipmentResponse> {
    const { rows } = await this.pool.query<{ shipped_at: Date | null; status: string | null }>(MARK_SHIPPED, [orderId]);
    const { shipped_at: shippedAt, status } = rows[0];
    if (shippedAt) return { orderId, status: 'shipped', shippedAt: shippedAt.toISOString() };
    if (status === null) throw new HttpError(404, 'not_found', `no reservation for order ${orderId}`);
    throw new HttpError(409, 'reservation_released', `reservation for order ${orderId} was released`);
  }
}
