import { clampWindows } from './clamp-windows';
import { walkCriticalPath, type RawSegment } from './walk-critical-path';
import { computeSelfNs } from './self-time';
import type { TraceTree } from './types';

/** Per-trace timings every analysis shares; arrays are indexed like tree.spans. */
export interface TraceMetrics {
  segments: RawSegment[];
  totalNs: number;
  criticalNs: Float64Array;
  selfNs: Float64Array;
  /** Critical time of each span plus everything under it. */
  subtreeCriticalNs: Float64Array;
}

// Trees are never mutated after they are built, so the timings of one tree can be shared by
// the critical path, contributors, N+1 detection and the verdict.
const cache = new WeakMap<TraceTree, TraceMetrics>();

function computeMetrics(tree: TraceTree): TraceMetrics {
  const segments = walkCriticalPath(tree, clampWindows(tree));
  const n = tree.spans.length;
  const criticalNs = new Float64Array(n);
  let totalNs = 0;
  for (const s of segments) {
    criticalNs[s.index] += s.endNs - s.startNs;
    totalNs += s.endNs - s.startNs;
  }
  const subtreeCriticalNs = Float64Array.from(criticalNs);
  // Preorder reversed visits children before parents.
  for (let i = n - 1; i >= 0; i--) {
    const p = tree.spans[i].parent;
    if (p >= 0) subtreeCriticalNs[p] += subtreeCriticalNs[i];
  }
  return { segments, totalNs, criticalNs, selfNs: computeSelfNs(tree), subtreeCriticalNs };
}

/** The shared timings of a tree, computed once. */
export function metricsOf(tree: TraceTree): TraceMetrics {
  let metrics = cache.get(tree);
  if (!metrics) {
    metrics = computeMetrics(tree);
    cache.set(tree, metrics);
  }
  return metrics;
}
