import { diagnose, type SwitchRule } from '../src';
import { buildCheckoutTrace, CHECKOUT_SQL, idOf, TRACE_ID } from '@tracecart/testkit';

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
    expect(d.contributors[0]).toMatchObject({ statement: CHECKOUT_SQL.lookup, criticalMs: 90, spanCount: 3 });
    expect(d.nPlusOne.map((f) => [f.kind, f.count, f.parentSpanId])).toEqual([
      ['http', 3, idOf('ord')],
      ['statement', 3, idOf('rs')],
    ]);
    expect(d.verdict).toMatchObject({ kind: 'culprit', ruleId: undefined, culprit: { statement: CHECKOUT_SQL.lookup } });
  });

  it('passes its rules on to the verdict', () => {
    const rules: SwitchRule[] = [{ id: 'slow-lookup', scope: 'culprit', when: { statement: '^SELECT' }, diagnosis: 'slow lookup', suggestion: 'add an index' }];
    expect(diagnose(buildCheckoutTrace({ reserveMs: 1 }), { rules }).verdict.ruleId).toBe('slow-lookup');
  });

  it('produces plain JSON (the console sends it over HTTP)', () => {
    // Maps, typed arrays, NaN or Infinity would not survive the round trip.
    const d = diagnose(buildCheckoutTrace({}));
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('counts error spans and keeps the summary of a failed checkout', () => {
    const d = diagnose(buildCheckoutTrace({ chaosError: true }));
    expect(d.summary.errorSpanCount).toBe(3);
    expect(d.verdict.notes).toEqual([]);
  });
});
