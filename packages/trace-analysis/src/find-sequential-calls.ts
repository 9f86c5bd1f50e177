import { clockSlackNs } from './clock-resolution';
import { callKeyOf, type CallKey } from './span-keys';
import type { NPlusOneOptions, TraceSpan, TraceTree } from './types';

/** Three or more sibling calls with the same key that ran one after another. */
export interface SequentialCalls {
  call: CallKey;
  parent: number;
  /** Indexes into tree.spans, in start order. */
  members: number[];
}

// A run tolerates `tolerance` of the shorter call as overlap, and at least the clock's resolution:
// two sub-millisecond calls in a row can start in the same millisecond.
function allowedOverlapNs(prev: TraceSpan, cur: TraceSpan, tolerance: number): number {
  const shorter = Math.min(prev.endNs - prev.startNs, cur.endNs - cur.startNs);
  return Math.max(tolerance * shorter, clockSlackNs(prev, cur));
}

// Siblings sorted by start are sequential while each starts (about) when the previous ended;
// a bigger overlap means they ran in parallel (a fan-out), which is not an N+1.
function splitSequentialRuns(tree: TraceTree, members: number[], minCount: number, tolerance: number): number[][] {
  const runs: number[][] = [];
  let run = [members[0]];
  for (let k = 1; k < members.length; k++) {
    const prev = tree.spans[run[run.length - 1]];
    const cur = tree.spans[members[k]];
    if (prev.endNs - cur.startNs <= allowedOverlapNs(prev, cur, tolerance)) run.push(members[k]);
    else {
      if (run.length >= minCount) runs.push(run);
      run = [members[k]];
    }
  }
  if (run.length >= minCount) runs.push(run);
  return runs;
}

function groupChildren(tree: TraceTree, parent: number): Map<string, { call: CallKey; members: number[] }> {
  const byKey = new Map<string, { call: CallKey; members: number[] }>();
  for (const c of tree.spans[parent].children) {
    const call = callKeyOf(tree, c);
    if (!call) continue;
    const entry = byKey.get(call.key);
    if (entry) entry.members.push(c);
    else byKey.set(call.key, { call, members: [c] });
  }
  return byKey;
}

/** Every run of sequential sibling calls sharing a statement or an HTTP target. */
export function findSequentialCalls(tree: TraceTree, options: NPlusOneOptions = {}): SequentialCalls[] {
  const minCount = Math.max(2, options.minCount ?? 3);
  const tolerance = options.overlapTolerance ?? 0.1;
  const out: SequentialCalls[] = [];
  for (let p = 0; p < tree.spans.length; p++) {
    if (tree.spans[p].children.length < minCount) continue;
    for (const { call, members } of groupChildren(tree, p).values()) {
      if (members.length < minCount) continue;
      for (const run of splitSequentialRuns(tree, members, minCount, tolerance)) out.push({ call, parent: p, members: run });
    }
  }
  return out;
}
