import { summarizePlan } from '../src/query-plan/plan-summary';
import { ATTR_PLAN_INDEXES, ATTR_PLAN_JSON, ATTR_PLAN_NODE_TYPES, ATTR_PLAN_NODES, ATTR_PLAN_RELATIONS, ATTR_PLAN_TOTAL_COST } from '../src/query-plan/plan-names';

const explainRows = (plan: object) => [{ 'QUERY PLAN': [{ Plan: plan }] }];

describe('plan summary', () => {
  it('describes the top nodes with their relation, index, estimates and conditions', () => {
    const attributes = summarizePlan(explainRows({
      'Node Type': 'Nested Loop', 'Plan Rows': 10, 'Total Cost': 120.5,
      Plans: [
        { 'Node Type': 'Seq Scan', 'Relation Name': 'orders', 'Plan Rows': 1000000, 'Total Cost': 20834, Filter: '(sku = $1)' },
        { 'Node Type': 'Index Scan', 'Relation Name': 'products', 'Index Name': 'products_sku_idx', 'Plan Rows': 1, 'Total Cost': 8.44, 'Index Cond': '(sku = orders.sku)' },
      ],
    }));
    expect(attributes[ATTR_PLAN_NODES]).toBe(
      'Nested Loop (rows≈10, cost 120.50); Seq Scan on orders (rows≈1000000, cost 20834.00, filter: (sku = $1)); ' +
        'Index Scan using products_sku_idx on products (rows≈1, cost 8.44, cond: (sku = orders.sku))',
    );
    expect(attributes[ATTR_PLAN_NODE_TYPES]).toEqual(['Nested Loop', 'Seq Scan', 'Index Scan']);
    expect(attributes[ATTR_PLAN_RELATIONS]).toEqual(['orders', 'products']);
    expect(attributes[ATTR_PLAN_INDEXES]).toEqual(['products_sku_idx']);
    expect(attributes[ATTR_PLAN_TOTAL_COST]).toBe(120.5);
  });

  it('bounds the nodes and cuts a large plan JSON with a marker', () => {
    const deep = Array.from({ length: 400 }).reduce<object>((child, _, i) => ({ 'Node Type': `Node ${i}`, Filter: 'x'.repeat(20), Plans: [child] }), { 'Node Type': 'Leaf' });
    const attributes = summarizePlan(explainRows(deep));
    expect(attributes[ATTR_PLAN_NODE_TYPES]).toHaveLength(8);
    expect(String(attributes[ATTR_PLAN_JSON])).toHaveLength(4096);
    expect(String(attributes[ATTR_PLAN_JSON]).endsWith('…[plan cut]')).toBe(true);
  });

  it('throws on an answer with no plan, which becomes a plan error event', () => {
    expect(() => summarizePlan([])).toThrow(/no plan/);
  });
});
