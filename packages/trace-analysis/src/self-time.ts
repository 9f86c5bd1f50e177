import type { TraceTree } from './types';

/**
 * Self time per span in ns: its duration minus the union of its children's intervals clamped
 * to it, so overlapping (parallel) children are not subtracted twice. Indexed like tree.spans.
 */
export function computeSelfNs(tree: TraceTree): Float64Array {
  const self = new Float64Array(tree.spans.length);
  for (let i = 0; i < tree.spans.length; i++) {
    const span = tree.spans[i];
    let covered = 0;
    let runStart = 0;
    let runEnd = -Infinity;
    // Children are sorted by start, so their clamped starts are too: one sweep merges them.
    for (const c of span.children) {
      const s = Math.max(tree.spans[c].startNs, span.startNs);
      const e = Math.min(tree.spans[c].endNs, span.endNs);
      if (e <= s) continue;
      if (s > runEnd) {
        if (runEnd > runStart) covered += runEnd - runStart;
        runStart = s;
        runEnd = e;
      } else if (e > runEnd) runEnd = e;
    }
    if (runEnd > runStart) covered += runEnd - runStart;
    self[i] = span.endNs - span.startNs - covered;
  }
  return self;
}
