export {
  getTracer,
  currentTraceId,
  currentTraceResponse,
  setSpanAttributes,
  addSpanEvent,
  recordSpanError,
  withSpan,
  bindToActiveContext,
  runOutsideTrace,
} from './spans';
export { createLogger } from './logger';
export type { Logger } from './logger';
export { flushTracing } from './sdk-handle';
export type { Attributes, Span } from '@opentelemetry/api';
/** Names of the plan evidence on slow statements (the same values as @tracecart/contracts' EVIDENCE). */
export * from './query-plan/plan-names';
/** Names of the wait and pool-wait evidence, and the side connections' application names. */
export * from './query-plan/wait-names';
/** Event-loop stalls on a span (`nodejs.eventloop.delay.*`), for spans a service starts itself. */
export { trackEventLoopDelay, recordEventLoopDelay } from './event-loop-delay';
