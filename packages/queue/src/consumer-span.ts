import { context, ROOT_CONTEXT, SpanKind, trace, type Link } from '@opentelemetry/api';
import { EVIDENCE, MESSAGING, type MessageTrace } from '@tracecart/contracts';
import { getTracer, recordSpanError } from '@tracecart/tracing';
import { extractMessageTrace } from './message-trace';
import { messagingAttributes } from './messaging-attributes';
import type { Delivery } from './types';

/** What the consumer span of one delivery records. */
export interface ConsumedDelivery {
  delivery: Delivery;
  messageTrace: MessageTrace | undefined;
  concurrency: number;
}

/**
 * Runs fn in a CONSUMER span `process order.placed` that roots a trace of its own and links to
 * the producer span: the checkout's trace ends at its commit, and a delivery that waits in the
 * queue (or is redelivered) would otherwise stretch it by minutes. A throw marks the span failed
 * and is rethrown, so the queue retries the message.
 */
export function withConsumerSpan<T>(consumed: ConsumedDelivery, fn: () => Promise<T>): Promise<T> {
  const { delivery } = consumed;
  const producer = extractMessageTrace(consumed.messageTrace);
  const links: Link[] = producer ? [{ context: producer }] : [];
  const attributes = {
    ...messagingAttributes('process'),
    [MESSAGING.ATTR_MESSAGING_CONSUMER_GROUP_NAME]: MESSAGING.FULFILMENT_CONSUMER_GROUP,
    [MESSAGING.ATTR_MESSAGING_MESSAGE_ID]: delivery.id,
    [MESSAGING.ATTR_MESSAGING_DELIVERY_COUNT]: delivery.retryCount,
    [EVIDENCE.ATTR_MESSAGE_QUEUE_AGE]: Math.max(0, delivery.startedOn.getTime() - delivery.createdOn.getTime()),
    [EVIDENCE.ATTR_CONSUMER_CONCURRENCY]: consumed.concurrency,
  };
  const span = getTracer().startSpan(MESSAGING.CONSUMER_SPAN_NAME, { kind: SpanKind.CONSUMER, root: true, links, attributes }, ROOT_CONTEXT);
  const spanContext = trace.setSpan(ROOT_CONTEXT, span);
  return context.with(spanContext, async () => {
    try {
      return await fn();
    } catch (error) {
      recordSpanError(error);
      throw error;
    } finally {
      span.end();
    }
  });
}
