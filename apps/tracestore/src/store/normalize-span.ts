import { isObject, type JsonObject } from './json-object';
import {
  InvalidTracesError,
  omitEmpty,
  omitZero,
  readArray,
  readAttributes,
  readHexId,
  readNanos,
  readString,
  readUint,
} from './otlp-fields';
import type { StoredSpan } from './types';

// Spans are rewritten the way Jaeger (pdata) marshals OTLP JSON: fixed field order, zero values
// and empty lists left out, 64-bit numbers as strings, status always present. Unknown fields
// are dropped, which also bounds what a sender can make the store keep.

const ZERO_SPAN_ID = '0000000000000000';
const nanosText = (ns: bigint) => (ns > 0n ? ns.toString() : undefined);

function readEvent(raw: unknown): JsonObject {
  if (!isObject(raw)) throw new InvalidTracesError('', 'must be an object');
  return {
    timeUnixNano: nanosText(readNanos(raw.timeUnixNano, 'timeUnixNano')),
    name: omitEmpty(readString(raw.name, 'name')),
    attributes: readAttributes(raw.attributes, 'attributes'),
    droppedAttributesCount: omitZero(readUint(raw.droppedAttributesCount, 'droppedAttributesCount')),
  };
}

function readLink(raw: unknown): JsonObject {
  if (!isObject(raw)) throw new InvalidTracesError('', 'must be an object');
  return {
    traceId: readHexId(raw.traceId, 32, 'traceId'),
    spanId: readHexId(raw.spanId, 16, 'spanId'),
    traceState: omitEmpty(readString(raw.traceState, 'traceState')),
    attributes: readAttributes(raw.attributes, 'attributes'),
    droppedAttributesCount: omitZero(readUint(raw.droppedAttributesCount, 'droppedAttributesCount')),
    flags: omitZero(readUint(raw.flags, 'flags')),
  };
}

function readList(value: unknown, name: string, read: (raw: unknown) => JsonObject): JsonObject[] | undefined {
  const list = readArray(value, name);
  if (list.length === 0) return undefined;
  return list.map((raw, i) => {
    try {
      return read(raw);
    } catch (error) {
      throw error instanceof InvalidTracesError ? error.within(`${name}[${i}]`) : error;
    }
  });
}

function readStatus(value: unknown): { code: number; json: JsonObject } {
  if (value !== undefined && value !== null && !isObject(value)) throw new InvalidTracesError('status', 'must be an object');
  const status: JsonObject = isObject(value) ? value : {};
  const code = readUint(status.code, 'status.code', 2);
  return { code, json: { message: omitEmpty(readString(status.message, 'status.message')), code: omitZero(code) } };
}

/** Validates one OTLP JSON span and turns it into its stored form; errors name the field. */
export function normalizeSpan(raw: unknown): { traceId: string; span: StoredSpan } {
  if (!isObject(raw)) throw new InvalidTracesError('', 'must be an object');
  const traceId = readHexId(raw.traceId, 32, 'traceId');
  const spanId = readHexId(raw.spanId, 16, 'spanId');
  // Some exporters mark a root span with an all-zero parent id rather than none.
  const parentSpanId = raw.parentSpanId && raw.parentSpanId !== ZERO_SPAN_ID ? readHexId(raw.parentSpanId, 16, 'parentSpanId') : '';
  const name = readString(raw.name, 'name');
  const kind = readUint(raw.kind, 'kind', 5);
  const startNs = readNanos(raw.startTimeUnixNano, 'startTimeUnixNano');
  const endNs = readNanos(raw.endTimeUnixNano, 'endTimeUnixNano');
  const status = readStatus(raw.status);
  const json = JSON.stringify({
    traceId,
    spanId,
    traceState: omitEmpty(readString(raw.traceState, 'traceState')),
    parentSpanId: omitEmpty(parentSpanId),
    flags: omitZero(readUint(raw.flags, 'flags')),
    name: omitEmpty(name),
    kind: omitZero(kind),
    startTimeUnixNano: nanosText(startNs),
    endTimeUnixNano: nanosText(endNs),
    attributes: readAttributes(raw.attributes, 'attributes'),
    droppedAttributesCount: omitZero(readUint(raw.droppedAttributesCount, 'droppedAttributesCount')),
    events: readList(raw.events, 'events', readEvent),
    droppedEventsCount: omitZero(readUint(raw.droppedEventsCount, 'droppedEventsCount')),
    links: readList(raw.links, 'links', readLink),
    droppedLinksCount: omitZero(readUint(raw.droppedLinksCount, 'droppedLinksCount')),
    status: status.json,
  });
  // Like Jaeger, a span that ends before it starts gets duration 0.
  const durationNs = endNs > startNs ? Number(endNs - startNs) : 0;
  return { traceId, span: { json, spanId, parentSpanId, name, kind, statusCode: status.code, startNs, durationNs } };
}
