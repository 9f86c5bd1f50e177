import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createTestDatabase, listenOnLoopback, requestJson, snapshotDatabase, type RunningServer, type TestDatabase } from '@tracecart/testkit';
import { createApp } from '../src/app';

describe('POST /reservations/:orderId/ship', () => {
  let db: TestDatabase;
  let server: RunningServer;
  const ship = (orderId: string) => requestJson(`${server.url}/reservations/${orderId}/ship`, { method: 'POST' });
  const reserve = async (orderId: string) => {
    const res = await requestJson(`${server.url}/reservations`, { body: { orderId, items: [{ sku: 'SKU-0000001', quantity: 1 }] } });
    expect(res.status).toBe(201);
  };

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 20 });
    server = await listenOnLoopback(createApp({ pool: db.pool, logger: pino({ level: 'silent' }) }));
  });
  afterAll(async () => {
    await server?.close();
    await db.drop();
  });

  it('marks a held reservation shipped once; a repeat answers the same and changes nothing', async () => {
    const orderId = randomUUID();
    await reserve(orderId);
    const first = await ship(orderId);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ orderId, status: 'shipped', shippedAt: expect.any(String) });
    const before = await snapshotDatabase(db.pool);
    const again = await ship(orderId);
    expect([again.status, again.body]).toEqual([200, first.body]);
    expect(await snapshotDatabase(db.pool)).toEqual(before);
    const { rows } = await db.pool.query('SELECT status, shipped_at FROM reservations WHERE order_id = $1', [orderId]);
    expect([rows[0].status, rows[0].shipped_at.toISOString()]).toEqual(['held', first.body.shippedAt]);
  });

  it('answers 404 for an unknown order and 409 for a released reservation, in the JSON error shape', async () => {
    const unknown = await ship(randomUUID());
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    const orderId = randomUUID();
    await reserve(orderId);
    await requestJson(`${server.url}/reservations/${orderId}/release`, { method: 'POST' });
    const released = await ship(orderId);
    expect([released.status, released.body.error.code]).toEqual([409, 'reservation_released']);
    expect(released.body.error.message).toContain(orderId);
  });

  it('refuses to release a shipped reservation, leaves its stock taken, and never lists it as abandoned', async () => {
    const [orderId, unshipped] = [randomUUID(), randomUUID()];
    await reserve(orderId);
    await reserve(unshipped);
    expect((await ship(orderId)).status).toBe(200);
    const before = await snapshotDatabase(db.pool);
    const release = await requestJson(`${server.url}/reservations/${orderId}/release`, { method: 'POST' });
    expect([release.status, release.body.error.code]).toEqual([409, 'reservation_shipped']);
    expect(await snapshotDatabase(db.pool)).toEqual(before);
    const held = await requestJson(`${server.url}/reservations/held?olderThanMs=1&limit=100`, { method: 'GET' });
    expect(held.status).toBe(200);
    const listed = held.body.reservations.map((r: { orderId: string }) => r.orderId);
    expect(listed).toContain(unshipped);
    expect(listed).not.toContain(orderId);
  });

  it('refuses an order id that is not a uuid', async () => {
    const res = await ship('not-a-uuid');
    expect(res.status).toBe(400);
  });
});
