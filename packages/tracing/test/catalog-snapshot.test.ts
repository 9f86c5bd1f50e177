import { fingerprintOf, isStale, snapshotOf, stampOf } from '../src/query-plan/catalog-snapshot';
import { relationsRead } from '../src/query-plan/plan-relations';

const before = snapshotOf([
  { relation: 'products', fingerprint: '16400:none' },
  { relation: 'orders', fingerprint: '16410:16415:true:true' },
]);

describe('catalog snapshots of the tables a plan reads', () => {
  it('finds every table of the plan tree, below the top nodes too', () => {
    const deep = { 'Node Type': 'Limit', Plans: [{ 'Node Type': 'Hash Join', Plans: [
      { 'Node Type': 'Seq Scan', 'Relation Name': 'orders' },
      { 'Node Type': 'Hash', Plans: [{ 'Node Type': 'Nested Loop', Plans: [{ 'Node Type': 'Seq Scan', 'Relation Name': 'products' }, { 'Node Type': 'Index Scan', 'Relation Name': 'orders' }] }] },
    ] }] };
    expect(relationsRead(deep)).toEqual(['orders', 'products']);
  });

  it('keeps a plan whose tables kept their indexes, whatever happened to other tables', () => {
    const stamp = stampOf(before, ['products']);
    const after = snapshotOf([{ relation: 'products', fingerprint: '16400:none' }, { relation: 'orders', fingerprint: '16410:none' }]);
    expect(isStale(stamp, after)).toBe(false);
  });

  it('finds a plan stale when an index of its tables appeared, was dropped, or turned valid', () => {
    const stamp = stampOf(before, ['orders', 'products']);
    const changes = ['16400:16420:true:true', '16400:16420:false:true'];
    for (const products of changes) expect(isStale(stamp, snapshotOf([{ relation: 'products', fingerprint: products }, { relation: 'orders', fingerprint: '16410:16415:true:true' }]))).toBe(true);
    expect(isStale(stamp, snapshotOf([{ relation: 'products', fingerprint: '16400:none' }, { relation: 'orders', fingerprint: '16410:none' }]))).toBe(true);
    expect(isStale(stamp, snapshotOf([{ relation: 'products', fingerprint: '16400:none' }]))).toBe(true);
  });

  it('counts a failed snapshot, before the plan or after it, as a change', () => {
    expect(isStale(stampOf(undefined, ['products']), before)).toBe(true);
    expect(isStale(stampOf(before, ['products']), undefined)).toBe(true);
    expect(fingerprintOf(before, ['missing'])).toBe('missing=absent');
  });
});
