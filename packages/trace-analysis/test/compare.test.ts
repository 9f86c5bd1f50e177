import { compare } from '../src';
import { buildCheckoutTrace, CHECKOUT_SQL, toTracesData } from '@tracecart/testkit';

const traceId = (n: number) => n.toString(16).padStart(32, '0');
const roots = (durations: number[], offset: number) => toTracesData(durations.map((d, i) => ({ id: 'root', name: 'GET /x', start: 0, end: d, traceId: traceId(offset + i) })));

describe('compare', () => {
  it('reports nearest-rank p50/p95 of trace durations per set, with ratios', () => {
    const c = compare(roots([40, 10, 100, 30, 20], 1), roots([10, 5, 20, 5, 10], 100));
    expect(c.before).toEqual({ traceCount: 5, p50Ms: 30, p95Ms: 100 });
    expect(c.after).toEqual({ traceCount: 5, p50Ms: 10, p95Ms: 20 });
    expect(c.p50Ratio).toBeCloseTo(1 / 3, 10);
    expect(c.p95Ratio).toBe(0.2);
  });

  it('shows per-group deltas of critical ms and span counts per trace between fix settings', () => {
    const before = [1, 2].map((n) => buildCheckoutTrace({ traceId: traceId(n) }));
    const after = [3, 4, 5].map((n) => ({ result: buildCheckoutTrace({ traceId: traceId(n), fix: { index: true } }) }));
    const c = compare(before, after);
    expect(c.before.traceCount).toBe(2);
    expect(c.after.traceCount).toBe(3);
    expect(c.p50Ratio).toBeCloseTo(8.63 / 186.23, 6);
    const [first, second] = c.groups;
    expect(first).toEqual({
      key: `inventory · pg.query:SELECT tracecart · ${CHECKOUT_SQL.lookup}`,
      service: 'inventory',
      operation: 'pg.query:SELECT tracecart',
      statement: CHECKOUT_SQL.lookup,
      before: { criticalMsPerTrace: 90, spansPerTrace: 3, traceCount: 2 },
      after: { criticalMsPerTrace: 1.2, spansPerTrace: 3, traceCount: 3 },
      deltaCriticalMsPerTrace: -88.8,
      criticalRatio: 1.2 / 90,
    });
    expect(second.statement).toBe(CHECKOUT_SQL.reserve);
    expect(second.deltaCriticalMsPerTrace).toBe(-88.8);
  });

  it('handles groups that exist on one side only and empty sets', () => {
    const c = compare(buildCheckoutTrace({ fix: { index: true } }), buildCheckoutTrace({ fix: { index: true, cache: true } }));
    // Only the cache lookups and their Redis reads are new: one each per line item.
    const added = c.groups.filter((g) => g.before.traceCount === 0);
    expect(added.map((g) => g.operation).sort()).toEqual(['get', 'lab.cache.lookup']);
    const cache = added.find((g) => g.operation === 'lab.cache.lookup')!;
    expect(cache.before).toEqual({ criticalMsPerTrace: 0, spansPerTrace: 0, traceCount: 0 });
    expect(cache.after.spansPerTrace).toBe(3);
    expect(cache.criticalRatio).toBeNull();
    const empty = compare({ resourceSpans: [] }, []);
    expect(empty).toEqual({ before: { traceCount: 0, p50Ms: null, p95Ms: null }, after: { traceCount: 0, p50Ms: null, p95Ms: null }, p50Ratio: null, p95Ratio: null, groups: [] });
  });
});
