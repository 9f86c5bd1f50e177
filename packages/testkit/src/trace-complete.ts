import type { ReceivedSpan } from './otlp-receiver';

const SERVER = 2;
const CLIENT = 3;

/**
 * True once a trace has arrived whole from every process: one root, every parent present, and
 * every outgoing HTTP call matched by the callee's server span. Each process exports on its own
 * schedule, so the root arriving first says nothing about the others.
 */
export function isTraceComplete(spans: ReceivedSpan[]): boolean {
  const ids = new Set(spans.map((s) => s.span.spanId));
  const roots = spans.filter((s) => !s.span.parentSpanId);
  if (roots.length !== 1 || roots[0].span.kind !== SERVER) return false;
  if (spans.some((s) => s.span.parentSpanId && !ids.has(s.span.parentSpanId))) return false;
  const serverParents = new Set(spans.filter((s) => s.span.kind === SERVER).map((s) => s.span.parentSpanId));
  const httpCalls = spans.filter((s) => s.span.kind === CLIENT && s.attributes['http.request.method'] !== undefined);
  return httpCalls.every((call) => serverParents.has(call.span.spanId) || call.attributes['error.type'] !== undefined);
}
