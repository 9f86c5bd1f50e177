import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createTestDatabase, listenOnLoopback, requestJson, type RunningServer, type TestDatabase } from '@tracecart/testkit';
import { InventoryClient } from '@tracecart/inventory-client';
// The real inventory app, in process: the sweep goes through its API like the service does.
import { createApp as createInventoryApp } from '@tracecart/inventory/dist/app';
import { createApp } from '../src/app';
import { OrphanSweeper, type SweeperOptions } from '../src/orphan-sweeper';

const silent = pino({ level: 'silent' });
const AGE_MS = 60_000;

describe('abandoned reservations', () => {
  let db: TestDatabase;
  let inventory: RunningServer;
  let order: RunningServer;
  const onHand = async (sku: string) => (await db.pool.query('SELECT on_hand FROM products WHERE sku = $1', [sku])).rows[0].on_hand;
  const statusOf = async (orderId: string) =>
    (await db.pool.query('SELECT status FROM reservations WHERE order_id = $1', [orderId])).rows[0].status;
  // Only the test reaches into inventory's table: it ages a reservation instead of waiting.
  const backdate = (orderId: string, ageSeconds: number) =>
    db.pool.query(`UPDATE reservations SET created_at = now() - make_interval(secs => $2) WHERE order_id = $1`, [orderId, ageSeconds]);
  // A reservation whose order process died before committing.
  const abandon = async (sku: string, ageSeconds: number) => {
    const orderId = randomUUID();
    const res = await requestJson(`${inventory.url}/reservations`, { body: { orderId, items: [{ sku, quantity: 5 }] } });
    expect(res.status).toBe(201);
    await backdate(orderId, ageSeconds);
    return orderId;
  };
  // A checkout that committed, placed through the order app.
  const placeOrder = async (sku: string, ageSeconds: number) => {
    const res = await requestJson(`${order.url}/orders`, { body: { customerId: 'c-1', items: [{ sku, quantity: 5 }] } });
    expect(res.status).toBe(201);
    await backdate(res.body.orderId, ageSeconds);
    return res.body.orderId as string;
  };
  const sweeper = (options?: SweeperOptions) => new OrphanSweeper(db.pool, new InventoryClient(inventory.url), silent, AGE_MS, options);

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 100 });
    inventory = await listenOnLoopback(createInventoryApp({ pool: db.pool, logger: silent }));
    order = await listenOnLoopback(createApp({ pool: db.pool, logger: silent, inventoryUrl: inventory.url, checkoutTimeoutMs: 5000 }));
  });
  afterAll(async () => {
    await order.close();
    await inventory.close();
    await db.drop();
  });

  it('releases old held stock with no order, and leaves young or ordered reservations alone', async () => {
    const abandoned = await abandon('SKU-0000001', 600);
    const young = await abandon('SKU-0000002', 1);
    const ordered = await placeOrder('SKU-0000003', 600);
    const sweep = sweeper();
    expect(await sweep.sweepOnce()).toEqual([abandoned]);
    expect([await onHand('SKU-0000001'), await onHand('SKU-0000002'), await onHand('SKU-0000003')]).toEqual([1000, 995, 995]);
    expect(await sweep.sweepOnce()).toEqual([]);
    expect([await statusOf(young), await statusOf(ordered)]).toEqual(['held', 'held']);
  });

  it('pages past the held reservations of committed orders to the abandoned ones behind them', async () => {
    for (let i = 0; i < 5; i++) await placeOrder('SKU-0000010', 900 - i);
    const behind = [await abandon('SKU-0000011', 800), await abandon('SKU-0000011', 799)];
    expect(await sweeper({ pageSize: 2 }).sweepOnce()).toEqual(behind);
    expect([await onHand('SKU-0000010'), await onHand('SKU-0000011')]).toEqual([975, 1000]);
  });

  it('finds reservations abandoned after an earlier sweep, starting near where that one ended', async () => {
    const sweep = sweeper({ pageSize: 2 });
    await sweep.sweepOnce();
    const later = await abandon('SKU-0000020', 120);
    expect(await sweep.sweepOnce()).toEqual([later]);
    expect(await onHand('SKU-0000020')).toBe(1000);
  });

  it('releases each abandoned reservation exactly once while sweeps and per-order releases race', async () => {
    const ordered = [await placeOrder('SKU-0000040', 700), await placeOrder('SKU-0000040', 700)];
    const abandoned: string[] = [];
    for (let i = 0; i < 12; i++) abandoned.push(await abandon('SKU-0000040', 650 - i));
    expect(await onHand('SKU-0000040')).toBe(930);
    const client = new InventoryClient(inventory.url);
    const [sweeps, direct] = await Promise.all([
      Promise.all([1, 2, 3].map(() => sweeper({ pageSize: 4 }).sweepOnce())),
      // What order does itself when a checkout fails after reserving: release by id.
      Promise.all(abandoned.filter((_, i) => i % 2 === 0).map((id) => client.release(id))),
    ]);
    const releasedByRelease = direct.filter((r) => r.items.length > 0).map((r) => r.orderId);
    expect([...sweeps.flat(), ...releasedByRelease].sort()).toEqual([...abandoned].sort());
    expect(await onHand('SKU-0000040')).toBe(990);
    expect(await Promise.all(ordered.map(statusOf))).toEqual(['held', 'held']);
  });

  it('sweeps at once on start', async () => {
    const abandoned = await abandon('SKU-0000050', 600);
    const sweep = sweeper();
    sweep.start(60_000);
    try {
      await waitFor(async () => (await statusOf(abandoned)) === 'released');
    } finally {
      sweep.stop();
    }
    expect(await onHand('SKU-0000050')).toBe(1000);
  });

  it('retries every period while inventory is down, and stops when told', async () => {
    const gone = await listenOnLoopback(() => undefined);
    await gone.close();
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
    const failing = new OrphanSweeper(db.pool, new InventoryClient(gone.url), logger, AGE_MS);
    failing.start(20);
    await waitFor(async () => warnings.length >= 3);
    failing.stop();
    const seen = warnings.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(warnings.length).toBeLessThanOrEqual(seen + 1);
    expect(new Set(warnings)).toEqual(new Set(['sweeping abandoned reservations failed; will retry']));
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
