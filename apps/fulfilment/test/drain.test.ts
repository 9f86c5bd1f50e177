// SIGTERM in the middle of a message: fulfilment stops taking work but finishes the delivery it
// holds before it exits, so the message is handled once, on time, and never redelivered.
import { requestJson, startLab, waitUntil, type Lab, type RunningServer, type Stack, type TestDatabase } from '@tracecart/testkit';
import { holdFirstLabel } from './support/held-carrier';
import { countFor, deliveriesOf } from './support/order-rows';

describe('a worker told to stop in the middle of a message', () => {
  let lab: Lab;
  let db: TestDatabase;
  let carrierServer: RunningServer;
  let stack: Stack;
  // The worker waits on the first label until the test has sent SIGTERM.
  const carrier = holdFirstLabel();

  beforeAll(async () => {
    carrierServer = await carrier.start();
    lab = await startLab({ catalogSize: 100, fulfilment: { carrierUrl: carrierServer.url } });
    ({ db, stack } = lab);
  });
  afterAll(async () => {
    await lab?.stop();
    await carrierServer?.close();
  });

  it('finishes the delivery it holds, then exits cleanly', async () => {
    const res = await requestJson<{ orderId: string }>(`${stack.gateway.url}/api/checkout`, {
      body: { customerId: 'drain-1', items: [{ sku: 'SKU-0000009', quantity: 1 }] },
    });
    expect(res.status).toBe(201);
    const { orderId } = res.body;
    await waitUntil('the worker asking the carrier', () => carrier.requests.length === 1);

    const fulfilment = stack.fulfilment!;
    process.kill(fulfilment.pid, 'SIGTERM');
    // Draining: it no longer answers HTTP, and it is still waiting for its label.
    await waitUntil('fulfilment to stop taking requests', async () => {
      try {
        await fetch(`${fulfilment.url}/healthz`);
        return false;
      } catch {
        return true;
      }
    });
    carrier.releaseFirst();

    expect(await fulfilment.exited).toBe('exit code 0');
    expect(await countFor(db.pool, 'SELECT count(*)::int AS n FROM shipments WHERE order_id = $1', orderId)).toBe(1);
    expect(await countFor(db.pool, 'SELECT count(*)::int AS n FROM notifications WHERE order_id = $1', orderId)).toBe(1);
    expect(await deliveriesOf(db.pool, orderId)).toEqual([{ state: 'completed', retry_count: 0 }]);
    expect(carrier.requests).toEqual([orderId]);
  });
});
