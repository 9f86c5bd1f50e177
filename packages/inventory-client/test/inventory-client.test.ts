import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { HttpError } from '@tracecart/http-kit';
import { createTestDatabase, listenOnLoopback, startSilentServer, type RunningServer, type TestDatabase } from '@tracecart/testkit';
// The real inventory app, in process: the client is only right if it matches the real routes.
import { createApp } from '@tracecart/inventory/dist/app';
import { InventoryClient } from '../src';

const TIMEOUT_MS = 5000;

describe('InventoryClient against the inventory service', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let client: InventoryClient;

  async function failure(call: Promise<unknown>): Promise<HttpError> {
    const error = await call.then(() => undefined, (e: unknown) => e);
    if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
    return error;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 50 });
    server = await listenOnLoopback(createApp({ pool: db.pool, logger: pino({ level: 'silent' }) }));
    client = new InventoryClient(server.url);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('reads one product and many, and passes inventory errors on as they were sent', async () => {
    expect(await client.getProduct('SKU-0000007', TIMEOUT_MS)).toMatchObject({ sku: 'SKU-0000007', onHand: 1000 });
    const found = await client.lookupProducts(['SKU-0000001', 'SKU-0000099'], TIMEOUT_MS);
    expect([found.products.map((p) => p.sku), found.missing]).toEqual([['SKU-0000001'], ['SKU-0000099']]);
    const unknown = await failure(client.getProduct('SKU-0000099', TIMEOUT_MS));
    expect([unknown.status, unknown.code]).toEqual([404, 'unknown_sku']);
  });

  it('reserves and releases, once', async () => {
    const orderId = randomUUID();
    expect((await client.reserve(orderId, [{ sku: 'SKU-0000002', quantity: 3 }], TIMEOUT_MS)).status).toBe('held');
    expect((await client.release(orderId)).items).toEqual([{ sku: 'SKU-0000002', quantity: 3 }]);
    expect((await client.release(orderId)).items).toEqual([]);
  });

  it('lists held reservations page by page and releases the abandoned ones it names', async () => {
    const orderIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of orderIds) await client.reserve(id, [{ sku: 'SKU-0000003', quantity: 1 }], TIMEOUT_MS);
    const first = await client.listHeldReservations({ olderThanMs: 1, limit: 2 }, TIMEOUT_MS);
    const second = await client.listHeldReservations({ olderThanMs: 1, limit: 2, after: first.next }, TIMEOUT_MS);
    expect([...first.reservations, ...second.reservations].map((r) => r.orderId).sort()).toEqual([...orderIds].sort());
    expect(second.next).toBeNull();
    expect((await client.releaseAbandoned(orderIds, 1, TIMEOUT_MS)).released.sort()).toEqual([...orderIds].sort());
    expect((await client.getProduct('SKU-0000003', TIMEOUT_MS)).onHand).toBe(1000);
  });

  it('gives up after its budget with 503 dependency_unavailable', async () => {
    const silent = await startSilentServer();
    try {
      const error = await failure(new InventoryClient(silent.url).getProduct('SKU-0000001', 200));
      expect([error.status, error.code]).toEqual([503, 'dependency_unavailable']);
    } finally {
      await silent.close();
    }
  });

  // Last: a shipped reservation stays held, and the listing test above counts every held one.
  it('ships a held reservation idempotently, and passes on 404 for an unknown order', async () => {
    const orderId = randomUUID();
    await client.reserve(orderId, [{ sku: 'SKU-0000004', quantity: 1 }], TIMEOUT_MS);
    const shipped = await client.ship(orderId, TIMEOUT_MS);
    expect(shipped).toEqual({ orderId, status: 'shipped', shippedAt: expect.any(String) });
    expect(await client.ship(orderId, TIMEOUT_MS)).toEqual(shipped);
    const unknown = await failure(client.ship(randomUUID(), TIMEOUT_MS));
    expect([unknown.status, unknown.code]).toEqual([404, 'not_found']);
  });
});
