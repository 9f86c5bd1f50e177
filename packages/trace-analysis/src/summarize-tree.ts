import { toMs } from './units';
import type { TraceTree, TreeSummary } from './types';

// The trace's main root: the longest true root (no parent id), else the longest root of any kind.
function mainRoot(tree: TraceTree): number | undefined {
  const trueRoots = tree.roots.filter((r) => tree.spans[r].parentSpanId === undefined);
  const candidates = trueRoots.length > 0 ? trueRoots : tree.roots;
  const length = (r: number) => tree.spans[r].endNs - tree.spans[r].startNs;
  return candidates.reduce<number | undefined>((best, r) => (best === undefined || length(r) > length(best) ? r : best), undefined);
}

/** Counts, services, the main root and the repairs made while building the tree. */
export function summarizeTree(tree: TraceTree): TreeSummary {
  const services = new Set<string>();
  let maxDepth = 0;
  let errorSpanCount = 0;
  for (const span of tree.spans) {
    services.add(span.service);
    if (span.depth > maxDepth) maxDepth = span.depth;
    if (span.isError) errorSpanCount++;
  }
  const root = mainRoot(tree);
  const rootSpan = root === undefined ? undefined : tree.spans[root];
  return {
    traceId: tree.traceId,
    spanCount: tree.spans.length,
    services: [...services].sort(),
    rootSpanId: rootSpan?.spanId,
    rootService: rootSpan?.service,
    rootName: rootSpan?.name,
    durationMs: toMs(tree.durationNs),
    maxDepth,
    errorSpanCount,
    orphanSpanIds: tree.orphans.map((i) => tree.spans[i].spanId),
    cycleBreakSpanIds: tree.cycleBreaks.map((i) => tree.spans[i].spanId),
    duplicateSpanIds: tree.duplicateSpanIds,
  };
}
