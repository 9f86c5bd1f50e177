import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '@tracecart/db';
import { HttpError } from '@tracecart/http-kit';
import type { HeldReservationsPage, HeldReservationsQuery, LineItem, ReservationResponse } from '@tracecart/contracts';
import { recordReservedLines } from './stock-audit';

// Atomic: the row is only decremented when enough stock is left, so concurrent checkouts
// can never oversell. Seq-scans without the sku index, like the lookup.
const RESERVE_LINE = 'UPDATE products SET on_hand = on_hand - $2 WHERE sku = $1 AND on_hand >= $2 RETURNING on_hand';
const SKU_EXISTS = 'SELECT 1 FROM products WHERE sku = $1';
// Microseconds, as Postgres keeps them: a page cursor rounded to milliseconds could skip rows.
const CREATED_AT_TEXT = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
// The cursor without an order id means "after this instant": every id sorts below the largest.
const LIST_HELD = `SELECT order_id, ${CREATED_AT_TEXT} AS created_at FROM reservations
  WHERE status = 'held' AND shipped_at IS NULL AND created_at < now() - make_interval(secs => $1::double precision / 1000)
    AND ($2::timestamptz IS NULL OR (created_at, order_id) > ($2::timestamptz, coalesce($3::uuid, 'ffffffff-ffff-ffff-ffff-ffffffffffff')))
  ORDER BY created_at, order_id LIMIT $4`;
const LOCK_IF_ABANDONED = `SELECT 1 FROM reservations
  WHERE order_id = $1 AND status = 'held' AND shipped_at IS NULL AND created_at < now() - make_interval(secs => $2::double precision / 1000)
  FOR UPDATE`;

/** How a reservation orders its work, read per reservation from the live switches. */
export interface ReservationSwitches {
  /** Audit every reserved line (problem.hot-row): one more statement in the transaction. */
  audit: boolean;
  /** Take the row locks last, right before COMMIT (fix.lock), instead of first. */
  lockLast: boolean;
}

const PLAIN: ReservationSwitches = { audit: false, lockLast: false };

/** Holds and releases stock for orders; every call is idempotent per order id. */
export class ReservationRepo {
  constructor(
    private readonly pool: Pool,
    private readonly switches: () => ReservationSwitches = () => PLAIN,
  ) {}

  /**
   * Reserves every line or none, in one transaction. Lines are taken in SKU order so two
   * orders sharing SKUs lock rows in the same order and cannot deadlock. A retry for an order
   * already held returns the held lines; an order already released is refused.
   *
   * A product row stays locked from its UPDATE until COMMIT, and every checkout of that SKU
   * queues behind it. By default the UPDATEs come first and the order's lines (and, with the
   * audit on, its audit rows) are written while the rows are locked; with lockLast the same
   * statements run first and the UPDATEs go last, so a row is locked for one statement and
   * the COMMIT. Either way it is one transaction: a refused line rolls back every write.
   */
  async reserve(orderId: string, items: readonly LineItem[]): Promise<ReservationResponse> {
    const { audit, lockLast } = this.switches();
    return withTransaction(this.pool, async (tx) => {
      const claimed = await tx.query(
        `INSERT INTO reservations (order_id, status) VALUES ($1, 'held') ON CONFLICT (order_id) DO NOTHING`,
        [orderId],
      );
      if (claimed.rowCount === 0) return this.readExisting(tx, orderId);
      const sorted = [...items].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
      const reserveLines = async () => {
        for (const item of sorted) await this.reserveLine(tx, item);
      };
      if (!lockLast) await reserveLines();
      await tx.query(
        `INSERT INTO reservation_lines (order_id, sku, quantity)
         SELECT $1, sku, quantity FROM unnest($2::text[], $3::int[]) AS l(sku, quantity)`,
        [orderId, sorted.map((i) => i.sku), sorted.map((i) => i.quantity)],
      );
      if (audit) await recordReservedLines(tx, orderId, sorted);
      if (lockLast) await reserveLines();
      return { orderId, status: 'held', items: sorted.map((i) => ({ sku: i.sku, quantity: i.quantity })) };
    });
  }

  private async reserveLine(tx: PoolClient, item: LineItem): Promise<void> {
    const updated = await tx.query(RESERVE_LINE, [item.sku, item.quantity]);
    if (updated.rowCount === 1) return;
    const exists = await tx.query(SKU_EXISTS, [item.sku]);
    if (exists.rowCount === 0) throw new HttpError(404, 'unknown_sku', `${item.sku} is not in the catalog`);
    throw new HttpError(409, 'insufficient_stock', `not enough stock of ${item.sku} for ${item.quantity}`);
  }

