import type { TraceTree } from './types';

/** A key for a span of any trace: `traceId:spanId`. */
export function spanKey(traceId: string, spanId: string): string {
  return `${traceId}:${spanId}`;
}

/** A time of a span of `tree` (ns from its origin) as Unix milliseconds, to compare across traces. */
export function unixMsOf(tree: TraceTree, ns: number): number {
  // The origin is Unix nanoseconds as a decimal string: whole microseconds keep a double exact.
  return Number(BigInt(tree.originUnixNano) / 1000n) / 1000 + ns / 1e6;
}

/**
 * The ends (Unix ms) of the spans of other traces in the same input that `tree`'s spans link to:
 * a consumer's producer span, when the caller passed the producer's trace beside the consumer's.
 */
export function linkedSpanEnds(tree: TraceTree, others: readonly TraceTree[]): Map<string, number> {
  const wanted = new Set(tree.spans.flatMap((span) => span.links.map((link) => spanKey(link.traceId, link.spanId))));
  const ends = new Map<string, number>();
  if (wanted.size === 0) return ends;
  for (const other of others) {
    if (other === tree) continue;
    for (const span of other.spans) {
      const key = spanKey(other.traceId, span.spanId);
      if (wanted.has(key)) ends.set(key, unixMsOf(other, span.endNs));
    }
  }
  return ends;
}
