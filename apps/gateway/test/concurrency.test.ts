import { requestJson, snapshotDatabase, startLab, type Lab, type Stack, type TestDatabase } from '@tracecart/testkit';

const PARALLEL = 100;

describe('concurrent checkouts', () => {
  let lab: Lab;
  let db: TestDatabase;
  let stack: Stack;
  const checkout = (body: unknown, headers: Record<string, string> = {}) =>
    requestJson(`${stack.gateway.url}/api/checkout`, { method: 'POST', body, headers });

  beforeAll(async () => {
    lab = await startLab({ catalogSize: 1000 });
    ({ db, stack } = lab);
  });
  afterAll(() => lab?.stop());

  it(`never oversell: stock 23, ${PARALLEL} single-unit checkouts, exactly 23 succeed`, async () => {
    await db.pool.query(`UPDATE products SET on_hand = 23 WHERE sku = 'SKU-0000777'`);
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => checkout({ customerId: `c-${i}`, items: [{ sku: 'SKU-0000777', quantity: 1 }] })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(23);
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.error.code === 'insufficient_stock')).toBe(
      true,
    );
    const { rows } = await db.pool.query(
      `SELECT (SELECT on_hand FROM products WHERE sku = 'SKU-0000777') AS on_hand,
              (SELECT count(*)::int FROM order_items WHERE sku = 'SKU-0000777') AS sold,
              (SELECT count(*)::int FROM reservations WHERE status = 'held') AS held`,
    );
    expect(rows[0]).toEqual({ on_hand: 0, sold: 23, held: 23 });
  });

  it(`${PARALLEL} concurrent retries with one key create one order and all get its response`, async () => {
    const before = await snapshotDatabase(db.pool);
    const body = { customerId: 'c-idem', items: [{ sku: 'SKU-0000100', quantity: 2 }, { sku: 'SKU-0000101', quantity: 1 }] };
    const results = await Promise.all(Array.from({ length: PARALLEL }, () => checkout(body, { 'idempotency-key': 'retry-me' })));
    expect(results.map((r) => r.status)).toEqual(Array(PARALLEL).fill(201));
    const orderIds = new Set(results.map((r) => r.body.orderId));
    expect(orderIds.size).toBe(1);
    for (const r of results) expect(r.body).toEqual(results[0].body);
    const after = await snapshotDatabase(db.pool);
    expect(after.orders - before.orders).toBe(1);
    expect(after.order_items - before.order_items).toBe(2);
    expect(before.on_hand - after.on_hand).toBe(3);
    expect(after.reservations - before.reservations).toBe(1);
  });

  it('a retry after success replays the first response and creates nothing', async () => {
    const body = { customerId: 'c-later', items: [{ sku: 'SKU-0000200', quantity: 1 }] };
    const first = await checkout(body, { 'idempotency-key': 'later-retry' });
    const before = await snapshotDatabase(db.pool);
    const again = await checkout(body, { 'idempotency-key': 'later-retry' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await snapshotDatabase(db.pool)).toEqual(before);
  });
});
