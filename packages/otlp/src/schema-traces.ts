import { z } from 'zod';
import type { DecodedEvent, DecodedLink, DecodedResourceSpans, DecodedScopeSpans, DecodedSpan, DecodedTraces } from './model';
import { attributesField } from './schema-any-value';
import { enumField, listField, messageField, stringField, uint32Field, uint64Field } from './schema-fields';
import { idField, type IdEncoding } from './schema-ids';

// The OTLP/JSON trace schema (opentelemetry/proto/trace/v1/trace.proto in proto3 JSON form).
// Unknown fields are ignored, as OTLP/JSON receivers must.

/** SpanKind names, indexed by value. */
export const SPAN_KIND_NAMES = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
] as const;

/** Status.StatusCode names, indexed by value. */
export const STATUS_CODE_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'] as const;

const object = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: 'must be an object' });

function spanSchema(ids: IdEncoding): z.ZodType<DecodedSpan> {
  const event: z.ZodType<DecodedEvent> = object({
    timeUnixNano: uint64Field,
    name: stringField,
    attributes: attributesField,
    droppedAttributesCount: uint32Field,
  });
  const link: z.ZodType<DecodedLink> = object({
    traceId: idField(16, ids),
    spanId: idField(8, ids),
    traceState: stringField,
    attributes: attributesField,
    droppedAttributesCount: uint32Field,
    flags: uint32Field,
  });
  return object({
    traceId: idField(16, ids),
    spanId: idField(8, ids),
    traceState: stringField,
    // Some exporters write an all-zero parent id for a root span.
    parentSpanId: idField(8, ids).transform((id) => (/^0+$/.test(id) ? '' : id)),
    flags: uint32Field,
    name: stringField,
    kind: enumField('SpanKind', SPAN_KIND_NAMES),
    startTimeUnixNano: uint64Field,
    endTimeUnixNano: uint64Field,
    attributes: attributesField,
    droppedAttributesCount: uint32Field,
    events: listField(event),
    droppedEventsCount: uint32Field,
    links: listField(link),
    droppedLinksCount: uint32Field,
    status: messageField({ message: stringField, code: enumField('StatusCode', STATUS_CODE_NAMES) }),
  });
}

const resourceField = messageField({ attributes: attributesField, droppedAttributesCount: uint32Field });
const scopeField = messageField({ name: stringField, version: stringField, attributes: attributesField, droppedAttributesCount: uint32Field });

function buildTracesSchema(ids: IdEncoding): z.ZodType<DecodedTraces> {
  const scopeSpans: z.ZodType<DecodedScopeSpans> = object({ scope: scopeField, spans: listField(spanSchema(ids)), schemaUrl: stringField });
  const resourceSpans: z.ZodType<DecodedResourceSpans> = object({ resource: resourceField, scopeSpans: listField(scopeSpans), schemaUrl: stringField });
  return z.object({ resourceSpans: listField(resourceSpans) }, { error: 'must be an object (OTLP TracesData)' });
}

const schemas = new Map<IdEncoding, z.ZodType<DecodedTraces>>();

/** The zod schema of OTLP/JSON TracesData (and ExportTraceServiceRequest), decoding to DecodedTraces. */
export function tracesDataSchema(ids: IdEncoding = 'otlp'): z.ZodType<DecodedTraces> {
  let schema = schemas.get(ids);
  if (!schema) {
    schema = buildTracesSchema(ids);
    schemas.set(ids, schema);
  }
  return schema;
}
