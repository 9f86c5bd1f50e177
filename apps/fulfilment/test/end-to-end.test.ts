import { EVIDENCE, MESSAGING } from '@tracecart/contracts';
import { requestJson, startLab, waitUntil, type Lab, type OtlpReceiver, type ReceivedSpan, type Stack, type TestDatabase } from '@tracecart/testkit';

describe('a checkout, fulfilled through the queue', () => {
  let lab: Lab;
  let db: TestDatabase;
  let receiver: OtlpReceiver;
  let stack: Stack;
  const shipmentOf = async (orderId: string) => (await db.pool.query('SELECT carrier_label FROM shipments WHERE order_id = $1', [orderId])).rows;

  beforeAll(async () => {
    lab = await startLab({ catalogSize: 100, fulfilment: {} });
    ({ db, receiver, stack } = lab);
  });
  afterAll(() => lab?.stop());

  it('ships the order, and the consumer trace links to the checkout trace producer span', async () => {
    const res = await requestJson<{ orderId: string; traceId: string }>(`${stack.gateway.url}/api/checkout`, {
      body: { customerId: 'e2e-1', items: [{ sku: 'SKU-0000005', quantity: 1 }, { sku: 'SKU-0000006', quantity: 2 }] },
    });
    expect(res.status).toBe(201);
    const { orderId, traceId } = res.body;
    await waitUntil('the shipment', async () => (await shipmentOf(orderId)).length === 1);
    expect((await shipmentOf(orderId))[0].carrier_label).toMatch(/^LBL-/);

    const checkout = await receiver.waitForTrace(traceId, (spans) => spans.some((s) => s.span.name === MESSAGING.PRODUCER_SPAN_NAME));
    const producer = checkout.find((s) => s.span.name === MESSAGING.PRODUCER_SPAN_NAME)!;
    expect(producer.service).toBe('order');
    const linksToProducer = (s: ReceivedSpan) => (s.span.links ?? []).some((l) => l.traceId === traceId && l.spanId === producer.span.spanId);
    await waitUntil('the consumer span', () => receiver.spans().some((s) => s.span.name === MESSAGING.CONSUMER_SPAN_NAME && linksToProducer(s)));
    const consumer = receiver.spans().find((s) => s.span.name === MESSAGING.CONSUMER_SPAN_NAME && linksToProducer(s))!;

    expect(consumer.service).toBe('fulfilment');
    expect(consumer.span.traceId).not.toBe(traceId);
    expect(consumer.span.parentSpanId ?? '').toBe('');
    expect(consumer.attributes[EVIDENCE.ATTR_MESSAGE_QUEUE_AGE]).toEqual(expect.any(Number));
    expect(consumer.attributes[MESSAGING.ATTR_MESSAGING_MESSAGE_ID]).toBe(producer.attributes[MESSAGING.ATTR_MESSAGING_MESSAGE_ID]);
    // The carrier's and inventory's server spans belong to the consumer's trace.
    const fulfilmentTrace = await receiver.waitForTrace(consumer.span.traceId, (spans) => ['carrier', 'inventory'].every((name) => spans.some((s) => s.service === name)));
    expect(fulfilmentTrace.length).toBeGreaterThan(3);
  });

  it('shows the freshness histogram and the queue gauges on /metrics', async () => {
    const res = await fetch(`${stack.fulfilment!.url}/metrics`);
    const text = await res.text();
    expect(text).toContain(`${MESSAGING.METRIC_FULFILMENT_LAG}_bucket{le="5"`);
    expect(text).toContain(`${MESSAGING.METRIC_QUEUE_DEPTH}{queue="${MESSAGING.ORDER_PLACED_QUEUE}",state="queued"`);
    // FULFILMENT_CONCURRENCY's default, with both consumer switches off.
    expect(text).toMatch(new RegExp(`^${MESSAGING.METRIC_WORKERS}\\{[^}]*\\} 4$`, 'm'));
    expect(text).toContain(MESSAGING.METRIC_WORKERS_BUSY);
  });
});
