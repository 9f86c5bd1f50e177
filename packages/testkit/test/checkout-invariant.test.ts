import { randomUUID } from 'node:crypto';
import { checkCheckoutInvariant, createTestDatabase, snapshotStock, type StockSnapshot, type TestDatabase } from '../src';

// Writes what order and inventory write for one confirmed checkout of `qty` of `sku`.
async function confirmedOrder(db: TestDatabase, sku: string, qty: number, options: { reserve?: boolean; order?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  if (options.reserve !== false) {
    await db.pool.query(`UPDATE products SET on_hand = on_hand - $2 WHERE sku = $1`, [sku, qty]);
    await db.pool.query(`INSERT INTO reservations (order_id, status) VALUES ($1, 'held')`, [id]);
    await db.pool.query(`INSERT INTO reservation_lines (order_id, sku, quantity) VALUES ($1, $2, $3)`, [id, sku, qty]);
  }
  if (options.order !== false) {
    await db.pool.query(`INSERT INTO orders (id, customer_id, status, total_cents) VALUES ($1, 'c', 'confirmed', 100)`, [id]);
    await db.pool.query(`INSERT INTO order_items (order_id, line_no, sku, name, quantity, unit_price_cents) VALUES ($1, 1, $2, 'n', $3, 100)`, [id, sku, qty]);
  }
  return id;
}

describe('checkCheckoutInvariant', () => {
  let db: TestDatabase;
  let initial: StockSnapshot;
  beforeEach(async () => {
    db = await createTestDatabase({ catalogSize: 20 });
    initial = await snapshotStock(db.pool);
  });
  afterEach(() => db.drop());

  it('holds for confirmed orders and for stock held by orders never written', async () => {
    const id = await confirmedOrder(db, 'SKU-0000001', 2);
    await confirmedOrder(db, 'SKU-0000002', 1, { order: false });
    expect(await checkCheckoutInvariant(db.pool, initial, new Map([[id, 1]]))).toEqual({ held: true, problems: [] });
  });

  it('finds a 201 with no order, stock moved with nothing to show for it, and an order without stock', async () => {
    const lost = randomUUID();
    await db.pool.query(`UPDATE products SET on_hand = on_hand - 3 WHERE sku = 'SKU-0000003'`);
    const unbacked = await confirmedOrder(db, 'SKU-0000004', 1, { reserve: false });
    const result = await checkCheckoutInvariant(db.pool, initial, new Map([[lost, 1]]));
    expect(result.held).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`order ${lost} answered 201`),
        'SKU-0000003: stock moved 3, but confirmed 0 + held 0',
        'SKU-0000004: stock moved 0, but confirmed 1 + held 0',
        `order ${unbacked} is confirmed without a held reservation`,
      ]),
    );
  });
});
