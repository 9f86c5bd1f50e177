// Names of the connection-pool metrics a service exposes on /metrics, in one place for the HTTP
// kit that registers them and the console that reads them back. They follow the OpenTelemetry
// database client semantic conventions (db.client.connection.*) as a Prometheus exporter spells
// them: dots become underscores and a duration gets its unit, `_seconds`.

/** Label naming the pool a series belongs to: the pool's application_name (`inventory`, `inventory-report`). */
export const POOL_LABEL = 'pool';

/** Histogram: seconds from a connect() call until it got a connection (or gave up). */
export const CONNECTION_WAIT_TIME = 'db_client_connection_wait_time_seconds';
/** Histogram: seconds from getting a connection until its release. */
export const CONNECTION_USE_TIME = 'db_client_connection_use_time_seconds';
/** Gauge: open connections by `state` (used, idle). */
export const CONNECTION_COUNT = 'db_client_connection_count';
/** Gauge: connect() calls waiting for a connection. */
export const CONNECTION_PENDING_REQUESTS = 'db_client_connection_pending_requests';
/** Gauge: the most connections the pool may open (its size). */
export const CONNECTION_MAX = 'db_client_connection_max';
