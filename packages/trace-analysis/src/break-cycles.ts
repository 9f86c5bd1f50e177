import type { LinkedTrace } from './link-spans';
import type { TraceSpan } from './types';

function markReachable(spans: TraceSpan[], from: number[], reached: Uint8Array): void {
  const stack = [...from];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (reached[i]) continue;
    reached[i] = 1;
    for (const c of spans[i].children) stack.push(c);
  }
}

function isEarlier(spans: TraceSpan[], a: number, b: number): boolean {
  return spans[a].startNs < spans[b].startNs || (spans[a].startNs === spans[b].startNs && a < b);
}

// Follows parent links from a span no root reaches: they must end in a cycle. Returns the
// cycle's earliest-starting span, the natural place to cut it.
function findCycleCut(spans: TraceSpan[], from: number, stamp: Int32Array, walk: number): number {
  let j = from;
  while (stamp[j] !== walk) {
    stamp[j] = walk;
    j = spans[j].parent;
  }
  let cut = j;
  for (let k = spans[j].parent; k !== j; k = spans[k].parent) if (isEarlier(spans, k, cut)) cut = k;
  return cut;
}

/** Cuts every parent cycle at its earliest span, which becomes a root; linear in the span count. */
export function breakCycles(trace: LinkedTrace): void {
  const { spans } = trace;
  const reached = new Uint8Array(spans.length);
  const stamp = new Int32Array(spans.length);
  markReachable(spans, trace.roots, reached);
  let walk = 0;
  for (let i = 0; i < spans.length; i++) {
    if (reached[i]) continue;
    const cut = findCycleCut(spans, i, stamp, ++walk);
    const parent = spans[cut].parent;
    spans[parent].children = spans[parent].children.filter((c) => c !== cut);
    spans[cut].parent = -1;
    trace.cycleBreaks.push(cut);
    trace.roots.push(cut);
    markReachable(spans, [cut], reached);
  }
}
