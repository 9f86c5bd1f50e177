import { EVIDENCE } from '@tracecart/contracts';
import { stringOf } from './attribute-values';
import type { AttributeValue } from '@tracecart/otlp';

const { ATTR_PLAN_JSON, ATTR_PLAN_NODES, PLAN_JSON_CUT_MARKER } = EVIDENCE;

/** One node of a recorded plan, the parts a finding quotes. */
export interface PlanNode {
  type: string;
  relation: string | undefined;
  index: string | undefined;
  filter: string | undefined;
  rows: number | undefined;
  cost: number | undefined;
}

interface ExplainNode {
  'Node Type'?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Filter?: string;
  'Plan Rows'?: number;
  'Total Cost'?: number;
  Plans?: ExplainNode[];
}

// EXPLAIN (FORMAT JSON) is `[{"Plan": {...}}]`; every node of the tree counts, not only the top.
function fromJson(json: string): PlanNode[] | undefined {
  if (json.endsWith(PLAN_JSON_CUT_MARKER)) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return undefined;
  }
  const root = Array.isArray(document) ? (document[0] as { Plan?: ExplainNode } | undefined)?.Plan : undefined;
  if (!root) return undefined;
  const nodes: PlanNode[] = [];
  const visit = (n: ExplainNode) => {
    nodes.push({ type: n['Node Type'] ?? '?', relation: n['Relation Name'], index: n['Index Name'], filter: n.Filter, rows: n['Plan Rows'], cost: n['Total Cost'] });
    n.Plans?.forEach(visit);
  };
  visit(root);
  return nodes;
}

// `Seq Scan on products (rows≈1, cost 20834.00, filter: ((sku)::text = $1))`, one per node;
// the fallback when the JSON was cut at its bound.
const NODE_LINE = /^(.+?)(?: using (\S+))?(?: on (\S+))? \((.*)\)$/;

function fromLine(line: string): PlanNode | undefined {
  const m = NODE_LINE.exec(line.trim());
  if (!m) return undefined;
  const details = m[4];
  const rows = /rows≈(\d+(?:\.\d+)?)/.exec(details)?.[1];
  const cost = /cost (\d+(?:\.\d+)?)/.exec(details)?.[1];
  const filter = /filter: (.*)$/.exec(details)?.[1];
  return { type: m[1], index: m[2], relation: m[3], filter, rows: rows === undefined ? undefined : Number(rows), cost: cost === undefined ? undefined : Number(cost) };
}

/** The nodes of a `db.query.plan` event: from its JSON when whole, else from its node lines. */
export function planNodesOf(attributes: Record<string, AttributeValue>): PlanNode[] {
  const json = stringOf(attributes[ATTR_PLAN_JSON]);
  const fromDocument = json === undefined ? undefined : fromJson(json);
  if (fromDocument) return fromDocument;
  const lines = stringOf(attributes[ATTR_PLAN_NODES]);
  if (lines === undefined) return [];
  // A filter may itself hold `; ` inside quotes, so split only where a node line starts.
  return lines.split(/; (?=[A-Z][A-Za-z ]+ (?:on|using) |[A-Z][A-Za-z ]+ \()/).flatMap((l) => fromLine(l) ?? []);
}

/**
 * `((sku)::text = 'SKU-0000042')` as people write it, with its shape only: `sku = ?`. A plan is
 * cached per statement text, so the values in it are those of the call that was explained, not
 * necessarily of the span it is shown on.
 */
export function readableFilter(filter: string): string {
  let out = filter
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/::[a-z_]+(?: [a-z_]+)*(?:\[\])?/g, '')
    .replace(/([=<>]\s*)-?\d+(?:\.\d+)?\b/g, '$1?')
    .replace(/\((\w+|\?)\)/g, '$1');
  while (/^\(.*\)$/.test(out) && balanced(out.slice(1, -1))) out = out.slice(1, -1);
  return out;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
