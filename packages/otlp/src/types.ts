// OTLP JSON as the OTLP/HTTP exporters send it and Jaeger's /api/v3 returns it.
// Proto3 JSON omits zero values, so nearly every field is optional; ids are hex strings
// and 64-bit nanosecond times are decimal strings (numbers are accepted on input).

/** One attribute value; exactly one member is set. */
export interface AnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  /** A number, or "NaN", "Infinity" or "-Infinity" as proto3 JSON writes those. */
  doubleValue?: number | string;
  bytesValue?: string;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: KeyValue[] };
}

/** One key/value attribute. */
export interface KeyValue {
  key: string;
  value?: AnyValue;
}

/** An event recorded on a span. */
export interface SpanEvent {
  timeUnixNano?: string | number;
  name: string;
  attributes?: KeyValue[];
  droppedAttributesCount?: number;
}

/** A link from a span to another span context. */
export interface SpanLink {
  traceId: string;
  spanId: string;
  traceState?: string;
  attributes?: KeyValue[];
  droppedAttributesCount?: number;
  flags?: number;
}

/** Span status; code 0 unset, 1 ok, 2 error. */
export interface SpanStatus {
  code?: number;
  message?: string;
}

/** One span in OTLP JSON. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  traceState?: string;
  flags?: number;
  name: string;
  /** 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind?: number;
  startTimeUnixNano?: string | number;
  endTimeUnixNano?: string | number;
  attributes?: KeyValue[];
  droppedAttributesCount?: number;
  events?: SpanEvent[];
  droppedEventsCount?: number;
  links?: SpanLink[];
  droppedLinksCount?: number;
  status?: SpanStatus;
}

/** The instrumentation scope that produced a group of spans. */
export interface InstrumentationScope {
  name?: string;
  version?: string;
  attributes?: KeyValue[];
  droppedAttributesCount?: number;
}

/** Spans of one scope. */
export interface ScopeSpans {
  scope?: InstrumentationScope;
  spans?: OtlpSpan[];
  schemaUrl?: string;
}

/** Spans of one resource (one service instance). */
export interface ResourceSpans {
  resource?: { attributes?: KeyValue[]; droppedAttributesCount?: number };
  scopeSpans?: ScopeSpans[];
  schemaUrl?: string;
}

/** A batch of traces: the OTLP/HTTP request body and the /api/v3 `result`. */
export interface TracesData {
  resourceSpans?: ResourceSpans[];
}

/** Span kinds by name, matching the numeric `kind`. */
export const SpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;

/** Span counts of one service within a trace, as Jaeger's /api/v3/trace-summaries reports them. */
export interface ServiceSummary {
  name: string;
  spanCount: number;
  errorSpanCount: number;
}
