// Names of the evidence a traced service records on slow database statements and cache lookups,
// in one place for the tracing package that writes them, the analysis that reads them and the
// console that shows them. They are generic database names, not the lab's: none starts with
// `lab.`, so a diagnosis built on them also reads traces of services that are not the lab.
// The `db.client.connection.wait_time` and `db.response.returned_rows` names follow the
// OpenTelemetry database semantic conventions; the plan and wait names are this project's own.

/** Event carrying the plan of a slow statement. */
export const PLAN_EVENT = 'db.query.plan';
/** Event left when the EXPLAIN of a slow statement failed or timed out. */
export const PLAN_ERROR_EVENT = 'db.query.plan.error';
/** Name of the short CLIENT span that carries a plan fetched after its statement ended; it links to the statement's span. */
export const PLAN_SPAN_NAME = 'EXPLAIN';
/** The top plan nodes as one line each, joined by `; `: `Seq Scan on products (rows≈1000, cost 20.00, …)`. */
export const ATTR_PLAN_NODES = 'db.query.plan.nodes';
/** The node types of those top nodes, in the same order (`Seq Scan`, `Index Scan`). */
export const ATTR_PLAN_NODE_TYPES = 'db.query.plan.node_types';
/** The tables those nodes read, where a node names one. */
export const ATTR_PLAN_RELATIONS = 'db.query.plan.relations';
/** The indexes those nodes use, where a node uses one. */
export const ATTR_PLAN_INDEXES = 'db.query.plan.indexes';
/** Estimated total cost of the whole plan (the planner's unit). */
export const ATTR_PLAN_TOTAL_COST = 'db.query.plan.total_cost';
/** The plan as compact JSON (EXPLAIN FORMAT JSON), cut at a bound with PLAN_JSON_CUT_MARKER. */
export const ATTR_PLAN_JSON = 'db.query.plan.json';
/** What ends a plan's JSON that was cut at its bound. */
export const PLAN_JSON_CUT_MARKER = '…[plan cut]';
/** True when the plan came from the cache rather than an EXPLAIN run for this statement. */
export const ATTR_PLAN_CACHED = 'db.query.plan.cached';
/** Why the EXPLAIN failed. */
export const ATTR_PLAN_ERROR_MESSAGE = 'db.query.plan.error.message';

/** Event with what a slow statement's backend waited on, sampled from pg_stat_activity. */
export const WAITS_EVENT = 'db.query.waits';
/** Name of the short CLIENT span that carries the waits when the statement span had ended; it links to the statement's span. */
export const WAITS_SPAN_NAME = 'WAITS';
/** The waits as one line, most sampled first: `Lock:transactionid ×42, IO:DataFileRead ×3`. */
export const ATTR_WAITS_SUMMARY = 'db.query.waits.summary';
/** The wait event types, in the summary's order (`Lock`, `IO`; `CPU` when not waiting). */
export const ATTR_WAITS_TYPES = 'db.query.waits.types';
/** The wait events, in the summary's order (`transactionid`, `DataFileRead`). */
export const ATTR_WAITS_EVENTS = 'db.query.waits.events';
/** How many samples saw each wait, in the summary's order. */
export const ATTR_WAITS_COUNTS = 'db.query.waits.counts';
/** How many samples were taken in all. */
export const ATTR_WAITS_SAMPLES = 'db.query.waits.samples';

/** Milliseconds a query waited for a pooled connection (semantic conventions' connection wait, on the span). */
export const ATTR_CONNECTION_WAIT_TIME = 'db.client.connection.wait_time';
/** Rows (or values) a read returned; 0 on a cache GET that found nothing, i.e. a cache miss. */
export const ATTR_RETURNED_ROWS = 'db.response.returned_rows';

// Event-loop evidence a Node.js service records on its spans, named in the spirit of the
// OpenTelemetry Node.js runtime metrics (`nodejs.eventloop.delay.*`, in ms here, not seconds):
// a span whose event loop was stalled while it ran waited for other synchronous work.
/** The longest single stall of the event loop while the span ran, in ms. */
export const ATTR_EVENT_LOOP_DELAY_MAX = 'nodejs.eventloop.delay.max';
/** All stalls of the event loop while the span ran, added up, in ms (this project's own name). */
export const ATTR_EVENT_LOOP_DELAY_TOTAL = 'nodejs.eventloop.delay.total';

// Retry evidence, from the OpenTelemetry HTTP semantic conventions: a resent request's span
// carries its ordinal, so a trace shows how many attempts each call took.
/** The ordinal of a resend: 1 on the first retry of a request, 2 on the second…; absent on a first attempt. */
export const ATTR_RESEND_COUNT = 'http.request.resend_count';

/**
 * On a CONSUMER span: how long its message waited in the queue before this delivery began (ms),
 * from the message's creation (its producer's commit) to the start of processing.
 */
export const ATTR_MESSAGE_QUEUE_AGE = 'messaging.message.queue_age';
/** On a CONSUMER span: how many workers of its consumer group take messages at once. */
export const ATTR_CONSUMER_CONCURRENCY = 'messaging.consumer.concurrency';
/**
 * Another system's name for the same wait: Sentry's queue spans carry the time from a message's
 * publication to its processing (ms) as `messaging.message.receive.latency`. Read, never written.
 */
export const ATTR_MESSAGE_RECEIVE_LATENCY = 'messaging.message.receive.latency';
