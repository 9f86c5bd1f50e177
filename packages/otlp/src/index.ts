export type {
  AnyValue,
  KeyValue,
  SpanEvent,
  SpanLink,
  SpanStatus,
  OtlpSpan,
  InstrumentationScope,
  ScopeSpans,
  ResourceSpans,
  TracesData,
} from './types';
export { SpanKind } from './types';
export type { AttributeValue } from './attributes';
export { decodeAnyValue, decodeAttributes, findAttribute, encodeAnyValue } from './attributes';
