import { metricsOf } from './trace-metrics';
import { findSequentialCalls, type SequentialCalls } from './find-sequential-calls';
import { labelOf } from './labels';
import { shareOf, toMs } from './units';
import type { NPlusOneFinding, NPlusOneOptions, TraceTree } from './types';

/** Critical-path time of the calls and everything they waited on. */
export function criticalNsOf(tree: TraceTree, calls: SequentialCalls): number {
  const { subtreeCriticalNs } = metricsOf(tree);
  let sum = 0;
  for (const m of calls.members) sum += subtreeCriticalNs[m];
  return sum;
}

function toFinding(tree: TraceTree, calls: SequentialCalls): NPlusOneFinding {
  const first = tree.spans[calls.members[0]];
  const parent = tree.spans[calls.parent];
  const criticalNs = criticalNsOf(tree, calls);
  let totalNs = 0;
  for (const m of calls.members) totalNs += tree.spans[m].endNs - tree.spans[m].startNs;
  const { statement, target } = calls.call;
  return {
    kind: calls.call.kind,
    pattern: `${calls.members.length} sequential × ${labelOf({ operation: first.name, statement, target })}`,
    service: first.service,
    operation: first.name,
    statement,
    target,
    count: calls.members.length,
    totalMs: toMs(totalNs),
    criticalMs: toMs(criticalNs),
    share: shareOf(criticalNs, metricsOf(tree).totalNs),
    parentSpanId: parent.spanId,
    parentService: parent.service,
    parentName: parent.name,
    spanIds: calls.members.map((m) => tree.spans[m].spanId),
  };
}

/**
 * N+1 patterns: three or more sibling calls with the same normalized statement or the same
 * HTTP target that ran one after another. Parallel fan-outs are not reported. Largest first.
 */
export function detectNPlusOne(tree: TraceTree, options: NPlusOneOptions = {}): NPlusOneFinding[] {
  return findSequentialCalls(tree, options)
    .map((calls) => toFinding(tree, calls))
    .sort((a, b) => b.criticalMs - a.criticalMs || b.totalMs - a.totalMs);
}
