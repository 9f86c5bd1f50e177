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
export {
  PLAN_EVENT,
  PLAN_ERROR_EVENT,
  PLAN_SPAN_NAME,
  ATTR_PLAN_NODES,
  ATTR_PLAN_NODE_TYPES,
  ATTR_PLAN_RELATIONS,
  ATTR_PLAN_INDEXES,
  ATTR_PLAN_TOTAL_COST,
  ATTR_PLAN_JSON,
  ATTR_PLAN_CACHED,
  ATTR_PLAN_ERROR_MESSAGE,
} from './query-plan/plan-names';
export {
  WAITS_EVENT,
  WAITS_SPAN_NAME,
  ATTR_WAITS_SUMMARY,
  ATTR_WAITS_TYPES,
  ATTR_WAITS_EVENTS,
  ATTR_WAITS_COUNTS,
  ATTR_WAITS_SAMPLES,
  ATTR_CONNECTION_WAIT_TIME,
} from './query-plan/wait-names';
