import { idOf, toTracesData, TRACE_ID, type SpanSpec } from '@tracecart/testkit';
import { buildTraceTree } from '@tracecart/trace-analysis';
import {
  ATTR_CONNECTION_WAIT_TIME,
  ATTR_PLAN_CACHED,
  ATTR_PLAN_ERROR_MESSAGE,
  ATTR_PLAN_INDEXES,
  ATTR_PLAN_JSON,
  ATTR_PLAN_NODE_TYPES,
  ATTR_PLAN_NODES,
  ATTR_PLAN_RELATIONS,
  ATTR_PLAN_TOTAL_COST,
  ATTR_WAITS_COUNTS,
  ATTR_WAITS_EVENTS,
  ATTR_WAITS_SAMPLES,
  ATTR_WAITS_SUMMARY,
  ATTR_WAITS_TYPES,
  PLAN_ERROR_EVENT,
  PLAN_EVENT,
  PLAN_SPAN_NAME,
  WAITS_EVENT,
} from '@tracecart/tracing';
import { buildSpanEvidence } from '../src/traces/span-evidence';

// A hand-built trace in the shapes the tracing package records; the real ones are in evidence-api.test.ts.
const SEQ_PLAN = {
  [ATTR_PLAN_NODES]: 'Seq Scan on products (rows≈333333, cost 12345.00, filter: ((sku)::text = $1))',
  [ATTR_PLAN_NODE_TYPES]: ['Seq Scan'],
  [ATTR_PLAN_RELATIONS]: ['products'],
  [ATTR_PLAN_INDEXES]: [],
  [ATTR_PLAN_TOTAL_COST]: 12345,
  [ATTR_PLAN_JSON]: '[{"Plan":{"Node Type":"Seq Scan"}}]',
};
const INDEX_PLAN = {
  [ATTR_PLAN_NODES]: 'Limit (rows≈1, cost 8.44); Index Scan using products_sku_idx on products (rows≈1, cost 8.44, cond: (sku = $1))',
  [ATTR_PLAN_NODE_TYPES]: ['Limit', 'Index Scan'],
  [ATTR_PLAN_RELATIONS]: ['products'],
  [ATTR_PLAN_INDEXES]: ['products_sku_idx'],
  [ATTR_PLAN_TOTAL_COST]: 8.44,
};
const WAITS = {
  [ATTR_WAITS_SUMMARY]: 'Lock:transactionid ×42, CPU:running ×3',
  [ATTR_WAITS_TYPES]: ['Lock', 'CPU'],
  [ATTR_WAITS_EVENTS]: ['transactionid', 'running'],
  [ATTR_WAITS_COUNTS]: [42, 3],
  [ATTR_WAITS_SAMPLES]: 45,
};

const SPECS: SpanSpec[] = [
  { id: 'req', name: 'POST /products/lookup', kind: 2, start: 0, end: 100 },
  { id: 'stmt', parent: 'req', name: 'SELECT products', kind: 3, start: 1, end: 60, attributes: { [ATTR_CONNECTION_WAIT_TIME]: 12.3 }, events: [{ name: WAITS_EVENT, attributes: WAITS }] },
  { id: 'explain', parent: 'req', name: PLAN_SPAN_NAME, kind: 3, start: 61, end: 63, attributes: { [ATTR_PLAN_CACHED]: false }, events: [{ name: PLAN_EVENT, attributes: SEQ_PLAN }] },
  { id: 'cached', parent: 'req', name: 'SELECT products', kind: 3, start: 64, end: 80, events: [{ name: PLAN_EVENT, attributes: { ...INDEX_PLAN, [ATTR_PLAN_CACHED]: true } }] },
  { id: 'failed', parent: 'req', name: 'UPDATE products', kind: 3, start: 81, end: 95, events: [{ name: PLAN_ERROR_EVENT, attributes: { [ATTR_PLAN_ERROR_MESSAGE]: 'canceling statement due to statement timeout' } }] },
  { id: 'stray', parent: 'req', name: PLAN_SPAN_NAME, kind: 3, start: 96, end: 97, events: [{ name: PLAN_EVENT, attributes: INDEX_PLAN }] },
  { id: 'plain', parent: 'req', name: 'GET', kind: 3, start: 97, end: 99 },
];

function evidenceByLabel() {
  const data = toTracesData(SPECS);
  // The EXPLAIN span links to its statement; the stray one to a span of another trace.
  const spans = (data.resourceSpans ?? []).flatMap((r) => (r.scopeSpans ?? []).flatMap((s) => s.spans ?? []));
  const link = (from: string, traceId: string, to: string) => Object.assign(spans.find((s) => s.spanId === idOf(from)) ?? {}, { links: [{ traceId, spanId: idOf(to) }] });
  link('explain', TRACE_ID, 'stmt');
  link('stray', 'ab'.repeat(16), 'stmt');
  const [tree] = buildTraceTree(data);
  const evidence = buildSpanEvidence(tree);
  const byId = new Map(tree.spans.map((span, i) => [span.spanId, evidence[i]]));
  return (label: string) => byId.get(idOf(label));
}

describe('buildSpanEvidence', () => {
  const evidence = evidenceByLabel();

  it('puts the plan of a linked EXPLAIN span on its statement, beside the statement\u2019s own waits and pool wait', () => {
    expect(evidence('stmt')).toEqual({
      plan: {
        nodes: ['Seq Scan on products (rows≈333333, cost 12345.00, filter: ((sku)::text = $1))'],
        nodeTypes: ['Seq Scan'],
        relations: ['products'],
        indexes: [],
        totalCost: 12345,
        json: '[{"Plan":{"Node Type":"Seq Scan"}}]',
        cached: false,
        fromSpanId: idOf('explain'),
      },
      waits: {
        summary: 'Lock:transactionid ×42, CPU:running ×3',
        waits: [
          { type: 'Lock', event: 'transactionid', count: 42 },
          { type: 'CPU', event: 'running', count: 3 },
        ],
        samples: 45,
      },
      poolWaitMs: 12.3,
    });
  });

  it('says on the EXPLAIN span whose plan it carries', () => {
    expect(evidence('explain')).toMatchObject({ evidenceFor: { spanId: idOf('stmt'), name: 'SELECT products' }, plan: { nodeTypes: ['Seq Scan'] } });
    expect(evidence('explain')?.plan?.fromSpanId).toBeUndefined();
  });

  it('reads a cached plan on the statement itself, one node per line', () => {
    expect(evidence('cached')?.plan).toEqual({
      nodes: ['Limit (rows≈1, cost 8.44)', 'Index Scan using products_sku_idx on products (rows≈1, cost 8.44, cond: (sku = $1))'],
      nodeTypes: ['Limit', 'Index Scan'],
      relations: ['products'],
      indexes: ['products_sku_idx'],
      totalCost: 8.44,
      cached: true,
    });
  });

  it('gives why the EXPLAIN failed, ignores links into other traces, and null without evidence', () => {
    expect(evidence('failed')).toEqual({ planError: 'canceling statement due to statement timeout' });
    expect(evidence('stray')?.evidenceFor).toBeUndefined();
    expect(evidence('plain')).toBeNull();
    expect(evidence('req')).toBeNull();
  });
});
