import { buildTraceTree, decideVerdict, detectNPlusOne, DEFAULT_SWITCH_RULES, TraceAnalysisError, type SwitchRule, type VerdictOptions } from '../src';
import { buildCheckoutTrace, SQL, type CheckoutOptions } from './helpers/checkout-trace';
import { idOf, toTracesData } from './helpers/span-builder';

function verdictOf(options: CheckoutOptions, verdictOptions?: VerdictOptions) {
  const [tree] = buildTraceTree(buildCheckoutTrace(options));
  return decideVerdict(tree, verdictOptions);
}

const UPDATE_KEY = `inventory · pg.query:UPDATE tracecart · ${SQL.reserve}`;

describe('decideVerdict on tracecart checkouts', () => {
  it('blames the seq-scanning lookup inside the N+1 and suggests the index', () => {
    const v = verdictOf({ reserveMs: 1 });
    expect(v.line).toBe('inventory · SELECT … FROM products WHERE sku = $1 · 3 sequential calls · 91% of critical path (94% with 1 more group) · seq scan → try fix.index');
    expect(v).toMatchObject({ kind: 'culprit', ruleId: 'seq-scan', switchName: 'fix.index', diagnosis: 'seq scan', suggestion: 'try fix.index' });
    expect(v.culprit).toMatchObject({ source: 'group', service: 'inventory', statement: SQL.lookup, criticalMs: 90, spanCount: 3 });
    expect(v.pattern).toEqual({ kind: 'n_plus_one', count: 3, parentSpanId: idOf('ord') });
    expect(v.related.map((r) => r.key)).toEqual([UPDATE_KEY]);
  });

  it('adds up statements the same rule explains when neither dominates alone', () => {
    // Lookups and reservations both seq-scan for 90 ms in a 186.23 ms checkout.
    const v = verdictOf({});
    expect(v.culprit?.share).toBeCloseTo(90 / 186.23, 6);
    expect(v.share).toBeCloseTo(180 / 186.23, 6);
    expect(v.ruleId).toBe('seq-scan');
    expect(v.line).toContain('48% of critical path (97% with 1 more group) · seq scan → try fix.index');
  });

  it('prefers the seq scans inside and after an N+1 to the N+1 when together they hold more of the path', () => {
    // A cold first checkout: gateway, order and the reservation each work 40 ms on their own, so
    // neither the lookups (3 × 30 ms, the N+1's bulk) nor lookups and reservations (3 × 10 ms)
    // together reach half the path. The index speeds up both; batching only the lookups.
    const [tree] = buildTraceTree(buildCheckoutTrace({ lookupMs: 30, reserveMs: 10, coldMs: 40 }));
    const run = detectNPlusOne(tree).find((f) => f.kind === 'http');
    expect(run?.share).toBeGreaterThanOrEqual(0.3);
    const v = decideVerdict(tree);
    expect(v.share).toBeLessThan(0.5);
    expect(v.share).toBeGreaterThan(run!.share);
    expect(v).toMatchObject({ ruleId: 'seq-scan', switchName: 'fix.index' });
    expect(v.culprit).toMatchObject({ source: 'group', statement: SQL.lookup });
    expect(v.pattern).toEqual({ kind: 'n_plus_one', count: 3, parentSpanId: idOf('ord') });
    expect(v.related.map((r) => r.key)).toEqual([UPDATE_KEY]);
  });

  it('calls out the N+1 of inventory calls once the index is on', () => {
    const v = verdictOf({ fix: { index: true } });
    expect(v.line).toBe('order · calls inventory GET /products/:sku · 3 sequential calls · 37% of critical path · N+1 → try fix.batch');
    expect(v.culprit).toMatchObject({ source: 'n_plus_one', service: 'order', target: 'inventory GET /products/:sku', spanCount: 3 });
    expect(v.switchName).toBe('fix.batch');
  });

  it('suggests the cache for slow batched lookups with index and batch on, and explains misses once it is on', () => {
    const uncached = verdictOf({ fix: { index: true, batch: true }, lookupMs: 40, reserveMs: 0.3 });
    expect(uncached).toMatchObject({ ruleId: 'uncached-lookup', switchName: 'fix.cache' });
    expect(uncached.culprit?.statement).toBe(SQL.batch);
    expect(uncached.pattern).toEqual({ kind: 'single', count: 1, parentSpanId: undefined });
    expect(uncached.line).toMatch(/^inventory · SELECT … FROM products WHERE sku = ANY\(\$1\) · 1 call · \d+% of critical path · every lookup hits Postgres → try fix\.cache$/);
    const missed = verdictOf({ fix: { index: true, batch: true, cache: true }, lookupMs: 40, reserveMs: 0.3 });
    expect(missed).toMatchObject({ ruleId: 'cache-miss', switchName: undefined });
  });

  it('finds no single culprit when everything is fast', () => {
    const v = verdictOf({ fix: { index: true, batch: true } });
    expect(v).toMatchObject({ kind: 'no_single_culprit', culprit: undefined, switchName: undefined });
    expect(v.line).toMatch(/^no single culprit · largest: inventory · UPDATE products .* \(19% of critical path\)$/);
  });

  it('blames an injected delay on chaos, not on the component it was injected into', () => {
    const v = verdictOf({ fix: { index: true }, chaosDelayMs: 400 });
    expect(v.line).toBe('inventory · GET /products/:sku · 3 sequential calls · 98% of critical path · injected delay (chaos.latency) → not a real component: turn chaos.latency off');
    expect(v.notes).toEqual([]);
  });

  it('keeps the real culprit when a small injected delay is present, and notes the delay', () => {
    const v = verdictOf({ chaosDelayMs: 20 });
    expect(v.ruleId).toBe('seq-scan');
    expect(v.notes).toEqual(['injected delay (chaos.latency) in this trace → turn chaos.latency off before measuring']);
    expect(v.line.endsWith('seq scan → try fix.index · injected delay (chaos.latency) in this trace → turn chaos.latency off before measuring')).toBe(true);
  });

  it('notes injected errors', () => {
    const v = verdictOf({ chaosError: true });
    expect(v.notes).toEqual(['injected error (chaos.error) → turn chaos.errors off']);
    expect(v.line).toContain('injected error (chaos.error)');
  });
});

