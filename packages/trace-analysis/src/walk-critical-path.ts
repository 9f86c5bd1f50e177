import type { ClampedWindows } from './clamp-windows';
import { clockSlackNs } from './clock-resolution';
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
  /** The child whose start set `until`, or -1 while `until` is the span's own end. */
  after: number;
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

function slackAfter(tree: TraceTree, f: Frame, kid: number): number {
  return f.after >= 0 ? clockSlackNs(tree.spans[kid], tree.spans[f.after]) : 0;
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
  const stack: Frame[] = [{ index: -1, kids: sortByEndDesc(roots, w), cursor: 0, until, after: -1 }];
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    // `until` only moves back, so a child skipped once never qualifies again; `<=` lets a
    // child that ended exactly when the next began count, and the cursor keeps zero gaps finite.
    // A child that seems to end within the clock's resolution after the next one started ran
    // before it (a whole-millisecond start); it counts, cut off where the next one starts.
    while (f.cursor < f.kids.length && w.end[f.kids[f.cursor]] > f.until + slackAfter(tree, f, f.kids[f.cursor])) f.cursor++;
    if (f.cursor < f.kids.length) {
      const c = f.kids[f.cursor++];
      pushSegment(out, f.index, w.end[c], f.until);
      // A child taken within the slack is cut where the next one starts, and so are its own
      // children that end in the same slack.
      const cut = w.end[c] > f.until;
      const child: Frame = { index: c, kids: sortByEndDesc(tree.spans[c].children, w), cursor: 0, until: cut ? f.until : w.end[c], after: cut ? f.after : -1 };
      f.until = w.start[c];
      f.after = c;
      stack.push(child);
    } else {
      if (f.index >= 0) pushSegment(out, f.index, w.start[f.index], f.until);
      stack.pop();
    }
  }
  return out.reverse();
}
