import type { PlanNode } from './plan-summary';

/**
 * Every table the plan reads, anywhere in its tree (sub-plans, init plans and partitions
 * included), sorted and without repeats: an index added to or dropped from any of them can
 * change the plan, not only one of the top nodes' tables that `db.query.plan.relations` names.
 */
export function relationsRead(root: PlanNode): string[] {
  const names = new Set<string>();
  const visit = (node: PlanNode) => {
    if (node['Relation Name']) names.add(node['Relation Name']);
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(root);
  return [...names].sort();
}
