import { TraceAnalysisError } from './errors';
import { expectList, isObject, parseAttributes, parseHexId, type JsonObject } from './parse-values';
import { parseRelativeNanos, type TimeBase } from './parse-time';
import type { SpanEventInfo, TraceSpan } from './types';

// Proto3 JSON may spell enums by name.
const KIND_NAMES: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};

/** What parsing shares across spans: the time base and the trace ids already validated. */
export interface ParseState {
  base: TimeBase;
  traceIds: Map<unknown, string>;
}

function parseKind(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5) return value;
  if (typeof value === 'string') return KIND_NAMES[value] ?? 0;
  return 0;
}

function parseIsError(status: unknown): boolean {
  if (!isObject(status)) return false;
  return status.code === 2 || status.code === 'STATUS_CODE_ERROR';
}

function parseEvents(value: unknown): SpanEventInfo[] {
  return expectList(value, 'events').map((event, i) => {
    if (!isObject(event)) throw new TraceAnalysisError('invalid_span', 'expected an event object', `events[${i}]`);
    const name = typeof event.name === 'string' ? event.name : '';
    return { name, attributes: parseAttributes(event.attributes, `events[${i}].attributes`) };
  });
}

function requireId(value: unknown, path: string): string {
  const id = parseHexId(value, path);
  if (id === undefined) throw new TraceAnalysisError('invalid_span', 'missing id', path);
  return id;
}

// Every span of a trace repeats the same trace id: validate each distinct text once.
function requireTraceId(value: unknown, seen: Map<unknown, string>): string {
  let id = seen.get(value);
  if (id === undefined) {
    id = requireId(value, 'traceId');
    seen.set(value, id);
  }
  return id;
}

// A missing time is filled from the other end (proto3 drops zeros, and a lone zero would
// stretch the trace back to 1970); an end before the start becomes a zero-length span.
function parseWindow(span: JsonObject, base: TimeBase): [number, number] {
  const start = parseRelativeNanos(span.startTimeUnixNano, 'startTimeUnixNano', base);
  const end = parseRelativeNanos(span.endTimeUnixNano, 'endTimeUnixNano', base);
  const startNs = start ?? end ?? 0;
  return [startNs, Math.max(startNs, end ?? startNs)];
}

/**
 * Validates one OTLP JSON span of a service (ids hex, times decimal nanoseconds) and returns it
 * unlinked. Error paths are relative to the span; the caller prefixes them.
 */
export function parseSpan(raw: unknown, service: string, state: ParseState): TraceSpan {
  if (!isObject(raw)) throw new TraceAnalysisError('invalid_span', 'expected a span object');
  const spanId = requireId(raw.spanId, 'spanId');
  const traceId = requireTraceId(raw.traceId, state.traceIds);
  const parentSpanId = parseHexId(raw.parentSpanId, 'parentSpanId');
  const [startNs, endNs] = parseWindow(raw, state.base);
  return {
    traceId,
    spanId,
    // An all-zero parent is how some exporters write "no parent".
    parentSpanId: parentSpanId !== undefined && /^0+$/.test(parentSpanId) ? undefined : parentSpanId,
    name: typeof raw.name === 'string' ? raw.name : '',
    kind: parseKind(raw.kind),
    service,
    startNs,
    endNs,
    attributes: parseAttributes(raw.attributes, 'attributes'),
    events: parseEvents(raw.events),
    isError: parseIsError(raw.status),
    parent: -1,
    children: [],
    depth: 0,
  };
}
