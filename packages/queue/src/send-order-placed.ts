import { context, SpanKind, trace } from '@opentelemetry/api';
import type { PoolClient } from 'pg';
import type { PgBoss } from 'pg-boss';
import { MESSAGING, type OrderPlacedMessage } from '@tracecart/contracts';
import { getTracer, recordSpanError } from '@tracecart/tracing';
import { injectMessageTrace } from './message-trace';
import { messagingAttributes } from './messaging-attributes';

/**
 * Sends order.placed on the caller's transaction, in a PRODUCER span whose W3C context goes into
 * the message, so the consumer's span can link back to it. The insert runs on `tx`, the client
 * that ran BEGIN: the message exists exactly when the order does.
 */
export async function sendOrderPlaced(boss: PgBoss, tx: PoolClient, message: OrderPlacedMessage): Promise<string> {
  const span = getTracer().startSpan(MESSAGING.PRODUCER_SPAN_NAME, { kind: SpanKind.PRODUCER, attributes: messagingAttributes('send') });
  const spanContext = trace.setSpan(context.active(), span);
  try {
    const traced: OrderPlacedMessage = { ...message, trace: injectMessageTrace(spanContext) };
    const db = { executeSql: (text: string, values?: unknown[]) => tx.query(text, values) };
    // pg-boss's insert is one statement, so the pg span it makes sits under the producer span.
    const id = await context.with(spanContext, () => boss.send(MESSAGING.ORDER_PLACED_QUEUE, traced, { db }));
    // null only under a singleton or throttling policy, which this queue does not use.
    if (!id) throw new Error(`${MESSAGING.ORDER_PLACED_QUEUE} refused the message of order ${message.orderId}`);
    span.setAttribute(MESSAGING.ATTR_MESSAGING_MESSAGE_ID, id);
    return id;
  } catch (error) {
    context.with(spanContext, () => recordSpanError(error));
    throw error;
  } finally {
    span.end();
  }
}
