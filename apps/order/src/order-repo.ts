import type { Pool, PoolClient } from 'pg';
import type { CheckoutResponse, Order } from '@tracecart/contracts';

interface OrderRow {
  id: string;
  customer_id: string;
  total_cents: string;
  created_at: Date;
}

interface ItemRow {
  sku: string;
  name: string;
  quantity: number;
  unit_price_cents: number;
}

/** What an idempotency key already holds. */
export interface StoredKey {
  requestHash: string;
  response: CheckoutResponse | null;
}

/** Orders, their items and idempotency keys in Postgres. */
export class OrderRepo {
  constructor(private readonly pool: Pool) {}

  /** Writes the order and all its items on the caller's transaction. */
  async insertOrder(tx: PoolClient, order: Order): Promise<void> {
    await tx.query(`INSERT INTO orders (id, customer_id, status, total_cents, created_at) VALUES ($1, $2, $3, $4, $5)`, [
      order.orderId,
      order.customerId,
      order.status,
      order.totalCents,
      order.createdAt,
    ]);
    await tx.query(
      `INSERT INTO order_items (order_id, line_no, sku, name, quantity, unit_price_cents)
       SELECT $1, line_no, sku, name, quantity, price
       FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::int[]) AS i(line_no, sku, name, quantity, price)`,
      [
        order.orderId,
        order.items.map((_, i) => i + 1),
        order.items.map((i) => i.sku),
        order.items.map((i) => i.name),
        order.items.map((i) => i.quantity),
        order.items.map((i) => i.unitPriceCents),
      ],
    );
  }

  /** One order with its items, or undefined. */
  async findOrder(orderId: string): Promise<Order | undefined> {
    const orders = await this.pool.query<OrderRow>('SELECT id, customer_id, total_cents, created_at FROM orders WHERE id = $1', [orderId]);
    const row = orders.rows[0];
    if (!row) return undefined;
    const items = await this.pool.query<ItemRow>(
      'SELECT sku, name, quantity, unit_price_cents FROM order_items WHERE order_id = $1 ORDER BY line_no',
      [orderId],
    );
    return {
      orderId: row.id,
      status: 'confirmed',
      customerId: row.customer_id,
      totalCents: Number(row.total_cents),
      createdAt: row.created_at.toISOString(),
      items: items.rows.map((i) => ({
        sku: i.sku,
        name: i.name,
        quantity: i.quantity,
        unitPriceCents: i.unit_price_cents,
        lineTotalCents: i.unit_price_cents * i.quantity,
      })),
    };
  }

  /**
   * Claims a key for an order on the caller's transaction. Returns false when the key exists;
   * while another transaction holds it uncommitted, this waits for that one to finish.
   */
  async claimKey(tx: PoolClient, key: string, requestHash: string, orderId: string): Promise<boolean> {
    const inserted = await tx.query(
      'INSERT INTO idempotency_keys (key, request_hash, order_id) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING',
      [key, requestHash, orderId],
    );
    return inserted.rowCount === 1;
  }

  /** Which of these order ids have a committed order. */
  async findExistingOrderIds(orderIds: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM orders WHERE id = ANY($1::uuid[])', [orderIds]);
    return new Set(rows.map((r) => r.id));
  }

  /** What a claimed key holds. */
  async readKey(tx: PoolClient, key: string): Promise<StoredKey> {
    const { rows } = await tx.query<{ request_hash: string; response: CheckoutResponse | null }>(
      'SELECT request_hash, response FROM idempotency_keys WHERE key = $1',
      [key],
    );
    return { requestHash: rows[0].request_hash, response: rows[0].response };
  }

  /** Stores the response a retry with this key will get. */
  async storeResponse(tx: PoolClient, key: string, response: CheckoutResponse): Promise<void> {
    await tx.query('UPDATE idempotency_keys SET response = $2 WHERE key = $1', [key, response]);
  }
}
