import type { TraceLinks, TraceTree } from './types';

function addLink(byTrace: Map<string, TraceLinks>, traceId: string, fromSpanId: string, toSpanId: string): void {
  let entry = byTrace.get(traceId);
  if (!entry) byTrace.set(traceId, (entry = { traceId, links: [] }));
  entry.links.push({ fromSpanId, toSpanId });
}

/**
 * The other traces this trace's spans link to, in waterfall order of the linking spans: a
 * consumer's trace links to the trace whose producer sent its message (placed by: trace …).
 * Links within the trace (a plan beside its statement) are left out.
 */
export function linkedTraceIds(tree: TraceTree): TraceLinks[] {
  const byTrace = new Map<string, TraceLinks>();
  for (const span of tree.spans) {
    for (const link of span.links) if (link.traceId !== tree.traceId) addLink(byTrace, link.traceId, span.spanId, link.spanId);
  }
  return [...byTrace.values()];
}

/**
 * The traces among `trees` whose spans link to the trace `traceId`, in the order given: the
 * producer's trace learns which consumers handled its message (fulfilled later: trace …).
 */
export function tracesLinkingTo(trees: readonly TraceTree[], traceId: string): TraceLinks[] {
  const target = traceId.toLowerCase();
  const byTrace = new Map<string, TraceLinks>();
  for (const tree of trees) {
    if (tree.traceId === target) continue;
    for (const span of tree.spans) {
      for (const link of span.links) if (link.traceId === target) addLink(byTrace, tree.traceId, span.spanId, link.spanId);
    }
  }
  return [...byTrace.values()];
}
