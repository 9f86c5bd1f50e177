import { randomUUID } from 'node:crypto';
import pino from 'pino';
import {
  createTestDatabase,
  listenOnLoopback,
  requestJson,
  snapshotDatabase,
  type RunningServer,
  type TestDatabase,
} from '@tracecart/testkit';
import { createApp } from '../src/app';

describe('inventory', () => {
  let db: TestDatabase;
  let server: RunningServer;
  const call = (path: string, body?: unknown) => requestJson(server.url + path, { body });
  const release = (orderId: string) => requestJson(`${server.url}/reservations/${orderId}/release`, { method: 'POST' });
  const onHand = async (sku: string) =>
    (await db.pool.query('SELECT on_hand FROM products WHERE sku = $1', [sku])).rows[0].on_hand as number;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 500 });
    server = await listenOnLoopback(createApp({ pool: db.pool, logger: pino({ level: 'silent' }) }));
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('looks up one product and many, naming the missing ones', async () => {
    const one = await call('/products/SKU-0000007');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ sku: 'SKU-0000007', name: 'Product 7', onHand: 1000 });
    const many = await call('/products/lookup', { skus: ['SKU-0000002', 'SKU-9999999', 'SKU-0000001', 'SKU-0000002'] });
    expect(many.body.products.map((p: { sku: string }) => p.sku)).toEqual(['SKU-0000002', 'SKU-0000001']);
    expect(many.body.missing).toEqual(['SKU-9999999']);
  });

  it('answers unknown and malformed skus in the error contract', async () => {
    expect((await call('/products/SKU-0009999')).body.error.code).toBe('unknown_sku');
    const bad = await call('/products/nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request' });
  });

  it('reserves all lines or none', async () => {
    await db.pool.query(`UPDATE products SET on_hand = 4 WHERE sku = 'SKU-0000011'`);
    const before = await snapshotDatabase(db.pool);
    const res = await call('/reservations', {
      orderId: randomUUID(),
      items: [
        { sku: 'SKU-0000010', quantity: 5 },
        { sku: 'SKU-0000011', quantity: 5 },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('insufficient_stock');
    expect(await snapshotDatabase(db.pool)).toEqual(before);
  });

  it('holds once per order id, and a release gives the stock back once', async () => {
    const orderId = randomUUID();
    const body = { orderId, items: [{ sku: 'SKU-0000020', quantity: 3 }] };
    expect((await call('/reservations', body)).status).toBe(201);
    expect((await call('/reservations', body)).status).toBe(201);
    expect(await onHand('SKU-0000020')).toBe(997);
    expect((await release(orderId)).body.status).toBe('released');
    expect((await release(orderId)).body.status).toBe('released');
    expect(await onHand('SKU-0000020')).toBe(1000);
    expect((await call('/reservations', body)).body.error.code).toBe('reservation_released');
  });

  it('refuses a reservation that arrives after its order was released', async () => {
    const orderId = randomUUID();
    await release(orderId);
    const late = await call('/reservations', { orderId, items: [{ sku: 'SKU-0000021', quantity: 1 }] });
    expect(late.status).toBe(409);
    expect(await onHand('SKU-0000021')).toBe(1000);
  });

  it('never oversells under 100 concurrent reservations', async () => {
    await db.pool.query(`UPDATE products SET on_hand = 17 WHERE sku = 'SKU-0000030'`);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => call('/reservations', { orderId: randomUUID(), items: [{ sku: 'SKU-0000030', quantity: 1 }] })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(17);
    expect(results.filter((r) => r.status === 409)).toHaveLength(83);
    expect(await onHand('SKU-0000030')).toBe(0);
  });

  it('does not deadlock when concurrent orders share skus in opposite orders', async () => {
    const lines = (a: string, b: string) => [
      { sku: a, quantity: 1 },
      { sku: b, quantity: 1 },
    ];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call('/reservations', {
          orderId: randomUUID(),
          items: i % 2 ? lines('SKU-0000040', 'SKU-0000041') : lines('SKU-0000041', 'SKU-0000040'),
        }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await onHand('SKU-0000040')).toBe(960);
  });
});
