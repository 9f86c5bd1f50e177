import { buildTraceTree, decideVerdict, detectNPlusOne, TraceAnalysisError, type SwitchRule } from '../src';
import { buildCheckoutTrace, CHECKOUT_SQL, idOf, toTracesData, type CheckoutTraceOptions, type SpanSpec } from '@tracecart/testkit';

// A table of the caller's own: trace-analysis ships none.
const KEYED_SCAN: SwitchRule = { id: 'keyed-scan', scope: 'culprit', when: { subject: '\\bWHERE\\s+sku\\s*=' }, diagnosis: 'keyed scan', suggestion: 'add an index', switchName: 'index' };

function verdictOf(options: CheckoutTraceOptions, rules?: SwitchRule[]) {
  const [tree] = buildTraceTree(buildCheckoutTrace(options));
  return decideVerdict(tree, { rules });
}

const UPDATE_KEY = `inventory · pg.query:UPDATE tracecart · ${CHECKOUT_SQL.reserve}`;

describe('decideVerdict on checkouts', () => {
  it('names the dominant group and its N+1 pattern, with no switch when given no rules', () => {
    const v = verdictOf({ reserveMs: 1, plans: false });
    expect(v.line).toBe('inventory · SELECT … FROM products WHERE sku = $1 · 3 sequential calls · 91% of critical path · N+1 → one batched call instead of one per item');
    expect(v).toMatchObject({ kind: 'culprit', ruleId: undefined, switchName: undefined, diagnosis: 'N+1', related: [], notes: [] });
    expect(v.culprit).toMatchObject({ source: 'group', service: 'inventory', statement: CHECKOUT_SQL.lookup, criticalMs: 90, spanCount: 3 });
    expect(v.pattern).toEqual({ kind: 'n_plus_one', count: 3, parentSpanId: idOf('ord') });
  });

  it('quotes the plan when the statements carry one, and counts every statement with the same finding', () => {
    const v = verdictOf({ reserveMs: 1 });
    expect(v.line).toBe(
      'inventory · SELECT … FROM products WHERE sku = $1 · Seq Scan on products (filter sku = $1, est. 1 row, cost 20,834) · 3 sequential calls · 91% of critical path (94% with 1 more group the same rule explains) · sequential scan → an index on products serving the filter',
    );
    expect(v.finding).toMatchObject({ kind: 'sequential_scan', details: { relation: 'products', filter: 'sku = $1', node: 'Seq Scan' } });
    expect(v.finding?.spanIds).toEqual(['l0q', 'l1q', 'l2q'].map(idOf));
    expect(v.findings.map((f) => f.kind)).toEqual(['sequential_scan', 'n_plus_one', 'uncached_read']);
    expect(v.related.map((r) => r.key)).toEqual([UPDATE_KEY]);
  });

  it('lists the other groups the culprit’s rule explains', () => {
    const v = verdictOf({ reserveMs: 1 }, [KEYED_SCAN]);
    expect(v.line).toBe('inventory · SELECT … FROM products WHERE sku = $1 · Seq Scan on products (filter sku = $1, est. 1 row, cost 20,834) · 3 sequential calls · 91% of critical path (94% with 1 more group the same rule explains) · keyed scan → add an index');
    expect(v).toMatchObject({ ruleId: 'keyed-scan', switchName: 'index', diagnosis: 'keyed scan', suggestion: 'add an index' });
    expect(v.related.map((r) => r.key)).toEqual([UPDATE_KEY]);
  });

  it('adds up groups one rule explains when neither dominates alone', () => {
    // Lookups and reservations both take 90 ms in a 186.23 ms checkout; alone, each is under half.
    expect(verdictOf({ plans: false }).culprit?.source).toBe('n_plus_one');
    const v = verdictOf({}, [KEYED_SCAN]);
    expect(v.culprit?.share).toBeCloseTo(90 / 186.23, 6);
    expect(v.share).toBeCloseTo(180 / 186.23, 6);
    expect(v.line).toContain('48% of critical path (97% with 1 more group the same rule explains) · keyed scan → add an index');
  });

  it('prefers the groups one rule explains to an N+1 when together they hold more of the path', () => {
    // A cold first checkout: gateway, order and the reservation each work 40 ms on their own, so
    // neither the lookups (3 × 30 ms, the N+1's bulk) nor lookups and reservations (3 × 10 ms)
    // together reach half the path.
    const [tree] = buildTraceTree(buildCheckoutTrace({ lookupMs: 30, reserveMs: 10, coldMs: 40 }));
    const run = detectNPlusOne(tree).find((f) => f.kind === 'http');
    expect(run?.share).toBeGreaterThanOrEqual(0.3);
    const [unplanned] = buildTraceTree(buildCheckoutTrace({ lookupMs: 30, reserveMs: 10, coldMs: 40, plans: false }));
    expect(decideVerdict(unplanned).culprit).toMatchObject({ source: 'n_plus_one', service: 'order' });
    const v = decideVerdict(tree, { rules: [KEYED_SCAN] });
    expect(v.share).toBeLessThan(0.5);
    expect(v.share).toBeGreaterThan(run!.share);
    expect(v.culprit).toMatchObject({ source: 'group', statement: CHECKOUT_SQL.lookup });
    expect(v.pattern).toEqual({ kind: 'n_plus_one', count: 3, parentSpanId: idOf('ord') });
    expect(v.related.map((r) => r.key)).toEqual([UPDATE_KEY]);
  });

  it('calls out an N+1 of fast calls that holds enough of the path', () => {
    const v = verdictOf({ fix: { index: true } });
    expect(v.line).toBe('order · calls inventory GET /products/:sku · 3 sequential calls · 37% of critical path · N+1 → one batched call instead of one per item');
    expect(v.finding).toMatchObject({ kind: 'n_plus_one', details: { count: 3, parent: 'order POST /orders' } });
    expect(v.culprit).toMatchObject({ source: 'n_plus_one', service: 'order', target: 'inventory GET /products/:sku', spanCount: 3 });
    const rules: SwitchRule[] = [{ id: 'calls', scope: 'culprit', when: { pattern: 'n_plus_one', subject: 'GET /products/' }, diagnosis: 'N+1', suggestion: 'batch' }];
    expect(verdictOf({ fix: { index: true } }, rules).ruleId).toBe('calls');
  });

  it('finds no single culprit when everything is fast, and names the largest group', () => {
    const v = verdictOf({ fix: { index: true, batch: true } }, [KEYED_SCAN]);
    expect(v).toMatchObject({ kind: 'no_single_culprit', culprit: undefined, switchName: undefined });
    expect(v.line).toMatch(/^no single culprit · largest: inventory · UPDATE products .* \(19% of critical path\)$/);
  });
});

