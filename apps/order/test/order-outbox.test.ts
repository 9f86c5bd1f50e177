import pino from 'pino';
import { createTestDatabase, listenOnLoopback, requestJson, type RunningServer, type TestDatabase } from '@tracecart/testkit';
import { MESSAGING } from '@tracecart/contracts';
import { startQueue, type OrderQueue } from '@tracecart/queue';
// The real inventory app, in process: the checkout reserves through its API as in the service.
import { createApp as createInventoryApp } from '@tracecart/inventory/dist/app';
import { createApp } from '../src/app';

const silent = pino({ level: 'silent' });

describe('the order.placed outbox of a checkout', () => {
  let db: TestDatabase;
  let queue: OrderQueue;
  let inventory: RunningServer;
  let order: RunningServer;
  const messagesOf = async (orderId: string) =>
    (
      await db.pool.query(`SELECT data FROM ${MESSAGING.QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'orderId' = $2`, [
        MESSAGING.ORDER_PLACED_QUEUE,
        orderId,
      ])
    ).rows.map((r) => r.data);
  const allMessages = async () =>
    (await db.pool.query(`SELECT count(*)::int AS n FROM ${MESSAGING.QUEUE_SCHEMA}.job WHERE name = $1`, [MESSAGING.ORDER_PLACED_QUEUE])).rows[0].n;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 100 });
    queue = await startQueue({ connectionString: db.url, applicationName: 'order-test-queue', role: 'producer', logger: silent });
    inventory = await listenOnLoopback(createInventoryApp({ pool: db.pool, logger: silent }));
    order = await listenOnLoopback(createApp({ pool: db.pool, logger: silent, inventoryUrl: inventory.url, checkoutTimeoutMs: 5000, outbox: queue }));
  });
  afterAll(async () => {
    await order?.close();
    await inventory?.close();
    await queue?.stop({ timeoutMs: 1000 });
    await db.drop();
  });

  it('sends one message with the order, placed at its creation time', async () => {
    const res = await requestJson(`${order.url}/orders`, { body: { customerId: 'c-1', items: [{ sku: 'SKU-0000003', quantity: 2 }] } });
    expect(res.status).toBe(201);
    expect(await messagesOf(res.body.orderId)).toEqual([
      { orderId: res.body.orderId, customerId: 'c-1', items: [{ sku: 'SKU-0000003', quantity: 2 }], placedAt: res.body.createdAt },
    ]);
  });

  it('sends nothing more when a checkout is replayed with its idempotency key', async () => {
    const request = { body: { customerId: 'c-2', items: [{ sku: 'SKU-0000004', quantity: 1 }] }, headers: { 'idempotency-key': 'outbox-replay-1' } };
    const first = await requestJson(`${order.url}/orders`, request);
    const replay = await requestJson(`${order.url}/orders`, request);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body.orderId).toBe(first.body.orderId);
    expect(await messagesOf(first.body.orderId)).toHaveLength(1);
  });

  it('sends nothing for a checkout that fails', async () => {
    const before = await allMessages();
    const res = await requestJson(`${order.url}/orders`, { body: { customerId: 'c-3', items: [{ sku: 'SKU-0999999', quantity: 1 }] } });
    expect(res.status).toBe(404);
    expect(await allMessages()).toBe(before);
  });
});
