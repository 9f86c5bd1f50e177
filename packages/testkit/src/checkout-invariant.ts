import type { Pool } from '@tracecart/db';

/** Stock per SKU at one moment: the baseline the invariant measures movement from. */
export type StockSnapshot = ReadonlyMap<string, number>;

/** The invariant's verdict: `held` is true when `problems` is empty. */
export interface InvariantResult {
  held: boolean;
  problems: string[];
}

/** Reads on_hand of every product. */
export async function snapshotStock(pool: Pool): Promise<StockSnapshot> {
  const { rows } = await pool.query<{ sku: string; on_hand: number }>('SELECT sku, on_hand FROM products');
  return new Map(rows.map((r) => [r.sku, r.on_hand]));
}

// Per SKU: quantities on confirmed orders, and quantities still held for orders that were never
// written (a checkout that failed after inventory reserved and before the release got through).
const STOCK_ACCOUNT = `
  WITH confirmed AS (
    SELECT i.sku, sum(i.quantity)::int AS qty FROM order_items i JOIN orders o ON o.id = i.order_id
    WHERE o.status = 'confirmed' GROUP BY i.sku),
  orphaned AS (
    SELECT l.sku, sum(l.quantity)::int AS qty FROM reservation_lines l JOIN reservations r USING (order_id)
    WHERE r.status = 'held' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = r.order_id) GROUP BY l.sku)
  SELECT p.sku, p.on_hand, coalesce(c.qty, 0) AS confirmed, coalesce(h.qty, 0) AS held
  FROM products p LEFT JOIN confirmed c USING (sku) LEFT JOIN orphaned h USING (sku)`;

// A confirmed order whose stock was given back (or never held) would make the stock lie.
const UNBACKED_ORDERS = `SELECT o.id FROM orders o LEFT JOIN reservations r ON r.order_id = o.id
  WHERE r.status IS DISTINCT FROM 'held' LIMIT 5`;

async function stockProblems(pool: Pool, initial: StockSnapshot): Promise<string[]> {
  const { rows } = await pool.query<{ sku: string; on_hand: number; confirmed: number; held: number }>(STOCK_ACCOUNT);
  const problems: string[] = [];
  for (const row of rows) {
    const moved = (initial.get(row.sku) ?? row.on_hand) - row.on_hand;
    if (row.on_hand < 0) problems.push(`${row.sku} is oversold: on_hand ${row.on_hand}`);
    if (moved !== row.confirmed + row.held) {
      problems.push(`${row.sku}: stock moved ${moved}, but confirmed ${row.confirmed} + held ${row.held}`);
    }
  }
  const unbacked = await pool.query<{ id: string }>(UNBACKED_ORDERS);
  for (const { id } of unbacked.rows) problems.push(`order ${id} is confirmed without a held reservation`);
  return problems;
}

async function missingOrders(pool: Pool, accepted: ReadonlyMap<string, number>): Promise<string[]> {
  const ids = [...accepted.keys()];
  const { rows } = await pool.query<{ id: string; lines: number }>(
    `SELECT o.id, count(i.*)::int AS lines FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
     WHERE o.id = ANY($1::uuid[]) GROUP BY o.id`,
    [ids],
  );
  const found = new Map(rows.map((r) => [r.id, r.lines]));
  return ids.filter((id) => found.get(id) !== accepted.get(id)).map((id) => `order ${id} answered 201 but has ${found.get(id) ?? 'no'} rows of its ${accepted.get(id)} items`);
}

/**
 * The checkout invariant, checked once the load has settled: every 201 (order id → its line
 * count) is an order with its items in the database; per SKU, stock moved since `initial` equals
 * confirmed quantities plus reservations held for orders never written; nothing is oversold.
 */
export async function checkCheckoutInvariant(pool: Pool, initial: StockSnapshot, accepted: ReadonlyMap<string, number>): Promise<InvariantResult> {
  const problems = [...(await missingOrders(pool, accepted)), ...(await stockProblems(pool, initial))];
  return { held: problems.length === 0, problems };
}
