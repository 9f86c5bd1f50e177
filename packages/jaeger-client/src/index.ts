/** Creates a typed client for Jaeger's /api/v3 query API. */
export { createJaegerClient, DEFAULT_TIMEOUT_MS } from './create-client';
/** The error every failed call throws: HTTP status (0 when Jaeger did not answer) and Jaeger's message. */
export { JaegerQueryError } from './jaeger-query-error';
/** Splits a TracesData holding many traces into one TracesData per trace id. */
export { splitTracesById } from './split-traces';
/** Query-string encoders, exported for callers that build Jaeger URLs themselves (e.g. links). */
export { encodeTraceQuery, encodeGetTraceOptions, formatGoDuration, DEFAULT_LOOKBACK_MS } from './encode-query';
/** Public types of the client. */
export type {
  JaegerClient,
  JaegerClientOptions,
  TraceQuery,
  GetTraceOptions,
  Operation,
  OperationSpanKind,
  TraceSummary,
  ServiceSummary,
} from './types';
