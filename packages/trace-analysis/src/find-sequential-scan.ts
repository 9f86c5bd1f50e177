import { EVIDENCE } from '@tracecart/contracts';
import { eventsOf } from './linked-events';
import { isEvidenceCarrier, type EvidenceScope } from './evidence-scope';
import { planNodesOf, readableFilter, type PlanNode } from './plan-nodes';
import { formatCount } from './format-number';
import type { Finding } from './types';
import { evidencePresenceOf } from './evidence-presence';

const { PLAN_EVENT } = EVIDENCE;

const SEQ_SCAN = /(^|\s)Seq Scan$/;

/** `Seq Scan on products (filter sku = $1, est. 1 row, cost 20,834)`. */
function describe(node: PlanNode): string {
  const parts: string[] = [];
  if (node.filter) parts.push(`filter ${readableFilter(node.filter)}`);
  if (node.rows !== undefined) parts.push(`est. ${formatCount(node.rows)} ${node.rows === 1 ? 'row' : 'rows'}`);
  if (node.cost !== undefined) parts.push(`cost ${formatCount(node.cost)}`);
  const on = node.relation ? ` on ${node.relation}` : '';
  return `${node.type}${on}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** A `Seq Scan` node in the recorded plan of a statement the culprit spent its time in. */
export function findSequentialScan(scope: EvidenceScope): Finding | undefined {
  if (!evidencePresenceOf(scope.tree).plans) return undefined;
  const { tree } = scope;
  let first: PlanNode | undefined;
  let planned = 0;
  const spanIds: string[] = [];
  for (const i of scope.spans) {
    if (isEvidenceCarrier(tree, i)) continue;
    let scan: PlanNode | undefined;
    let hasPlan = false;
    // Plain loops: this runs for every span of every candidate, and allocates nothing on spans without plans.
    for (const e of eventsOf(tree, i)) {
      if (e.name !== PLAN_EVENT) continue;
      hasPlan = true;
      scan ??= planNodesOf(e.attributes).find((n) => SEQ_SCAN.test(n.type));
    }
    if (!hasPlan) continue;
    planned++;
    if (!scan) continue;
    first ??= scan;
    spanIds.push(tree.spans[i].spanId);
  }
  if (!first) return undefined;
  const spread = spanIds.length < planned ? ` · in ${spanIds.length} of ${planned} planned statements` : '';
  const details: Record<string, string | number> = { node: first.type };
  if (first.relation) details.relation = first.relation;
  if (first.filter) details.filter = readableFilter(first.filter);
  if (first.rows !== undefined) details.rows = first.rows;
  if (first.cost !== undefined) details.cost = first.cost;
  return {
    kind: 'sequential_scan',
    title: 'sequential scan',
    evidence: describe(first) + spread,
    advice: first.filter ? `an index on ${first.relation ?? 'the table'} serving the filter` : `an index on ${first.relation ?? 'the table'} for this access`,
    details,
    spanIds,
  };
}
