// Names of the wait-sampling and pool-wait telemetry, in one place for the instrumentation,
// its tests and whoever reads the traces. Generic database names: none starts with `lab.`.

/** Event with what a slow statement's backend waited on, sampled from pg_stat_activity. */
export const WAITS_EVENT = 'db.query.waits';
/** Name of the short CLIENT span that carries the waits when the statement span had ended. */
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
/** Milliseconds the query waited for a pooled connection (its `pg-pool.connect` span's length). */
export const ATTR_CONNECTION_WAIT_TIME = 'db.client.connection.wait_time';
