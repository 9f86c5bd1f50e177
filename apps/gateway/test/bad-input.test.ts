import { requestJson, snapshotDatabase, startLab, type Lab, type Stack, type TestDatabase } from '@tracecart/testkit';

const item = (sku: string, quantity: number) => ({ sku, quantity });
const valid = { customerId: 'c-1', items: [item('SKU-0000001', 1)] };

describe('bad input gets a clear error and changes nothing', () => {
  let lab: Lab;
  let db: TestDatabase;
  let stack: Stack;
  const checkout = (body: unknown, headers: Record<string, string> = {}) =>
    requestJson(`${stack.gateway.url}/api/checkout`, { method: 'POST', body, headers });

  beforeAll(async () => {
    lab = await startLab({ catalogSize: 1000 });
    ({ db, stack } = lab);
    await db.pool.query(`UPDATE products SET on_hand = 3 WHERE sku = 'SKU-0000005'`);
  });
  afterAll(() => lab?.stop());

  type Case = [string, () => Promise<{ status: number; body: any }>, number, string, RegExp];
  const cases: Case[] = [
    ['malformed JSON', () => checkout('{"customerId": "c-1", items: ['), 400, 'invalid_json', /JSON/],
    ['a JSON array body', () => checkout([valid]), 400, 'invalid_request', /body/],
    ['no customerId', () => checkout({ items: valid.items }), 400, 'invalid_request', /customerId/],
    ['no items', () => checkout({ customerId: 'c', items: [] }), 400, 'invalid_request', /items/],
    ['51 line items', () => checkout({ customerId: 'c', items: Array.from({ length: 51 }, (_, i) => item(`SKU-${String(i + 1).padStart(7, '0')}`, 1)) }), 400, 'invalid_request', /items/],
    ['a malformed sku', () => checkout({ customerId: 'c', items: [item('sku-1', 1)] }), 400, 'invalid_request', /items\.0\.sku/],
    ['quantity 0', () => checkout({ customerId: 'c', items: [item('SKU-0000001', 0)] }), 400, 'invalid_request', /items\.0\.quantity/],
    ['a fractional quantity', () => checkout({ customerId: 'c', items: [item('SKU-0000001', 1.5)] }), 400, 'invalid_request', /items\.0\.quantity/],
    ['quantity 1001', () => checkout({ customerId: 'c', items: [item('SKU-0000001', 1001)] }), 400, 'invalid_request', /quantity/],
    ['duplicates adding up past 1000', () => checkout({ customerId: 'c', items: [item('SKU-0000001', 600), item('SKU-0000001', 600)] }), 400, 'invalid_request', /quantity/],
    ['a body over 64 KiB', () => checkout({ customerId: 'x'.repeat(70 * 1024), items: valid.items }), 413, 'payload_too_large', /larger/],
    ['an unknown sku', () => checkout({ customerId: 'c', items: [item('SKU-0000002', 1), item('SKU-0009999', 1)] }), 404, 'unknown_sku', /SKU-0009999/],
    ['more than is in stock', () => checkout({ customerId: 'c', items: [item('SKU-0000004', 2), item('SKU-0000005', 4)] }), 409, 'insufficient_stock', /SKU-0000005/],
    ['an idempotency key with a space', () => checkout(valid, { 'idempotency-key': 'a b' }), 400, 'invalid_request', /idempotency-key/],
    ['a 129-character idempotency key', () => checkout(valid, { 'idempotency-key': 'k'.repeat(129) }), 400, 'invalid_request', /idempotency-key/],
  ];

  it.each(cases)('%s', async (_name, send, status, code, message) => {
    const before = await snapshotDatabase(db.pool);
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(message);
    expect(res.body.error.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(await snapshotDatabase(db.pool)).toEqual(before);
  });

  it('reuse of an idempotency key with another body is 409 and changes nothing', async () => {
    expect((await checkout(valid, { 'idempotency-key': 'reuse-1' })).status).toBe(201);
    const before = await snapshotDatabase(db.pool);
    const res = await checkout({ ...valid, customerId: 'someone-else' }, { 'idempotency-key': 'reuse-1' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('idempotency_conflict');
    expect(await snapshotDatabase(db.pool)).toEqual(before);
  });

  it('reads products and orders, and says not_found or invalid_request otherwise', async () => {
    const product = await requestJson(`${stack.gateway.url}/api/products/SKU-0000042`);
    expect(product.body).toEqual({ sku: 'SKU-0000042', name: 'Product 42', priceCents: expect.any(Number), onHand: 1000 });
    const placed = await checkout({ customerId: 'c-read', items: [item('SKU-0000043', 2)] });
    const order = await requestJson(`${stack.gateway.url}/api/orders/${placed.body.orderId}`);
    expect(order.body).toMatchObject({ orderId: placed.body.orderId, customerId: 'c-read', totalCents: placed.body.totalCents });
    const missing = await requestJson(`${stack.gateway.url}/api/orders/00000000-0000-4000-8000-000000000000`);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
    const malformed = await requestJson(`${stack.gateway.url}/api/orders/42`);
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'invalid_request']);
    const noRoute = await requestJson(`${stack.gateway.url}/api/nothing-here`);
    expect([noRoute.status, noRoute.body.error.code]).toEqual([404, 'not_found']);
  });
});
