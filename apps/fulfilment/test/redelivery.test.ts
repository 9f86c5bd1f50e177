import { requestJson, startFulfilmentProcess, startLab, waitUntil, type Lab, type RunningServer, type ServiceProcess, type Stack, type TestDatabase } from '@tracecart/testkit';
import { holdFirstLabel } from './support/held-carrier';
import { countFor, deliveriesOf } from './support/order-rows';

// Short expiry and supervision, so a delivery lost with its worker comes back within seconds.
const QUICK_REDELIVERY = { QUEUE_EXPIRE_SECONDS: '3', QUEUE_SUPERVISE_SECONDS: '1' };

describe('a worker killed in the middle of a message', () => {
  let lab: Lab;
  let db: TestDatabase;
  let carrierServer: RunningServer;
  let stack: Stack;
  let replacement: ServiceProcess | undefined;
  // The first label request is never answered: the worker dies waiting for it.
  const carrier = holdFirstLabel();
  const count = (sql: string, orderId: string) => countFor(db.pool, sql, orderId);

  beforeAll(async () => {
    carrierServer = await carrier.start();
    lab = await startLab({ catalogSize: 100, fulfilment: { carrierUrl: carrierServer.url, env: QUICK_REDELIVERY } });
    ({ db, stack } = lab);
  });
  afterAll(async () => {
    await replacement?.stop();
    await lab?.stop();
    await carrierServer?.close();
  });

  it('is delivered again to a new worker, and the order ships exactly once', async () => {
    const res = await requestJson<{ orderId: string }>(`${stack.gateway.url}/api/checkout`, {
      body: { customerId: 'redelivery-1', items: [{ sku: 'SKU-0000007', quantity: 1 }] },
    });
    expect(res.status).toBe(201);
    const { orderId } = res.body;
    await waitUntil('the worker asking the carrier', () => carrier.requests.length === 1);

    process.kill(stack.fulfilment!.pid, 'SIGKILL');
    expect(await stack.fulfilment!.exited).toBe('signal SIGKILL');
    replacement = await startFulfilmentProcess({
      common: stack.commonEnv,
      inventoryUrl: stack.inventory.url,
      carrierUrl: carrierServer.url,
      env: QUICK_REDELIVERY,
    });

    await waitUntil('the notification', async () => (await count('SELECT count(*)::int AS n FROM notifications WHERE order_id = $1', orderId)) === 1, 30_000);
    expect(await count('SELECT count(*)::int AS n FROM shipments WHERE order_id = $1', orderId)).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM reservations WHERE order_id = $1 AND shipped_at IS NOT NULL', orderId)).toBe(1);
    expect(carrier.requests).toEqual([orderId, orderId]);
    // The queue marks the delivery done just after the handler returns.
    const deliveryOf = () => deliveriesOf(db.pool, orderId);
    await waitUntil('the delivery completed', async () => (await deliveryOf())[0]?.state === 'completed');
    const rows = await deliveryOf();
    expect(rows).toEqual([{ state: 'completed', retry_count: 1 }]);
  });
});
