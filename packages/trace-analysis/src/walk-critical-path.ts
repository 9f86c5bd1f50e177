import type { ClampedWindows } from './clamp-windows';
import type { TraceTree } from './types';

/** A critical-path stretch of one span (index into tree.spans), in relative nanoseconds. */
export interface RawSegment {
  index: number;
  startNs: number;
  endNs: number;
}

interface Frame {
  /** -1 is the virtual root spanning the trace's roots. */
  index: number;
  /** Candidate children, latest clamped end first. */
  kids: number[];
  cursor: number;
  /** The path is explained up to here; earlier children must end by then. */
  until: number;
}

function sortByEndDesc(list: readonly number[], w: ClampedWindows): number[] {
  return list.filter((i) => w.end[i] > w.start[i]).sort((a, b) => w.end[b] - w.end[a] || w.start[a] - w.start[b]);
}

// The path starts at the true roots; only when none survived (partial trace) do orphans and
// cut cycles stand in. Several roots hang under a virtual root whose gaps nobody is blamed for.
function pathRoots(tree: TraceTree): number[] {
  const trueRoots = tree.roots.filter((i) => tree.spans[i].parentSpanId === undefined);
  return trueRoots.length > 0 ? trueRoots : tree.roots;
}

function pushSegment(out: RawSegment[], index: number, startNs: number, endNs: number): void {
  if (index >= 0 && endNs > startNs) out.push({ index, startNs, endNs });
}

/**
 * Jaeger UI's critical path, iteratively: from a span, take the child that finished last, blame
 * the span for the time after it, continue inside that child, then take the latest child that
 * ended before it started, and so on; what no child explains is the span's own. Chronological.
 */
export function walkCriticalPath(tree: TraceTree, w: ClampedWindows): RawSegment[] {
  const out: RawSegment[] = [];
  const roots = pathRoots(tree);
  let until = -Infinity;
  for (const r of roots) until = Math.max(until, w.end[r]);
  const stack: Frame[] = [{ index: -1, kids: sortByEndDesc(roots, w), cursor: 0, until }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    // `until` only moves back, so a child skipped once never qualifies again; `<=` lets a
    // child that ended exactly when the next began count, and the cursor keeps zero gaps finite.
    while (f.cursor < f.kids.length && w.end[f.kids[f.cursor]] > f.until) f.cursor++;
    if (f.cursor < f.kids.length) {
      const c = f.kids[f.cursor++];
      pushSegment(out, f.index, w.end[c], f.until);
      f.until = w.start[c];
      stack.push({ index: c, kids: sortByEndDesc(tree.spans[c].children, w), cursor: 0, until: w.end[c] });
    } else {
      if (f.index >= 0) pushSegment(out, f.index, w.start[f.index], f.until);
      stack.pop();
    }
  }
  return out.reverse();
}
