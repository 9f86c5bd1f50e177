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
