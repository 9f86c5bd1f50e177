import { decodeAttributes, type DecodedSpan } from '@tracecart/otlp';
import { TraceAnalysisError } from './errors';
import { relativeNanos, type TimeBase } from './parse-time';
import type { SpanLinkInfo, TraceSpan } from './types';

// Most spans link nothing; they share one empty list rather than each allocating its own.
const NO_LINKS: SpanLinkInfo[] = [];

// A missing time is filled from the other end (proto3 drops zeros, and a lone zero would
// stretch the trace back to 1970); an end before the start becomes a zero-length span.
function spanWindow(span: DecodedSpan, base: TimeBase): [number, number] {
  const start = relativeNanos(span.startTimeUnixNano, base);
  const end = relativeNanos(span.endTimeUnixNano, base);
  const startNs = start ?? end ?? 0;
  return [startNs, Math.max(startNs, end ?? startNs)];
}

/** A decoded span of a service as an unlinked TraceSpan; `path` names it in errors. */
export function toTraceSpan(span: DecodedSpan, service: string, base: TimeBase, path: string): TraceSpan {
  if (!span.spanId) throw new TraceAnalysisError('invalid_span', 'missing id', `${path}.spanId`);
  if (!span.traceId) throw new TraceAnalysisError('invalid_span', 'missing id', `${path}.traceId`);
  const [startNs, endNs] = spanWindow(span, base);
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId || undefined,
    name: span.name,
    kind: span.kind,
    service,
    startNs,
    endNs,
    attributes: decodeAttributes(span.attributes),
    events: span.events.map((event) => ({ name: event.name, attributes: decodeAttributes(event.attributes) })),
    links: span.links.length === 0 ? NO_LINKS : span.links.map((link) => ({ traceId: link.traceId, spanId: link.spanId })),
    isError: span.status.code === 2,
    parent: -1,
    children: [],
    depth: 0,
  };
}
