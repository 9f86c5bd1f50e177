import { metricsOf } from './trace-metrics';
import { groupsOf } from './span-groups';
import { shareOf, toMs } from './units';
import type { Contributor, TraceTree } from './types';

/** The groups (service + operation + normalized statement) with the most critical-path time. */
export function findTopContributors(tree: TraceTree, options: { limit?: number } = {}): Contributor[] {
  const { totalNs } = metricsOf(tree);
  const limit = options.limit ?? 10;
  const out: Contributor[] = [];
  for (const group of groupsOf(tree)) {
    if (out.length >= limit || group.criticalNs <= 0) break;
    out.push({
      key: group.key,
      service: group.service,
      operation: group.operation,
      statement: group.statement,
      criticalMs: toMs(group.criticalNs),
      share: shareOf(group.criticalNs, totalNs),
      spanCount: group.members.length,
    });
  }
  return out;
}
