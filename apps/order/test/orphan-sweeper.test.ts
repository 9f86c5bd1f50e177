import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createTestDatabase, listenOnLoopback, requestJson, type RunningServer, type TestDatabase } from '@tracecart/testkit';
import { createApp as createInventoryApp } from '@tracecart/inventory/dist/app';
import { InventoryClient } from '../src/clients/inventory-client';
import { OrphanSweeper } from '../src/orphan-sweeper';

const silent = pino({ level: 'silent' });

describe('abandoned reservations', () => {
  let db: TestDatabase;
  let inventory: RunningServer;
  const onHand = async (sku: string) => (await db.pool.query('SELECT on_hand FROM products WHERE sku = $1', [sku])).rows[0].on_hand;
  const hold = async (sku: string, ageSeconds: number) => {
    const orderId = randomUUID();
    await requestJson(`${inventory.url}/reservations`, { body: { orderId, items: [{ sku, quantity: 5 }] } });
    await db.pool.query(`UPDATE reservations SET created_at = now() - make_interval(secs => $2) WHERE order_id = $1`, [orderId, ageSeconds]);
    return orderId;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 100 });
    inventory = await listenOnLoopback(createInventoryApp({ pool: db.pool, logger: silent }));
  });
  afterAll(async () => {
    await inventory.close();
    await db.drop();
  });

  it('releases old held stock with no order, and leaves young or ordered reservations alone', async () => {
    const abandoned = await hold('SKU-0000001', 600);
    const young = await hold('SKU-0000002', 1);
    const ordered = await hold('SKU-0000003', 600);
    await db.pool.query(`INSERT INTO orders (id, customer_id, status, total_cents) VALUES ($1, 'c', 'confirmed', 1)`, [ordered]);
    const sweeper = new OrphanSweeper(db.pool, new InventoryClient(inventory.url), silent, 60_000);
    expect(await sweeper.sweepOnce()).toEqual([abandoned]);
    expect([await onHand('SKU-0000001'), await onHand('SKU-0000002'), await onHand('SKU-0000003')]).toEqual([1000, 995, 995]);
    expect(await sweeper.sweepOnce()).toEqual([]);
    const { rows } = await db.pool.query(`SELECT order_id, status FROM reservations WHERE order_id = ANY($1) ORDER BY status`, [[young, ordered]]);
    expect(rows.map((r) => r.status)).toEqual(['held', 'held']);
  });
});
