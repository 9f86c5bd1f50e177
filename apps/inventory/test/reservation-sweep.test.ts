import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createTestDatabase, listenOnLoopback, requestJson, type RunningServer, type TestDatabase } from '@tracecart/testkit';
import type { HeldReservation, HeldReservationsPage } from '@tracecart/contracts';
import { createApp } from '../src/app';

const AGE_MS = 60_000;

describe('held reservations for the abandoned-reservation sweep', () => {
  let db: TestDatabase;
  let server: RunningServer;
  const onHand = async (sku: string) =>
    (await db.pool.query('SELECT on_hand FROM products WHERE sku = $1', [sku])).rows[0].on_hand as number;
  const hold = async (sku: string, ageSeconds: number) => {
    const orderId = randomUUID();
    expect((await requestJson(`${server.url}/reservations`, { body: { orderId, items: [{ sku, quantity: 2 }] } })).status).toBe(201);
    await db.pool.query(`UPDATE reservations SET created_at = now() - make_interval(secs => $2) WHERE order_id = $1`, [orderId, ageSeconds]);
    return orderId;
  };
  const listHeld = (query: string) => requestJson(`${server.url}/reservations/held?${query}`);
  const releaseAbandoned = (body: unknown) => requestJson(`${server.url}/reservations/release-abandoned`, { body });

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 100 });
    server = await listenOnLoopback(createApp({ pool: db.pool, logger: pino({ level: 'silent' }) }));
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('lists only held reservations older than asked, oldest first, page by page without gaps', async () => {
    const old = [await hold('SKU-0000001', 500), await hold('SKU-0000001', 400), await hold('SKU-0000001', 300)];
    const [sameInstantA, sameInstantB] = [await hold('SKU-0000002', 200), await hold('SKU-0000002', 200)];
    await db.pool.query(`UPDATE reservations SET created_at = (SELECT created_at FROM reservations WHERE order_id = $1) WHERE order_id = $2`, [
      sameInstantA,
      sameInstantB,
    ]);
    const released = await hold('SKU-0000003', 450);
    await requestJson(`${server.url}/reservations/${released}/release`, { method: 'POST' });
    await hold('SKU-0000003', 1);

    const seen: HeldReservation[] = [];
    let query = `olderThanMs=${AGE_MS}&limit=2`;
    for (let pages = 0; pages < 10; pages++) {
      const res = await listHeld(query);
      expect(res.status).toBe(200);
      const page = res.body as HeldReservationsPage;
      seen.push(...page.reservations);
      if (!page.next) break;
      query = `olderThanMs=${AGE_MS}&limit=2&${new URLSearchParams({ ...page.next })}`;
    }
    expect(seen.map((r) => r.orderId)).toEqual([...old, ...[sameInstantA, sameInstantB].sort()]);
    expect(seen.every((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(r.createdAt))).toBe(true);
  });

  it('releases only named orders that are still held and old enough, each once under concurrent calls', async () => {
    const abandoned = [await hold('SKU-0000010', 600), await hold('SKU-0000010', 600), await hold('SKU-0000010', 600)];
    const young = await hold('SKU-0000011', 1);
    const unknown = randomUUID();
    expect(await onHand('SKU-0000010')).toBe(994);
    const calls = await Promise.all(
      Array.from({ length: 4 }, () => releaseAbandoned({ orderIds: [...abandoned, young, unknown], olderThanMs: AGE_MS })),
    );
    expect(calls.map((c) => c.status)).toEqual([200, 200, 200, 200]);
    expect(calls.flatMap((c) => c.body.released).sort()).toEqual([...abandoned].sort());
    expect([await onHand('SKU-0000010'), await onHand('SKU-0000011')]).toEqual([1000, 998]);
    // Nothing was made up for the unknown order: no tombstone, unlike a release by id.
    expect((await db.pool.query('SELECT 1 FROM reservations WHERE order_id = $1', [unknown])).rowCount).toBe(0);
  });

  it('does not release by id what a sweep already released, nor the other way round', async () => {
    const orderId = await hold('SKU-0000020', 600);
    expect((await releaseAbandoned({ orderIds: [orderId], olderThanMs: AGE_MS })).body.released).toEqual([orderId]);
    expect((await requestJson(`${server.url}/reservations/${orderId}/release`, { method: 'POST' })).body.items).toEqual([]);
    const other = await hold('SKU-0000020', 600);
    await requestJson(`${server.url}/reservations/${other}/release`, { method: 'POST' });
    expect((await releaseAbandoned({ orderIds: [other], olderThanMs: AGE_MS })).body.released).toEqual([]);
    expect(await onHand('SKU-0000020')).toBe(1000);
  });

  it.each([
    ['', 'olderThanMs'],
    ['olderThanMs=soon', 'olderThanMs'],
    ['olderThanMs=0', 'olderThanMs'],
    ['olderThanMs=1000&limit=5000', 'limit'],
    ['olderThanMs=1000&afterCreatedAt=yesterday', 'afterCreatedAt'],
    [`olderThanMs=1000&afterOrderId=${randomUUID()}`, 'afterOrderId'],
  ])('answers a bad list query %p with 400 invalid_request naming %s', async (query, field) => {
    const res = await listHeld(query);
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_request']);
    expect(res.body.error.message.startsWith(`${field}: `)).toBe(true);
  });

  it.each([
    [{ olderThanMs: AGE_MS }, 'orderIds'],
    [{ orderIds: [], olderThanMs: AGE_MS }, 'orderIds'],
    [{ orderIds: ['nope'], olderThanMs: AGE_MS }, 'orderIds.0'],
    [{ orderIds: [randomUUID()] }, 'olderThanMs'],
    [{ orderIds: [randomUUID()], olderThanMs: -1 }, 'olderThanMs'],
  ])('answers a bad release-abandoned body %j with 400 invalid_request naming %s', async (body, field) => {
    const res = await releaseAbandoned(body);
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_request']);
    expect(res.body.error.message.startsWith(`${field}: `)).toBe(true);
  });
});
