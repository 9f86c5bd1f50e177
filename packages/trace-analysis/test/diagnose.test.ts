import { diagnose } from '../src';
import { buildCheckoutTrace, SQL } from './helpers/checkout-trace';
import { idOf, TRACE_ID } from './helpers/span-builder';

describe('diagnose', () => {
  it('returns summary, critical path, contributors, N+1 findings and verdict for one checkout', () => {
    const d = diagnose({ result: buildCheckoutTrace({ reserveMs: 1 }) });
    expect(d.summary).toMatchObject({
      traceId: TRACE_ID,
      services: ['gateway', 'inventory', 'order'],
      rootSpanId: idOf('gw'),
      rootService: 'gateway',
      rootName: 'POST /api/checkout',
      durationMs: 99.23,
      errorSpanCount: 0,
      orphanSpanIds: [],
    });
    expect(d.criticalPath.totalMs).toBe(99.23);
    expect(d.criticalPath.segments[0]).toEqual({ spanId: idOf('gw'), startMs: 0, endMs: 0.5 });
    expect(d.criticalPath.spans[0]).toMatchObject({ service: 'inventory', criticalMs: 30 });
    expect(d.contributors[0]).toMatchObject({ statement: SQL.lookup, criticalMs: 90, spanCount: 3 });
    expect(d.nPlusOne.map((f) => [f.kind, f.count, f.parentSpanId])).toEqual([
      ['http', 3, idOf('ord')],
      ['statement', 3, idOf('rs')],
    ]);
    expect(d.verdict.ruleId).toBe('seq-scan');
  });

  it('produces plain JSON (the console sends it over HTTP)', () => {
    // Maps, typed arrays, NaN or Infinity would not survive the round trip.
    const d = diagnose(buildCheckoutTrace({}));
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('counts error spans and keeps the summary of a failed checkout', () => {
    const d = diagnose(buildCheckoutTrace({ chaosError: true }));
    expect(d.summary.errorSpanCount).toBe(3);
    expect(d.verdict.notes).toHaveLength(1);
  });
});
