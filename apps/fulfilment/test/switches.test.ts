// The consumer switches, live: each change is picked up from the flags' notification and applied
// to the running worker (its concurrency on /metrics, its lookups in the consumer's trace), and
// the consumer span records the switches as every server span does.
import { fixAttributeOf, MESSAGING, problemAttributeOf } from '@tracecart/contracts';
import { writeFlag } from '@tracecart/flags';
import { requestJson, startLab, waitUntil, type Lab, type OtlpReceiver, type ReceivedSpan, type Stack, type TestDatabase } from '@tracecart/testkit';
import { workersOf } from './support/worker-gauge';

const ITEMS = [
  { sku: 'SKU-0000011', quantity: 1 },
  { sku: 'SKU-0000012', quantity: 1 },
  { sku: 'SKU-0000013', quantity: 1 },
];

describe('the consumer switches, changed while fulfilment runs', () => {
  let lab: Lab;
  let db: TestDatabase;
  let receiver: OtlpReceiver;
  let stack: Stack;
  let checkouts = 0;

  beforeAll(async () => {
    lab = await startLab({ catalogSize: 100, fulfilment: {} });
    ({ db, receiver, stack } = lab);
  });
  afterAll(() => lab?.stop());

  async function setFlag(name: string, value: boolean): Promise<void> {
    await writeFlag(db.pool, name, value);
  }

  const workers = () => workersOf(stack.fulfilment!.url);

  /** Places a three-line checkout and returns its consumer span and the inventory routes its trace called. */
  async function fulfilOne(): Promise<{ consumer: ReceivedSpan; inventoryRoutes: string[] }> {
    const res = await requestJson<{ traceId: string }>(`${stack.gateway.url}/api/checkout`, { body: { customerId: `switches-${checkouts++}`, items: ITEMS } });
    expect(res.status).toBe(201);
    const isOurs = (s: ReceivedSpan) => s.span.name === MESSAGING.CONSUMER_SPAN_NAME && (s.span.links ?? []).some((l) => l.traceId === res.body.traceId);
    await waitUntil('the consumer span', () => receiver.spans().some(isOurs));
    const consumer = receiver.spans().find(isOurs)!;
    // Ship is the last inventory call: once its server span is in, the lookups are too.
    const trace = await receiver.waitForTrace(consumer.span.traceId, (spans) => spans.some((s) => s.service === 'inventory' && String(s.attributes['http.route']).endsWith('/ship')));
    const inventoryRoutes = trace.filter((s) => s.service === 'inventory' && s.span.kind === 2).map((s) => String(s.attributes['http.route']));
    return { consumer, inventoryRoutes };
  }

  it('runs the configured workers and one batched lookup with both switches off', async () => {
    expect(await workers()).toBe(4);
    const { consumer, inventoryRoutes } = await fulfilOne();
    expect(inventoryRoutes.filter((r) => r.startsWith('/products'))).toEqual(['/products/lookup']);
    expect(consumer.attributes[problemAttributeOf('problem.slow-consumer')]).toBe(false);
    expect(consumer.attributes[fixAttributeOf('fix.consumers')]).toBe(false);
  });

  it('drops to one worker and a lookup per line under problem.slow-consumer', async () => {
    await setFlag('problem.slow-consumer', true);
    await waitUntil('one worker', async () => (await workers()) === 1);
    const { consumer, inventoryRoutes } = await fulfilOne();
    expect(inventoryRoutes.filter((r) => r.startsWith('/products'))).toEqual(['/products/:sku', '/products/:sku', '/products/:sku']);
    expect(consumer.attributes[problemAttributeOf('problem.slow-consumer')]).toBe(true);
    expect(consumer.attributes[MESSAGING.ATTR_MESSAGING_CONSUMER_GROUP_NAME]).toBe(MESSAGING.FULFILMENT_CONSUMER_GROUP);
  });

  it('runs the fixed concurrency and batched lookups once fix.consumers is on too, and back without either', async () => {
    await setFlag('fix.consumers', true);
    await waitUntil('the fixed concurrency', async () => (await workers()) === 16);
    const { consumer, inventoryRoutes } = await fulfilOne();
    expect(inventoryRoutes.filter((r) => r.startsWith('/products'))).toEqual(['/products/lookup']);
    expect(consumer.attributes[fixAttributeOf('fix.consumers')]).toBe(true);
    expect(consumer.attributes[problemAttributeOf('problem.slow-consumer')]).toBe(true);

    await setFlag('problem.slow-consumer', false);
    await setFlag('fix.consumers', false);
    await waitUntil('the configured workers', async () => (await workers()) === 4);
  });
});
