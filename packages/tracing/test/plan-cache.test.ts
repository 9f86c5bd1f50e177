import { PlanCache, type PlanOutcome } from '../src/query-plan/plan-cache';

const outcome: PlanOutcome = { event: 'db.query.plan', attributes: {} };

describe('plan cache', () => {
  it('keeps a plan for its period and hands over the outcome once the EXPLAIN answered', async () => {
    const cache = new PlanCache(1000, 10);
    const entry = cache.put('SELECT 1', Promise.resolve(outcome), 0);
    await entry.pending;
    expect(cache.get('SELECT 1', 999)?.outcome).toBe(outcome);
    expect(cache.get('SELECT 1', 1000)).toBeUndefined();
  });

  it('drops the oldest text past its bound and everything on clear', () => {
    const cache = new PlanCache(1000, 2);
    for (const text of ['a', 'b', 'c']) cache.put(text, Promise.resolve(outcome), 0);
    expect(['a', 'b', 'c'].map((t) => cache.get(t, 1) !== undefined)).toEqual([false, true, true]);
    cache.clear();
    expect(cache.get('c', 1)).toBeUndefined();
  });
});
