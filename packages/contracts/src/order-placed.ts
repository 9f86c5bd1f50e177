import { z } from 'zod';
import { lineItemSchema } from './checkout';
import { orderIdSchema } from './headers';
import { LIMITS } from './limits';

/** The W3C trace context of the span that placed a message (`traceparent`, and `tracestate` if any). */
export const messageTraceSchema = z.object({
  traceparent: z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/, 'must be a W3C traceparent'),
  tracestate: z.string().max(512).optional(),
});

/**
 * The data of an `order.placed` message, sent in the transaction that writes the order: what the
 * fulfilment worker needs to ship it, and (under MESSAGING.MESSAGE_TRACE_FIELD) the trace context
 * of the placing span, which the consumer's span links to. `placedAt` is the order's creation time
 * (ISO 8601), the start of its freshness clock.
 */
export const orderPlacedMessageSchema = z.object({
  orderId: orderIdSchema,
  customerId: z.string().min(1).max(LIMITS.maxCustomerIdLength),
  items: z.array(lineItemSchema).min(1).max(LIMITS.maxLineItems),
  placedAt: z.iso.datetime({ offset: true }),
  trace: messageTraceSchema.optional(),
});

/** An `order.placed` message's data. */
export type OrderPlacedMessage = z.infer<typeof orderPlacedMessageSchema>;
/** The trace context a message carries. */
export type MessageTrace = z.infer<typeof messageTraceSchema>;
