import { buildTraceTree } from './build-trace-tree';
import { TraceAnalysisError } from './errors';
import { linkedSpanEnds } from './linked-span-ends';
import type { TraceTree } from './types';

/**
 * The tree of one trace of the input (`traceId`, or the only one), ready to diagnose: traces
 * passed beside it are read for what its links point at, e.g. the end of a consumer's producer
 * span. Refuses an empty input, a missing trace, and several traces without `traceId`.
 */
export function selectTree(data: unknown, traceId?: string): TraceTree {
  return selectFromTrees(buildTraceTree(data), traceId);
}

/** selectTree over trees already built. */
export function selectFromTrees(trees: readonly TraceTree[], traceId?: string): TraceTree {
  if (trees.length === 0) throw new TraceAnalysisError('no_trace', 'the input holds no spans');
  if (traceId === undefined && trees.length > 1) throw new TraceAnalysisError('several_traces', `the input holds ${trees.length} traces; pass traceId`);
  const tree = traceId === undefined ? trees[0] : trees.find((t) => t.traceId === traceId.toLowerCase());
  if (!tree) throw new TraceAnalysisError('trace_not_found', `trace ${traceId} is not in the input`);
  if (trees.length > 1) tree.linkedSpanEnds = linkedSpanEnds(tree, trees);
  return tree;
}
