import { spanToJson, type DecodedSpan } from '@tracecart/otlp';
import type { StoredSpan } from './types';

/** A decoded span in its stored form: the OTLP/JSON it is served as, plus the fields filters read. */
export function toStoredSpan(span: DecodedSpan): StoredSpan {
  const startNs = span.startTimeUnixNano;
  const endNs = span.endTimeUnixNano;
  return {
    json: JSON.stringify(spanToJson(span)),
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    kind: span.kind,
    statusCode: span.status.code,
    startNs,
    // Like Jaeger, a span that ends before it starts gets duration 0.
    durationNs: endNs > startNs ? Number(endNs - startNs) : 0,
  };
}
