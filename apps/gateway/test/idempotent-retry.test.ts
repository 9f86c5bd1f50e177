import {
  createTestDatabase,
  isProcessAlive,
  requestJson,
  startServiceProcess,
  type ServiceProcess,
  type TestDatabase,
} from '@tracecart/testkit';

// Long enough for order to be restarted while the gateway waits for it to retry.
const CHECKOUT_BUDGET_MS = 30_000;
const EXIT_WAIT_MS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForExit(service: ServiceProcess): Promise<void> {
  const until = Date.now() + EXIT_WAIT_MS;
  while (isProcessAlive(service.pid)) {
    if (Date.now() > until) throw new Error(`${service.name} (pid ${service.pid}) did not die after its commit`);
    await sleep(20);
  }
}

// Real processes: order SIGKILLs itself right after committing the named customer's order
// (its TEST_FAULT_EXIT_AFTER_COMMIT), and the test starts it again on the same port.
describe('order dies right after committing a checkout', () => {
  let db: TestDatabase;
  let inventory: ServiceProcess;
  let gateway: ServiceProcess;
  const orders: ServiceProcess[] = [];
  const env = () => ({ DATABASE_URL: db.url, OTEL_SDK_DISABLED: 'true' });

  async function startOrder(crashAfterCommitFor: string): Promise<ServiceProcess> {
    const port = String(orders.at(-1)?.port ?? 0);
    const order = await startServiceProcess('order', {
      ...env(),
      PORT: port,
      INVENTORY_URL: inventory.url,
      TEST_FAULT_EXIT_AFTER_COMMIT: crashAfterCommitFor,
    });
    orders.push(order);
    return order;
  }

  // The checkout crashes order; once it is gone, a fresh order (armed for nextCustomer) replaces it.
  async function checkoutThroughCrash(body: { customerId: string }, headers: Record<string, string>, nextCustomer: string) {
    const answer = requestJson(`${gateway.url}/api/checkout`, { body, headers });
    await waitForExit(orders.at(-1)!);
    await startOrder(nextCustomer);
    return answer;
  }

  async function ordersOf(customerId: string): Promise<string[]> {
    const { rows } = await db.pool.query<{ id: string }>('SELECT id FROM orders WHERE customer_id = $1', [customerId]);
    return rows.map((r) => r.id);
  }

  async function onHand(sku: string): Promise<number> {
    const { rows } = await db.pool.query<{ on_hand: number }>('SELECT on_hand FROM products WHERE sku = $1', [sku]);
    return rows[0].on_hand;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 100 });
    inventory = await startServiceProcess('inventory', env());
    await startOrder('c-crash-own-key');
    gateway = await startServiceProcess('gateway', {
      ...env(),
      ORDER_URL: orders[0].url,
      INVENTORY_URL: inventory.url,
      CHECKOUT_TIMEOUT_MS: String(CHECKOUT_BUDGET_MS),
    });
  });
  afterAll(async () => {
    await Promise.all([gateway, inventory, ...orders].filter(Boolean).map((s) => s.stop()));
    await db?.drop();
  });

  it("answers the committed order, not a failure, with the shopper's key, and orders once", async () => {
    const before = await onHand('SKU-0000010');
    const body = { customerId: 'c-crash-own-key', items: [{ sku: 'SKU-0000010', quantity: 3 }] };
    const res = await checkoutThroughCrash(body, { 'idempotency-key': 'shopper-key-1' }, 'c-crash-gateway-key');
    expect(res.status).toBe(201);
    expect(await ordersOf('c-crash-own-key')).toEqual([res.body.orderId]);
    expect(before - (await onHand('SKU-0000010'))).toBe(3);
    expect(res.headers.get('idempotency-key')).toBe('shopper-key-1');
    // The shopper asked once: the gateway's own retry is not reported as a replay.
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('without a key from the shopper, the key the gateway made keeps its retry from ordering twice', async () => {
    const before = await onHand('SKU-0000020');
    const body = { customerId: 'c-crash-gateway-key', items: [{ sku: 'SKU-0000020', quantity: 2 }] };
    const res = await checkoutThroughCrash(body, {}, 'c-nobody');
    expect(res.status).toBe(201);
    const key = res.headers.get('idempotency-key')!;
    expect(key).toMatch(UUID);
    const { rows } = await db.pool.query('SELECT order_id FROM idempotency_keys WHERE key = $1', [key]);
    expect(rows).toEqual([{ order_id: res.body.orderId }]);
    // The shopper retrying with the key the answer carried gets the same order again.
    const again = await requestJson(`${gateway.url}/api/checkout`, { body, headers: { 'idempotency-key': key } });
    expect([again.status, again.body.orderId, again.headers.get('idempotent-replayed')]).toEqual([201, res.body.orderId, 'true']);
    expect(await ordersOf('c-crash-gateway-key')).toEqual([res.body.orderId]);
    expect(before - (await onHand('SKU-0000020'))).toBe(2);
  });
});
