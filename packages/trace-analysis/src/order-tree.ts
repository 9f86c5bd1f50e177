import type { LinkedTrace } from './link-spans';
import type { TraceSpan } from './types';

function byStartThenEnd(spans: TraceSpan[]) {
  return (a: number, b: number) => spans[a].startNs - spans[b].startNs || spans[a].endNs - spans[b].endNs;
}

// Depth-first preorder without recursion: a 100k-deep chain must not blow the stack.
function preorder(spans: TraceSpan[], roots: number[]): number[] {
  const order: number[] = [];
  const stack = roots.slice().reverse();
  while (stack.length > 0) {
    const i = stack.pop() as number;
    order.push(i);
    const children = spans[i].children;
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]);
  }
  return order;
}

/** Sorts children by start and renumbers spans in waterfall order; times become relative to `originNs`. */
export function orderTree(trace: LinkedTrace, originNs: number): LinkedTrace {
  const { spans } = trace;
  const compare = byStartThenEnd(spans);
  for (const span of spans) if (span.children.length > 1) span.children.sort(compare);
  const roots = trace.roots.slice().sort(compare);
  const order = preorder(spans, roots);
  const newIndex = new Int32Array(spans.length);
  for (let k = 0; k < order.length; k++) newIndex[order[k]] = k;
  const renumber = (list: number[]) => list.map((i) => newIndex[i]);
  const out: TraceSpan[] = new Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const span = spans[order[k]];
    span.parent = span.parent >= 0 ? newIndex[span.parent] : -1;
    span.children = renumber(span.children);
    span.depth = span.parent >= 0 ? out[span.parent].depth + 1 : 0;
    span.startNs -= originNs;
    span.endNs -= originNs;
    out[k] = span;
  }
  const sortedIndexes = (list: number[]) => renumber(list).sort((a, b) => a - b);
  return {
    spans: out,
    roots: renumber(roots),
    orphans: sortedIndexes(trace.orphans),
    cycleBreaks: sortedIndexes(trace.cycleBreaks),
    duplicateSpanIds: trace.duplicateSpanIds,
  };
}
