/** OTLP/JSON shapes as senders write them and Jaeger's /api/v3 returns them. */
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
  ServiceSummary,
} from './types';
/** Span kinds by name, matching the numeric `kind`. */
export { SpanKind } from './types';
/** A decoded attribute value. */
export type { AttributeValue } from './attributes';
/** AnyValue and attribute lists to and from plain JS values. */
export { decodeAnyValue, decodeAttributes, findAttribute, encodeAnyValue } from './attributes';
/** Attribute values as strings, the way Jaeger's attribute filters compare them. */
export { anyValueToString, attributesToStrings } from './attribute-strings';
/** The `service.name` of a resource's attributes. */
export { serviceNameOf } from './service-name';
/** A parsed JSON object, and its test. */
export type { JsonObject } from './json-object';
/** True for a plain JSON object. */
export { isJsonObject } from './json-object';
/** The decoded model every OTLP encoding turns into. */
export type {
  DecodedTraces,
  DecodedResourceSpans,
  DecodedResource,
  DecodedScopeSpans,
  DecodedScope,
  DecodedSpan,
  DecodedEvent,
  DecodedLink,
  DecodedStatus,
  DecodedKeyValue,
  DecodedAnyValue,
  NonFiniteDouble,
} from './model';
/** The refusal of a payload that is not a valid OTLP trace export, naming the field. */
export { OtlpDecodeError, formatFieldPath } from './decode-error';
/** One step of a field path. */
export type { FieldPathSegment } from './decode-error';
/** OTLP/JSON traces (already JSON-parsed) to the decoded model. */
export { decodeTracesJson } from './decode-json';
/** Options of decodeTracesJson. */
export type { DecodeJsonOptions } from './decode-json';
/** Binary protobuf ExportTraceServiceRequest to the decoded model. */
export { decodeTracesProtobuf } from './decode-protobuf';
/** The decoded model to a binary protobuf ExportTraceServiceRequest. */
export { encodeTracesProtobuf } from './encode-protobuf';
/** The zod schema behind decodeTracesJson, and the enum names it accepts. */
export { tracesDataSchema, SPAN_KIND_NAMES, STATUS_CODE_NAMES } from './schema-traces';
/** How ids may be written in OTLP/JSON. */
export type { IdEncoding } from './schema-ids';
/** How deep attribute values may nest. */
export { MAX_VALUE_DEPTH } from './schema-any-value';
/** Whether an id is set and not all zeros, and which id of a span is not. */
export { isValidId, findInvalidSpanId } from './span-ids';
/** Decoded parts back to OTLP/JSON in Jaeger's field order. */
export { spanToJson, resourceToJson, scopeToJson } from './to-json';
/** Receiver answers: ExportTraceServiceResponse and google.rpc.Status, in JSON or protobuf. */
export { exportResponseJson, exportResponseProtobuf, statusJson, statusProtobuf } from './export-responses';
/** Binary receiver answers read back, as a client would. */
export { decodeStatusProtobuf, decodeExportResponseProtobuf } from './export-responses';
/** Shapes of those answers. */
export type { PartialSuccess, ExportFailure, FieldViolation } from './export-responses';
/** The gRPC method path of TraceService/Export, from the vendored service definition. */
export { traceExportMethodPath } from './proto-root';
