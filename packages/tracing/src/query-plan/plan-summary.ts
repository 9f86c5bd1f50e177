import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_PLAN_INDEXES,
  ATTR_PLAN_JSON,
  ATTR_PLAN_NODE_TYPES,
  ATTR_PLAN_NODES,
  ATTR_PLAN_RELATIONS,
  ATTR_PLAN_TOTAL_COST,
  PLAN_JSON_CUT_MARKER,
} from './plan-names';

/** One node of `EXPLAIN (FORMAT JSON)` output, the fields read here. */
export interface PlanNode {
  'Node Type'?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Filter?: string;
  'Index Cond'?: string;
  'Plan Rows'?: number;
  'Total Cost'?: number;
  Plans?: PlanNode[];
}

const MAX_NODES = 8;
const MAX_JSON_CHARS = 4096;


/** The JSON document of the rows of `EXPLAIN (FORMAT JSON)`. */
function planDocument(explainRows: Array<Record<string, unknown>>): Array<{ Plan: PlanNode }> | undefined {
  return Object.values(explainRows[0] ?? {})[0] as Array<{ Plan: PlanNode }> | undefined;
}

/** The top node of the rows of `EXPLAIN (FORMAT JSON)`. */
export function planRoot(explainRows: Array<Record<string, unknown>>): PlanNode {
  const root = planDocument(explainRows)?.[0]?.Plan;
  if (!root) throw new Error('EXPLAIN returned no plan');
  return root;
}

/** The plan's nodes depth first, the top ones only: a slow plan's culprit sits near the top. */
function topNodes(root: PlanNode): PlanNode[] {
  const nodes: PlanNode[] = [];
  const visit = (node: PlanNode) => {
    if (nodes.length >= MAX_NODES) return;
    nodes.push(node);
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(root);
  return nodes;
}

/** `Index Scan using products_sku_idx on products (rows≈1, cost 8.44, cond: (sku = $1))`. */
export function describeNode(node: PlanNode): string {
  const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
  const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const details = [`rows≈${node['Plan Rows'] ?? '?'}`, `cost ${(node['Total Cost'] ?? 0).toFixed(2)}`];
  if (node['Index Cond']) details.push(`cond: ${node['Index Cond']}`);
  if (node.Filter) details.push(`filter: ${node.Filter}`);
  return `${node['Node Type'] ?? '?'}${using}${on} (${details.join(', ')})`;
}

/** The compact JSON, cut with a marker past the bound so an event stays small. */
function boundedJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.length <= MAX_JSON_CHARS ? json : json.slice(0, MAX_JSON_CHARS - PLAN_JSON_CUT_MARKER.length) + PLAN_JSON_CUT_MARKER;
}

/** Event attributes for the rows of `EXPLAIN (FORMAT JSON)`: the top nodes and the bounded plan. */
export function summarizePlan(explainRows: Array<Record<string, unknown>>): Attributes {
  const document = planDocument(explainRows);
  const root = planRoot(explainRows);
  const nodes = topNodes(root);
  return {
    [ATTR_PLAN_NODES]: nodes.map(describeNode).join('; '),
    [ATTR_PLAN_NODE_TYPES]: nodes.map((n) => n['Node Type'] ?? '?'),
    [ATTR_PLAN_RELATIONS]: nodes.flatMap((n) => (n['Relation Name'] ? [n['Relation Name']] : [])),
    [ATTR_PLAN_INDEXES]: nodes.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])),
    [ATTR_PLAN_TOTAL_COST]: root['Total Cost'] ?? 0,
    [ATTR_PLAN_JSON]: boundedJson(document),
  };
}
