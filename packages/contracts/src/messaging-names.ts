// Names of the asynchronous half of a checkout: the queue an order's message goes through, the
// OpenTelemetry messaging semantic-convention attributes its producer and consumer spans carry,
// the message's envelope, and the freshness metrics. One place for the order service that
// sends, the fulfilment worker that consumes, the analysis that reads the spans and the console.

/** The queue a committed order's message is sent to, in the order's own transaction. */
export const ORDER_PLACED_QUEUE = 'order.placed';
/** Where a message goes once it has failed every attempt; the console lists it. */
export const ORDER_PLACED_DEAD_LETTER_QUEUE = 'order.placed.dlq';
/** The Postgres schema the queue library keeps its tables in. */
export const QUEUE_SCHEMA = 'pgboss';
/** `messaging.system` of the lab's queue: the Postgres queue library it runs on. */
export const MESSAGING_SYSTEM = 'pg-boss';

/** OpenTelemetry messaging semantic conventions. */
export const ATTR_MESSAGING_SYSTEM = 'messaging.system';
export const ATTR_MESSAGING_OPERATION_TYPE = 'messaging.operation.type';
export const ATTR_MESSAGING_OPERATION_NAME = 'messaging.operation.name';
export const ATTR_MESSAGING_DESTINATION_NAME = 'messaging.destination.name';
export const ATTR_MESSAGING_MESSAGE_ID = 'messaging.message.id';
export const ATTR_MESSAGING_CONSUMER_GROUP_NAME = 'messaging.consumer.group.name';
/** How many times the message was delivered before this attempt (0 on the first). */
export const ATTR_MESSAGING_DELIVERY_COUNT = 'messaging.message.delivery_count';
/** `messaging.operation.type` values: a producer sends, a consumer processes. */
export const MESSAGING_OPERATION_SEND = 'send';
export const MESSAGING_OPERATION_PROCESS = 'process';

/** The field of a message's data that carries the W3C trace context of the span that placed it. */
export const MESSAGE_TRACE_FIELD = 'trace';

/** The worker that consumes order.placed: its consumer group and span names. */
export const FULFILMENT_CONSUMER_GROUP = 'fulfilment';
/** `send order.placed`: the PRODUCER span, child of the order's checkout span. */
export const PRODUCER_SPAN_NAME = `send ${ORDER_PLACED_QUEUE}`;
/** `process order.placed`: the CONSUMER span, root of its own trace, linked to the producer span. */
export const CONSUMER_SPAN_NAME = `process ${ORDER_PLACED_QUEUE}`;

/** Prometheus metrics of the freshness SLO and the consumer, on fulfilment's /metrics. */
export const METRIC_FULFILMENT_LAG = 'order_fulfilment_lag_seconds';
export const METRIC_QUEUE_DEPTH = 'messaging_queue_depth';
export const METRIC_WORKERS_BUSY = 'fulfilment_workers_busy';
export const METRIC_WORKERS = 'fulfilment_workers';
/** The freshness SLO by default: 99% of orders fulfilled within 5 s of their commit. */
export const DEFAULT_FRESHNESS_SLO = Object.freeze({ percentile: 99, thresholdMs: 5000 });
