import { context, SpanKind, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { EVIDENCE, MESSAGING, type OrderPlacedMessage } from '@tracecart/contracts';
import { createTestDatabase, waitUntil, type TestDatabase } from '@tracecart/testkit';
import type { OrderQueue } from '../src';
import { orderPlaced, startTestQueue } from './support/queue-fixtures';

describe('the spans around order.placed', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  let db: TestDatabase;
  let queue: OrderQueue;

  beforeAll(async () => {
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(contextManager);
    db = await createTestDatabase({ catalogSize: 10 });
    queue = await startTestQueue(db.url, 'worker');
  });
  afterAll(async () => {
    await queue?.stop({ timeoutMs: 1000 });
    await db.drop();
    trace.disable();
    context.disable();
  });

  async function sendInsideCheckout(message: OrderPlacedMessage): Promise<Span> {
    return trace.getTracer('test').startActiveSpan('checkout', async (checkout) => {
      const tx = await db.pool.connect();
      try {
        await tx.query('BEGIN');
        await queue.sendOrderPlaced(tx, message);
        await tx.query('COMMIT');
      } finally {
        tx.release();
        checkout.end();
      }
      return checkout;
    });
  }

  it('links the consumer span, a root, to the producer span under the checkout', async () => {
    const received: { message: OrderPlacedMessage; activeSpanId?: string }[] = [];
    await queue.workOrderPlaced({ concurrency: 2 }, async (message) => {
      received.push({ message, activeSpanId: trace.getActiveSpan()?.spanContext().spanId });
    });
    const checkout = await sendInsideCheckout(orderPlaced());
    await waitUntil('the message handled', () => received.length === 1);
    await waitUntil('the consumer span ended', () => exporter.getFinishedSpans().some((s) => s.name === MESSAGING.CONSUMER_SPAN_NAME));

    const spans = exporter.getFinishedSpans();
    const producer = spans.find((s) => s.name === MESSAGING.PRODUCER_SPAN_NAME)!;
    const consumer = spans.find((s) => s.name === MESSAGING.CONSUMER_SPAN_NAME)!;
    expect(producer.kind).toBe(SpanKind.PRODUCER);
    expect(producer.parentSpanContext?.spanId).toBe(checkout.spanContext().spanId);
    expect(producer.attributes).toMatchObject({
      [MESSAGING.ATTR_MESSAGING_SYSTEM]: MESSAGING.MESSAGING_SYSTEM,
      [MESSAGING.ATTR_MESSAGING_OPERATION_TYPE]: MESSAGING.MESSAGING_OPERATION_SEND,
      [MESSAGING.ATTR_MESSAGING_DESTINATION_NAME]: MESSAGING.ORDER_PLACED_QUEUE,
    });
    const messageId = producer.attributes[MESSAGING.ATTR_MESSAGING_MESSAGE_ID];
    expect(typeof messageId).toBe('string');
    const { traceId, spanId } = producer.spanContext();
    expect(received[0].message.trace?.traceparent).toBe(`00-${traceId}-${spanId}-01`);

    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(consumer.parentSpanContext).toBeUndefined();
    expect(consumer.spanContext().traceId).not.toBe(traceId);
    expect(consumer.links.map((l) => [l.context.traceId, l.context.spanId])).toEqual([[traceId, spanId]]);
    expect(consumer.attributes).toMatchObject({
      [MESSAGING.ATTR_MESSAGING_OPERATION_TYPE]: MESSAGING.MESSAGING_OPERATION_PROCESS,
      [MESSAGING.ATTR_MESSAGING_CONSUMER_GROUP_NAME]: MESSAGING.FULFILMENT_CONSUMER_GROUP,
      [MESSAGING.ATTR_MESSAGING_MESSAGE_ID]: messageId,
      [MESSAGING.ATTR_MESSAGING_DELIVERY_COUNT]: 0,
      [EVIDENCE.ATTR_CONSUMER_CONCURRENCY]: 2,
    });
    expect(consumer.attributes[EVIDENCE.ATTR_MESSAGE_QUEUE_AGE]).toEqual(expect.any(Number));
    expect(consumer.attributes[EVIDENCE.ATTR_MESSAGE_QUEUE_AGE] as number).toBeGreaterThanOrEqual(0);
    // The handler runs inside the consumer span, so its own spans are children of it.
    expect(received[0].activeSpanId).toBe(consumer.spanContext().spanId);
  });
});
