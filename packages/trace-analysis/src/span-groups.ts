import { metricsOf } from './trace-metrics';
import { groupKeyOf, statementsOf } from './span-keys';
import type { TraceTree } from './types';

/** Every span of one service + operation + statement, with its critical-path total. */
export interface SpanGroup {
  key: string;
  service: string;
  operation: string;
  statement: string | undefined;
  criticalNs: number;
  /** Indexes into tree.spans. */
  members: number[];
}

const cache = new WeakMap<TraceTree, SpanGroup[]>();
const NO_STATEMENT = '';

// Nested maps (service → operation → statement) find a span's group without building a key
// string per span; the key is built once per group.
function computeGroups(tree: TraceTree): SpanGroup[] {
  const { criticalNs } = metricsOf(tree);
  const byService = new Map<string, Map<string, Map<string, SpanGroup>>>();
  const groups: SpanGroup[] = [];
  const statements = statementsOf(tree);
  for (let i = 0; i < tree.spans.length; i++) {
    const span = tree.spans[i];
    const statement = statements[i];
    let byName = byService.get(span.service);
    if (!byName) byService.set(span.service, (byName = new Map()));
    let byStatement = byName.get(span.name);
    if (!byStatement) byName.set(span.name, (byStatement = new Map()));
    let group = byStatement.get(statement ?? NO_STATEMENT);
    if (!group) {
      group = { key: groupKeyOf(span, statement), service: span.service, operation: span.name, statement, criticalNs: 0, members: [] };
      byStatement.set(statement ?? NO_STATEMENT, group);
      groups.push(group);
    }
    group.criticalNs += criticalNs[i];
    group.members.push(i);
  }
  return groups.sort((a, b) => b.criticalNs - a.criticalNs || b.members.length - a.members.length);
}

/** All groups of a tree, largest critical-path total first; computed once per tree. */
export function groupsOf(tree: TraceTree): SpanGroup[] {
  let groups = cache.get(tree);
  if (!groups) {
    groups = computeGroups(tree);
    cache.set(tree, groups);
  }
  return groups;
}