describe('decideVerdict rules and edge cases', () => {
  const foreign = toTracesData([
    { id: 'root', service: 'shop', name: 'GET /cart', kind: 2, start: 0, end: 100 },
    { id: 'render', parent: 'root', service: 'shop', name: 'render', start: 5, end: 95 },
  ]);

  it('names a dominant span without a matching rule', () => {
    const [tree] = buildTraceTree(foreign);
    expect(decideVerdict(tree).line).toBe('shop · render · 1 call · 90% of critical path · no matching switch');
  });

  it('takes its rules from the table it is given', () => {
    const [tree] = buildTraceTree(foreign);
    const rules: SwitchRule[] = [{ id: 'slow-render', scope: 'culprit', when: { subject: '^shop render' }, diagnosis: 'slow template', suggestion: 'cache the page', switchName: 'page.cache' }];
    expect(decideVerdict(tree, { rules })).toMatchObject({ ruleId: 'slow-render', switchName: 'page.cache' });
    expect(decideVerdict(tree, { dominantShare: 0.95 }).kind).toBe('no_single_culprit');
  });

  it('refuses a rule with a broken regex with a typed error', () => {
    const [tree] = buildTraceTree(foreign);
    const rules: SwitchRule[] = [{ id: 'bad', scope: 'culprit', when: { subject: '(' }, diagnosis: 'x', suggestion: 'y' }];
    expect(() => decideVerdict(tree, { rules })).toThrow(TraceAnalysisError);
  });

  it('says so when the trace has no measurable duration', () => {
    const [tree] = buildTraceTree(toTracesData([{ id: 'root', start: 1, end: 1 }]));
    expect(decideVerdict(tree)).toMatchObject({ kind: 'no_critical_path', share: 0, line: 'no critical path: the trace has no measurable duration' });
  });

  it('orders the default table so chaos is checked before real components', () => {
    const ids = DEFAULT_SWITCH_RULES.filter((r) => r.scope === 'culprit').map((r) => r.id);
    expect(ids.indexOf('injected-delay')).toBe(0);
    expect(ids.indexOf('seq-scan')).toBeLessThan(ids.indexOf('n-plus-one'));
  });
});
