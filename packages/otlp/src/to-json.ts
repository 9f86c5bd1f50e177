import type { DecodedEvent, DecodedKeyValue, DecodedLink, DecodedResource, DecodedScope, DecodedSpan } from './model';
import type { InstrumentationScope, OtlpSpan, SpanEvent, SpanLink } from './types';

// Decoded parts back to OTLP/JSON the way Jaeger (pdata) marshals it: fixed field order, zero
// values and empty lists left out, 64-bit numbers as strings, status always present.

const omitZero = (n: number) => (n > 0 ? n : undefined);
const omitEmpty = (s: string) => (s === '' ? undefined : s);
const omitEmptyList = (list: DecodedKeyValue[]) => (list.length > 0 ? list : undefined);
const nanosText = (ns: bigint) => (ns > 0n ? ns.toString() : undefined);

function eventToJson(event: DecodedEvent): SpanEvent {
  return {
    timeUnixNano: nanosText(event.timeUnixNano),
    name: event.name,
    attributes: omitEmptyList(event.attributes),
    droppedAttributesCount: omitZero(event.droppedAttributesCount),
  };
}

function linkToJson(link: DecodedLink): SpanLink {
  return {
    traceId: link.traceId,
    spanId: link.spanId,
    traceState: omitEmpty(link.traceState),
    attributes: omitEmptyList(link.attributes),
    droppedAttributesCount: omitZero(link.droppedAttributesCount),
    flags: omitZero(link.flags),
  };
}

/** A span as OTLP/JSON (undefined members vanish in JSON.stringify). */
export function spanToJson(span: DecodedSpan): OtlpSpan {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    traceState: omitEmpty(span.traceState),
    parentSpanId: omitEmpty(span.parentSpanId),
    flags: omitZero(span.flags),
    name: span.name,
    kind: omitZero(span.kind),
    startTimeUnixNano: nanosText(span.startTimeUnixNano),
    endTimeUnixNano: nanosText(span.endTimeUnixNano),
    attributes: omitEmptyList(span.attributes),
    droppedAttributesCount: omitZero(span.droppedAttributesCount),
    events: span.events.length > 0 ? span.events.map(eventToJson) : undefined,
    droppedEventsCount: omitZero(span.droppedEventsCount),
    links: span.links.length > 0 ? span.links.map(linkToJson) : undefined,
    droppedLinksCount: omitZero(span.droppedLinksCount),
    status: { message: omitEmpty(span.status.message), code: omitZero(span.status.code) },
  };
}

/** A resource as OTLP/JSON. */
export function resourceToJson(resource: DecodedResource): { attributes?: DecodedKeyValue[]; droppedAttributesCount?: number } {
  return { attributes: omitEmptyList(resource.attributes), droppedAttributesCount: omitZero(resource.droppedAttributesCount) };
}

/** An instrumentation scope as OTLP/JSON. */
export function scopeToJson(scope: DecodedScope): InstrumentationScope {
  return {
    name: omitEmpty(scope.name),
    version: omitEmpty(scope.version),
    attributes: omitEmptyList(scope.attributes),
    droppedAttributesCount: omitZero(scope.droppedAttributesCount),
  };
}