  private async readExisting(tx: PoolClient, orderId: string): Promise<ReservationResponse> {
    const { rows } = await tx.query<{ status: 'held' | 'released' }>('SELECT status FROM reservations WHERE order_id = $1', [orderId]);
    if (rows[0]?.status !== 'held') throw new HttpError(409, 'reservation_released', `reservation for order ${orderId} was released`);
    const lines = await tx.query<{ sku: string; quantity: number }>(
      'SELECT sku, quantity FROM reservation_lines WHERE order_id = $1 ORDER BY sku',
      [orderId],
    );
    return { orderId, status: 'held', items: lines.rows };
  }

  /**
   * Gives the stock of an order back. Releasing an unknown order leaves a 'released' tombstone
   * so a reservation still in flight for it is refused when it arrives; releasing twice is a no-op;
   * a shipped reservation is refused (409 reservation_shipped).
   */
  async release(orderId: string): Promise<ReservationResponse> {
    return withTransaction(this.pool, async (tx) => {
      // Two rounds suffice: the second always sees the row whose insert made the first conflict.
      for (let round = 0; round < 3; round++) {
        const { rows } = await tx.query<{ status: string; shipped: boolean }>('SELECT status, shipped_at IS NOT NULL AS shipped FROM reservations WHERE order_id = $1 FOR UPDATE', [orderId]);
        // Shipped goods have left: their stock cannot come back, and the sale stands.
        if (rows[0]?.shipped) throw new HttpError(409, 'reservation_shipped', `reservation for order ${orderId} was shipped`);
        if (rows[0]?.status === 'held') return this.restoreStock(tx, orderId);
        if (rows[0]) return { orderId, status: 'released', items: [] };
        // No row: claim one. If a reservation in flight inserts first, this waits for it and
        // then finds a conflict, and the loop releases what it held.
        const inserted = await tx.query(
          `INSERT INTO reservations (order_id, status, released_at) VALUES ($1, 'released', now()) ON CONFLICT (order_id) DO NOTHING`,
          [orderId],
        );
        if (inserted.rowCount === 1) return { orderId, status: 'released', items: [] };
      }
      throw new Error(`release of order ${orderId} did not settle`);
    });
  }

  private async restoreStock(tx: PoolClient, orderId: string): Promise<ReservationResponse> {
    const lines = await tx.query<{ sku: string; quantity: number }>(
      `UPDATE products p SET on_hand = p.on_hand + l.quantity
       FROM reservation_lines l WHERE l.order_id = $1 AND p.sku = l.sku
       RETURNING l.sku, l.quantity`,
      [orderId],
    );
    await tx.query(`UPDATE reservations SET status = 'released', released_at = now() WHERE order_id = $1`, [orderId]);
    return { orderId, status: 'released', items: lines.rows };
  }

  /** One page of the held reservations older than the query's age, oldest first, after its cursor. */
  async listHeld(query: HeldReservationsQuery): Promise<HeldReservationsPage> {
    const { rows } = await this.pool.query<{ order_id: string; created_at: string }>(LIST_HELD, [
      query.olderThanMs,
      query.afterCreatedAt ?? null,
      query.afterOrderId ?? null,
      query.limit,
    ]);
    const reservations = rows.map((r) => ({ orderId: r.order_id, createdAt: r.created_at }));
    const last = reservations.at(-1);
    const full = last !== undefined && reservations.length === query.limit;
    return { reservations, next: full ? { afterCreatedAt: last.createdAt, afterOrderId: last.orderId } : null };
  }

  /**
   * Gives back the stock of each named order that is still held and older than olderThanMs; returns
   * what it released. The row lock serializes this with release() and with itself, and a waiter
   * re-reads the status once the lock is free, so no reservation is ever released twice.
   */
  async releaseAbandoned(orderIds: readonly string[], olderThanMs: number): Promise<ReservationResponse[]> {
    const released: ReservationResponse[] = [];
    // One transaction per order: a product row stays locked only as long as one order's lines take.
    for (const orderId of new Set(orderIds)) {
      const result = await withTransaction(this.pool, async (tx) => {
        const abandoned = await tx.query(LOCK_IF_ABANDONED, [orderId, olderThanMs]);
        return abandoned.rowCount === 1 ? this.restoreStock(tx, orderId) : undefined;
      });
      if (result) released.push(result);
    }
    return released;
  }
}
