import type { IncomingMessage, ServerResponse } from 'node:http';
import { MESSAGING } from '@tracecart/contracts';
import {
  createTestDatabase,
  listenOnLoopback,
  requestJson,
  startOtlpReceiver,
  startFulfilmentProcess,
  startStack,
  waitUntil,
  type OtlpReceiver,
  type RunningServer,
  type ServiceProcess,
  type Stack,
  type TestDatabase,
} from '@tracecart/testkit';

// Short expiry and supervision, so a delivery lost with its worker comes back within seconds.
const QUICK_REDELIVERY = { QUEUE_EXPIRE_SECONDS: '3', QUEUE_SUPERVISE_SECONDS: '1' };

/** A carrier that never answers its first label request (the worker hangs there), then answers every one. */
function hangFirstCarrier(): { requests: string[]; start(): Promise<RunningServer> } {
  const requests: string[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { orderId } = JSON.parse(body) as { orderId: string };
      requests.push(orderId);
      if (requests.length === 1) return; // held open until the worker dies
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ orderId, label: `LBL-TEST-${requests.length}` }));
    });
  };
  return { requests, start: () => listenOnLoopback(handle) };
}

describe('a worker killed in the middle of a message', () => {
  let db: TestDatabase;
  let receiver: OtlpReceiver;
  let carrierServer: RunningServer;
  let stack: Stack;
  let replacement: ServiceProcess | undefined;
  const carrier = hangFirstCarrier();
  const count = async (sql: string, orderId: string) => (await db.pool.query<{ n: number }>(sql, [orderId])).rows[0].n;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 100 });
    receiver = await startOtlpReceiver();
    carrierServer = await carrier.start();
    stack = await startStack({
      databaseUrl: db.url,
      otlpEndpoint: receiver.endpoint,
      fulfilment: { carrierUrl: carrierServer.url, env: QUICK_REDELIVERY },
    });
  });
  afterAll(async () => {
    await replacement?.stop();
    await stack?.stop();
    await carrierServer?.close();
    await receiver?.close();
    await db.drop();
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
    const deliveryOf = async () =>
      (
        await db.pool.query(`SELECT state, retry_count FROM ${MESSAGING.QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'orderId' = $2`, [
          MESSAGING.ORDER_PLACED_QUEUE,
          orderId,
        ])
      ).rows;
    await waitUntil('the delivery completed', async () => (await deliveryOf())[0]?.state === 'completed');
    const rows = await deliveryOf();
    expect(rows).toEqual([{ state: 'completed', retry_count: 1 }]);
  });
});
