import { computeSelfTimes, diagnoseTree, type TraceTree } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES, withoutFixSuggestions } from '@tracecart/lab-rules';
import type { TraceAnalysis } from '../api-types';
import { isTraceComplete } from './trace-completeness';
import { buildWaterfallRows } from './waterfall-rows';

/**
 * The verdict, the diagnosis and the waterfall rows of one trace (its links across the queue
 * need a search of their own: see findCrossTraceLinks). During a challenge (`hideFixes`) the
 * verdict names the finding and its general advice, no switch.
 */
export function analyzeTrace(tree: TraceTree, jaegerUiUrl: string | null, hideFixes = false): Omit<TraceAnalysis, 'links'> {
  // Diagnosed on the tree itself, so the waterfall reuses its timings.
  const diagnosed = diagnoseTree(tree, { rules: LAB_SWITCH_RULES });
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
