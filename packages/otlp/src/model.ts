// The one decoded form of an OTLP trace export, whatever it arrived as (OTLP/JSON, protobuf over
// HTTP or gRPC). Every field is present with its proto3 default, ids are lower-case hex ('' when
// unset), 64-bit times are bigints, and attribute values are in canonical OTLP/JSON form.

/** The proto3 JSON spellings of the doubles JSON numbers cannot hold. */
export type NonFiniteDouble = 'NaN' | 'Infinity' | '-Infinity';

/** An attribute value holding at most one member; int64 as a decimal string, bytes as base64. */
export interface DecodedAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string;
  doubleValue?: number | NonFiniteDouble;
  bytesValue?: string;
  arrayValue?: { values: DecodedAnyValue[] };
  kvlistValue?: { values: DecodedKeyValue[] };
}

/** One attribute. */
export interface DecodedKeyValue {
  key: string;
  value: DecodedAnyValue;
}

/** An event recorded on a span. */
export interface DecodedEvent {
  timeUnixNano: bigint;
  name: string;
  attributes: DecodedKeyValue[];
  droppedAttributesCount: number;
}

/** A link to another span context; its ids may be empty (a link to an invalid context). */
export interface DecodedLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: DecodedKeyValue[];
  droppedAttributesCount: number;
  flags: number;
}

/** Span status; code 0 unset, 1 ok, 2 error. */
export interface DecodedStatus {
  code: number;
  message: string;
}

/** One span. */
export interface DecodedSpan {
  traceId: string;
  spanId: string;
  traceState: string;
  /** '' for a root span (an all-zero parent id is read as none). */
  parentSpanId: string;
  flags: number;
  name: string;
  /** 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: DecodedKeyValue[];
  droppedAttributesCount: number;
  events: DecodedEvent[];
  droppedEventsCount: number;
  links: DecodedLink[];
  droppedLinksCount: number;
  status: DecodedStatus;
}

/** The resource (one service instance) that produced spans. */
export interface DecodedResource {
  attributes: DecodedKeyValue[];
  droppedAttributesCount: number;
}

/** The instrumentation scope that produced spans. */
export interface DecodedScope {
  name: string;
  version: string;
  attributes: DecodedKeyValue[];
  droppedAttributesCount: number;
}

/** Spans of one scope. */
export interface DecodedScopeSpans {
  scope: DecodedScope;
  spans: DecodedSpan[];
  schemaUrl: string;
}

/** Spans of one resource. */
export interface DecodedResourceSpans {
  resource: DecodedResource;
  scopeSpans: DecodedScopeSpans[];
  schemaUrl: string;
}

/** A decoded ExportTraceServiceRequest (the same message as TracesData). */
export interface DecodedTraces {
  resourceSpans: DecodedResourceSpans[];
}
