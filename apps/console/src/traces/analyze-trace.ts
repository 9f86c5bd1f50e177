import {
  buildTraceTree,
  computeCriticalPath,
  computeSelfTimes,
  decideVerdict,
  detectNPlusOne,
  findTopContributors,
  summarizeTree,
  TraceAnalysisError,
  type Diagnosis,
  type TraceTree,
} from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES, withoutFixSuggestions } from '@tracecart/lab-rules';
import type { TraceAnalysis } from '../api-types';
import { isTraceComplete } from './trace-completeness';
import { buildWaterfallRows } from './waterfall-rows';

function pickTree(data: unknown, traceId: string): TraceTree {
  const tree = buildTraceTree(data).find((t) => t.traceId === traceId);
  if (!tree) throw new TraceAnalysisError('trace_not_found', `trace ${traceId} is not in the backend's answer`);
  return tree;
}

// The same parts `diagnose()` returns with the lab's rules, computed on one tree so the waterfall reuses its timings.
function diagnoseTree(tree: TraceTree): Diagnosis {
  return {
    summary: summarizeTree(tree),
    criticalPath: computeCriticalPath(tree),
    contributors: findTopContributors(tree),
    nPlusOne: detectNPlusOne(tree),
    verdict: decideVerdict(tree, { rules: LAB_SWITCH_RULES }),
  };
}

/**
 * The verdict, the diagnosis and the waterfall rows of one trace as the backend returned it.
 * During a challenge (`hideFixes`) the verdict names the finding and its general advice, no switch.
 */
export function analyzeTrace(data: unknown, traceId: string, jaegerUiUrl: string | null, hideFixes = false): TraceAnalysis {
  const tree = pickTree(data, traceId);
  const diagnosed = diagnoseTree(tree);
  const diagnosis = hideFixes ? withoutFixSuggestions(diagnosed) : diagnosed;
  return {
    traceId: tree.traceId,
    complete: isTraceComplete(tree),
    durationMs: diagnosis.summary.durationMs,
    services: diagnosis.summary.services,
    jaegerUrl: jaegerUiUrl === null ? null : `${jaegerUiUrl}/trace/${tree.traceId}`,
    diagnosis,
    rows: buildWaterfallRows(tree, diagnosis, computeSelfTimes(tree)),
  };
}
