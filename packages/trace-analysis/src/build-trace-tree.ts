import { collectSpans } from './parse-input';
import { linkSpans } from './link-spans';
import { breakCycles } from './break-cycles';
import { orderTree } from './order-tree';
import { formatUnixNano } from './parse-time';
import type { TraceSpan, TraceTree } from './types';

function groupByTrace(spans: TraceSpan[]): Map<string, TraceSpan[]> {
  const groups = new Map<string, TraceSpan[]>();
  for (const span of spans) {
    const group = groups.get(span.traceId);
    if (group) group.push(span);
    else groups.set(span.traceId, [span]);
  }
  return groups;
}

function buildOne(traceId: string, parsed: TraceSpan[], baseSeconds: number): TraceTree {
  const linked = linkSpans(parsed);
  breakCycles(linked);
  let origin = Infinity;
  let last = -Infinity;
  for (const span of linked.spans) {
    if (span.startNs < origin) origin = span.startNs;
    if (span.endNs > last) last = span.endNs;
  }
  const ordered = orderTree(linked, origin);
  return { traceId, originUnixNano: formatUnixNano(baseSeconds, origin), durationNs: last - origin, ...ordered };
}

/**
 * Builds one tree per trace in the input (a TracesData, Jaeger's `{result}` envelope, or an
 * array of either). Throws TraceAnalysisError on malformed input.
 */
export function buildTraceTree(data: unknown): TraceTree[] {
  const { spans, baseSeconds } = collectSpans(data);
  const trees: TraceTree[] = [];
  for (const [traceId, group] of groupByTrace(spans)) trees.push(buildOne(traceId, group, baseSeconds));
  return trees;
}
