import { buildTraceTree, decideVerdict, detectNPlusOne, diagnose } from '@tracecart/trace-analysis';
import { buildCheckoutTrace, CHECKOUT_SQL, idOf, toTracesData, type CheckoutTraceOptions, type SpanSpec } from '@tracecart/testkit';
import { EVIDENCE } from '@tracecart/contracts';
import { LAB_SWITCH_RULES } from '../src';

const rules = LAB_SWITCH_RULES;

function verdictOf(options: CheckoutTraceOptions) {
  const [tree] = buildTraceTree(buildCheckoutTrace(options));
  return decideVerdict(tree, { rules });
}

const UPDATE_KEY = `inventory · pg.query:UPDATE tracecart · ${CHECKOUT_SQL.reserve}`;

describe('the lab switch table on tracecart checkouts', () => {
  it('blames the seq-scanning lookup inside the N+1 and suggests the index', () => {
    const v = verdictOf({ reserveMs: 1 });
    expect(v.line).toBe('inventory · SELECT … FROM products WHERE sku = $1 · Seq Scan on products (filter sku = $1, est. 1 row, cost 20,834) · 3 sequential calls · 91% of critical path (94% with 1 more group the same rule explains) · sequential scan → try fix.index');
    expect(v).toMatchObject({ kind: 'culprit', ruleId: 'seq-scan', switchName: 'fix.index', diagnosis: 'sequential scan', suggestion: 'try fix.index' });
    expect(v.culprit).toMatchObject({ source: 'group', service: 'inventory', statement: CHECKOUT_SQL.lookup, criticalMs: 90, spanCount: 3 });
    expect(v.pattern).toEqual({ kind: 'n_plus_one', count: 3, parentSpanId: idOf('ord') });
    expect(v.related.map((r) => r.key)).toEqual([UPDATE_KEY]);
  });

  it('explains lookups and reservations together: the index fixes both', () => {
    // Lookups and reservations both seq-scan for 90 ms in a 186.23 ms checkout.
    const v = verdictOf({});
    expect(v.share).toBeCloseTo(180 / 186.23, 6);
    expect(v.line).toContain('48% of critical path (97% with 1 more group the same rule explains) · sequential scan → try fix.index');
  });

  it('prefers the index to batching when the seq scans inside and after the N+1 hold more of the path', () => {
    const [tree] = buildTraceTree(buildCheckoutTrace({ lookupMs: 30, reserveMs: 10, coldMs: 40 }));
    const run = detectNPlusOne(tree).find((f) => f.kind === 'http');
    const v = decideVerdict(tree, { rules });
    expect(v.share).toBeGreaterThan(run!.share);
    expect(v).toMatchObject({ ruleId: 'seq-scan', switchName: 'fix.index' });
  });

  it('calls out the N+1 of inventory calls once the index is on', () => {
    const v = verdictOf({ fix: { index: true } });
    expect(v.line).toBe('order · calls inventory GET /products/:sku · 3 sequential calls · 37% of critical path · N+1 → try fix.batch');
    expect(v).toMatchObject({ ruleId: 'n-plus-one', switchName: 'fix.batch' });
  });

  it('suggests the cache for slow batched lookups with index and batch on, and explains misses once it is on', () => {
    const uncached = verdictOf({ fix: { index: true, batch: true }, lookupMs: 40, reserveMs: 0.3 });
    expect(uncached).toMatchObject({ ruleId: 'uncached-lookup', switchName: 'fix.cache' });
    expect(uncached.culprit?.statement).toBe(CHECKOUT_SQL.batch);
    expect(uncached.line).toMatch(/^inventory · SELECT … FROM products WHERE sku = ANY\(\$1\) · no cache read before the read in inventory · 1 call · \d+% of critical path · every lookup hits Postgres → try fix\.cache$/);
    const missed = verdictOf({ fix: { index: true, batch: true, cache: true }, lookupMs: 40, reserveMs: 0.3 });
    expect(missed).toMatchObject({ ruleId: 'cache-miss', switchName: undefined });
    const hit = verdictOf({ fix: { index: true, batch: true, cache: true }, lookupMs: 40, reserveMs: 0.3, cacheHit: true });
    expect(hit.ruleId).toBeUndefined();
  });

  it('names no switch when everything is fast', () => {
    const v = verdictOf({ fix: { index: true, batch: true } });
    expect(v).toMatchObject({ kind: 'no_single_culprit', switchName: undefined, notes: [] });
  });

  it('blames an injected delay on chaos, not on the component it was injected into', () => {
    const v = verdictOf({ fix: { index: true }, chaosDelayMs: 400 });
    expect(v.line).toBe('inventory · GET /products/:sku · lab.chaos.latency (lab.chaos.delay_ms=400) on 1 span · 3 sequential calls · 98% of critical path · injected delay (lab.chaos.latency) → not a real component: turn chaos.latency off');
    expect(v.notes).toEqual([]);
  });

  it('keeps the real culprit when a small injected delay is present, and notes the delay', () => {
    const v = verdictOf({ chaosDelayMs: 20 });
    expect(v.ruleId).toBe('seq-scan');
    expect(v.notes).toEqual(['injected delay (lab.chaos.latency) in this trace → turn chaos.latency off before measuring']);
    expect(v.line.endsWith('sequential scan → try fix.index · injected delay (lab.chaos.latency) in this trace → turn chaos.latency off before measuring')).toBe(true);
  });

  it('notes injected errors', () => {
    const d = diagnose(buildCheckoutTrace({ chaosError: true }), { rules });
    expect(d.verdict.notes).toEqual(['injected error (lab.chaos.error) → turn chaos.errors off']);
    expect(d.verdict.line).toContain('injected error (lab.chaos.error)');
  });

  it('checks chaos before real components, and the index before batching', () => {
    const ids = rules.filter((r) => r.scope === 'culprit').map((r) => r.id);
    expect(ids.indexOf('injected-delay')).toBe(0);
    expect(ids.indexOf('seq-scan')).toBeLessThan(ids.indexOf('n-plus-one'));
  });

  it('suggests fix.offload for a gateway whose event loop a span of synchronous work stalled', () => {
    const loop = (ms: number) => ({ [EVIDENCE.ATTR_EVENT_LOOP_DELAY_MAX]: ms, [EVIDENCE.ATTR_EVENT_LOOP_DELAY_TOTAL]: ms });
    const specs = (service: string): SpanSpec[] => [
      { id: 'req', service, name: 'POST /api/checkout', kind: 2, start: 0, end: 50, attributes: { 'http.route': '/api/checkout', ...loop(40) } },
      { id: 'sign', parent: 'req', service, name: 'sign receipt', kind: 1, start: 8, end: 48, attributes: loop(40) },
    ];
    const gateway = decideVerdict(buildTraceTree(toTracesData(specs('gateway')))[0], { rules });
    expect(gateway).toMatchObject({ ruleId: 'event-loop-block', switchName: 'fix.offload', suggestion: 'try fix.offload' });
    expect(gateway.finding).toMatchObject({ kind: 'event_loop_block', spanIds: [idOf('sign')] });
    const elsewhere = decideVerdict(buildTraceTree(toTracesData(specs('billing')))[0], { rules });
    expect(elsewhere).toMatchObject({ switchName: undefined, finding: { kind: 'event_loop_block' } });
  });
});
