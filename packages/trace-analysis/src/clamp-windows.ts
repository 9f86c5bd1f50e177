import type { TraceTree } from './types';

/** Each span's window clamped into its parent's clamped window (clock skew); indexed like tree.spans. */
export interface ClampedWindows {
  start: Float64Array;
  end: Float64Array;
}

/**
 * Clamps children to their parents, as Jaeger UI does before walking the critical path: a child
 * that started early or ended late (clock skew between hosts) only counts inside its parent.
 * A child wholly outside its parent collapses to zero length at the parent's edge.
 */
export function clampWindows(tree: TraceTree): ClampedWindows {
  const n = tree.spans.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  // Spans are in preorder, so a parent is always clamped before its children.
  for (let i = 0; i < n; i++) {
    const span = tree.spans[i];
    const p = span.parent;
    let s = span.startNs;
    let e = span.endNs;
    if (p >= 0) {
      s = Math.min(Math.max(s, start[p]), end[p]);
      e = Math.max(Math.min(e, end[p]), s);
    }
    start[i] = s;
    end[i] = e;
  }
  return { start, end };
}
