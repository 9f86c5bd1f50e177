import {
  computeCriticalPath,
  computeSelfTimes,
  decideVerdict,
  detectNPlusOne,
  findTopContributors,
  summarizeTree,
  type Diagnosis,
  type TraceTree,
} from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES, withoutFixSuggestions } from '@tracecart/lab-rules';
import type { TraceAnalysis } from '../api-types';
import { isTraceComplete } from './trace-completeness';
import { buildWaterfallRows } from './waterfall-rows';

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
 * The verdict, the diagnosis and the waterfall rows of one trace (its links across the queue
 * need a search of their own: see findCrossTraceLinks). During a challenge (`hideFixes`) the
 * verdict names the finding and its general advice, no switch.
 */
export function analyzeTrace(tree: TraceTree, jaegerUiUrl: string | null, hideFixes = false): Omit<TraceAnalysis, 'links'> {
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
