import { buildTraceTree } from './build-trace-tree';
import { summarizeTree } from './summarize-tree';
import { computeCriticalPath } from './critical-path';
import { findTopContributors } from './contributors';
import { detectNPlusOne } from './n-plus-one';
import { decideVerdict } from './verdict';
import { TraceAnalysisError } from './errors';
import { linkedSpanEnds } from './linked-span-ends';
import type { DiagnoseOptions, Diagnosis, TraceTree } from './types';

function pickTree(trees: TraceTree[], traceId: string | undefined): TraceTree {
  if (trees.length === 0) throw new TraceAnalysisError('no_trace', 'the input holds no spans');
  if (traceId !== undefined) {
    const tree = trees.find((t) => t.traceId === traceId.toLowerCase());
    if (!tree) throw new TraceAnalysisError('trace_not_found', `trace ${traceId} is not in the input`);
    return tree;
  }
  if (trees.length > 1) throw new TraceAnalysisError('several_traces', `the input holds ${trees.length} traces; pass traceId`);
  return trees[0];
}

/** Everything about one trace: summary, critical path, contributors, N+1 patterns and the verdict. */
export function diagnose(data: unknown, options: DiagnoseOptions = {}): Diagnosis {
  const trees = buildTraceTree(data);
  const tree = pickTree(trees, options.traceId);
  // Traces passed beside the one diagnosed are read for what its links point at (a producer).
  if (trees.length > 1) tree.linkedSpanEnds = linkedSpanEnds(tree, trees);
  return {
    summary: summarizeTree(tree),
    criticalPath: computeCriticalPath(tree),
    contributors: findTopContributors(tree, { limit: options.contributorLimit }),
    nPlusOne: detectNPlusOne(tree, options.nPlusOne),
    verdict: decideVerdict(tree, options),
  };
}
