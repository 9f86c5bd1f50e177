import pino from 'pino';
import type { Express } from 'express';
import {
  createTestDatabase,
  listenOnLoopback,
  snapshotDatabase,
  startDelayProxy,
  startSilentServer,
  type RunningServer,
  type TestDatabase,
} from '@tracecart/testkit';
// The real inventory app, in process, so failures can be placed between the two services.
import { createApp as createInventoryApp } from '@tracecart/inventory/dist/app';
import { createApp } from '../src/app';

const silent = pino({ level: 'silent' });
const BUDGET_MS = 800;
const body = { customerId: 'c-1', items: [{ sku: 'SKU-0000001', quantity: 1 }, { sku: 'SKU-0000002', quantity: 2 }] };

describe('order when inventory is down, slow or late', () => {
  let db: TestDatabase;
  let inventory: RunningServer;
  const servers: RunningServer[] = [];
  const serve = async (app: Express | RunningServer) => {
    const running = 'url' in app ? app : await listenOnLoopback(app);
    servers.push(running);
    return running;
  };
  const orderApp = (inventoryUrl: string) => createApp({ pool: db.pool, logger: silent, inventoryUrl, checkoutTimeoutMs: 5000 });

  // A hung request would hang here; the abort turns that into a failed assertion instead.
  async function placeOrder(order: RunningServer) {
    const res = await fetch(`${order.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-deadline-ms': String(BUDGET_MS) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(BUDGET_MS * 8),
    });
    return { status: res.status, body: (await res.json()) as { error: { code: string } } };
  }

  async function heldReservations(): Promise<number> {
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM reservations WHERE status = 'held'`);
    return rows[0].n;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 100 });
    inventory = await serve(createInventoryApp({ pool: db.pool, logger: silent }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await db.drop();
  });

  it('answers 503 dependency_unavailable when inventory is down, writing nothing', async () => {
    const gone = await listenOnLoopback(() => undefined);
    await gone.close();
    const before = await snapshotDatabase(db.pool);
    const res = await placeOrder(await serve(orderApp(gone.url)));
    expect([res.status, res.body.error.code]).toEqual([503, 'dependency_unavailable']);
    expect(await snapshotDatabase(db.pool)).toEqual(before);
  });

  it('gives up on an inventory that never answers within the deadline, writing nothing', async () => {
    const before = await snapshotDatabase(db.pool);
    const res = await placeOrder(await serve(orderApp((await serve(await startSilentServer())).url)));
    expect([res.status, res.body.error.code]).toEqual([503, 'dependency_unavailable']);
    expect(await snapshotDatabase(db.pool)).toEqual(before);
  });

  it('releases stock that a reservation held after the order gave up on it', async () => {
    const before = await snapshotDatabase(db.pool);
    const proxy = await serve(
      await startDelayProxy(inventory.url, { match: (r) => r.url === '/reservations', beforeReplyMs: BUDGET_MS * 2 }),
    );
    const res = await placeOrder(await serve(orderApp(proxy.url)));
    expect(res.status).toBe(503);
    const after = await snapshotDatabase(db.pool);
    expect({ orders: after.orders, onHand: after.on_hand, held: await heldReservations() }).toEqual({
      orders: before.orders,
      onHand: before.on_hand,
      held: 0,
    });
  });

  it('refuses a reservation that reaches inventory after the order was abandoned', async () => {
    const before = await snapshotDatabase(db.pool);
    const proxy = await serve(
      await startDelayProxy(inventory.url, { match: (r) => r.url === '/reservations', beforeForwardMs: BUDGET_MS * 2 }),
    );
    const res = await placeOrder(await serve(orderApp(proxy.url)));
    expect(res.status).toBe(503);
    // Let the held-back reservation arrive and be refused.
    await new Promise((resolve) => setTimeout(resolve, BUDGET_MS * 2));
    const after = await snapshotDatabase(db.pool);
    expect({ orders: after.orders, onHand: after.on_hand, held: await heldReservations() }).toEqual({
      orders: before.orders,
      onHand: before.on_hand,
      held: 0,
    });
  });
});