describe('decideVerdict rule conditions', () => {
  // A shop page whose render holds 90% of the path; `fault.delay` marks a delay injected into it.
  const page = (renderEvents: SpanSpec['events'] = [], rootAttributes: SpanSpec['attributes'] = {}) =>
    buildTraceTree(
      toTracesData([
        { id: 'root', service: 'shop', name: 'GET /cart', kind: 2, start: 0, end: 100, attributes: rootAttributes },
        { id: 'render', parent: 'root', service: 'shop', name: 'render', start: 5, end: 95, events: renderEvents },
      ]),
    )[0];
  const rule = (id: string, when: SwitchRule['when'], scope: SwitchRule['scope'] = 'culprit', switchName = id): SwitchRule => ({ id, scope, when, diagnosis: `${id} seen`, suggestion: `turn ${switchName} off`, switchName });

  it('names a dominant span without a matching rule', () => {
    expect(decideVerdict(page()).line).toBe('shop · render · 1 call · 90% of critical path · no evidence of a cause on its spans');
  });

  it('takes its rules from the table it is given', () => {
    const rules = [rule('slow-render', { subject: '^shop render' })];
    expect(decideVerdict(page(), { rules })).toMatchObject({ ruleId: 'slow-render', switchName: 'slow-render' });
    expect(decideVerdict(page(), { dominantShare: 0.95 }).kind).toBe('no_single_culprit');
  });

  it('maps a finding to a switch only when its details match, and names the finding the rule matched', () => {
    const [tree] = buildTraceTree(buildCheckoutTrace({ reserveMs: 1 }));
    const scanOf = (relation: string) => rule('scan', { finding: 'sequential_scan', details: { relation, filter: '\\bsku\\b' } });
    expect(decideVerdict(tree, { rules: [scanOf('^products$')] })).toMatchObject({ ruleId: 'scan', switchName: 'scan', finding: { kind: 'sequential_scan' } });
    expect(decideVerdict(tree, { rules: [scanOf('^orders$')] })).toMatchObject({ ruleId: undefined, switchName: undefined, diagnosis: 'sequential scan' });
    const loop = rule('loop', { finding: 'n_plus_one' });
    expect(decideVerdict(tree, { rules: [loop] })).toMatchObject({ ruleId: 'loop', finding: { kind: 'n_plus_one' } });
  });

  it('blames an event on the culprit only when the spans carrying it hold most of its time', () => {
    const rules = [rule('delayed', { culpritEvent: 'fault.delay' })];
    expect(decideVerdict(page([{ name: 'fault.delay' }]), { rules }).ruleId).toBe('delayed');
    const onRootOnly = buildTraceTree(toTracesData([{ id: 'root', service: 'shop', name: 'GET /cart', start: 0, end: 100, events: [{ name: 'fault.delay' }] }, { id: 'render', parent: 'root', service: 'shop', name: 'render', start: 5, end: 95 }]))[0];
    expect(decideVerdict(onRootOnly, { rules }).ruleId).toBeUndefined();
  });

  it('adds a note for every matching trace rule, unless the culprit’s rule names the same switch', () => {
    const note = rule('delay-present', { traceEvent: 'fault.delay' }, 'trace', 'delay');
    const other = decideVerdict(page([{ name: 'fault.delay' }]), { rules: [rule('render', { subject: 'render' }), note] });
    expect(other.notes).toEqual(['delay-present seen → turn delay off']);
    expect(other.line.endsWith('render seen → turn render off · delay-present seen → turn delay off')).toBe(true);
    const same = decideVerdict(page([{ name: 'fault.delay' }]), { rules: [rule('delayed', { culpritEvent: 'fault.delay' }, 'culprit', 'delay'), note] });
    expect(same.notes).toEqual([]);
    expect(decideVerdict(page(), { rules: [note] }).notes).toEqual([]);
  });

  it('refuses a rule with a broken regex with a typed error', () => {
    const rules: SwitchRule[] = [{ id: 'bad', scope: 'culprit', when: { subject: '(' }, diagnosis: 'x', suggestion: 'y' }];
    expect(() => decideVerdict(page(), { rules })).toThrow(TraceAnalysisError);
  });

  it('says so when the trace has no measurable duration', () => {
    const [tree] = buildTraceTree(toTracesData([{ id: 'root', start: 1, end: 1 }]));
    expect(decideVerdict(tree)).toMatchObject({ kind: 'no_critical_path', share: 0, line: 'no critical path: the trace has no measurable duration' });
  });
});
