import { createLatencyHistogram, evaluateSlo, formatSlo, parseSlo, recordLatencyMs } from '../src';
import type { LatencyHistogram } from '../src';

function histogramOf(groups: Array<[count: number, ms: number]>): LatencyHistogram {
  const histogram = createLatencyHistogram();
  for (const [count, ms] of groups) for (let i = 0; i < count; i++) recordLatencyMs(histogram, ms);
  return histogram;
}

describe('parseSlo', () => {
  it('reads latency objectives and keeps the default availability', () => {
    expect(parseSlo('p99<300ms')).toEqual({ latency: [{ percentile: 99, thresholdMs: 300 }], availabilityPercent: 99.9 });
    expect(parseSlo('p95<250ms').latency).toEqual([{ percentile: 95, thresholdMs: 250 }]);
    expect(parseSlo('p99.9<1s').latency).toEqual([{ percentile: 99.9, thresholdMs: 1000 }]);
  });

  it('reads an availability objective and keeps the default latency', () => {
    expect(parseSlo('success>=99.5%')).toEqual({ latency: [{ percentile: 99, thresholdMs: 300 }], availabilityPercent: 99.5 });
    expect(parseSlo('p90<100ms, availability>=99%').availabilityPercent).toBe(99);
  });

  it('round-trips through formatSlo', () => {
    const spec = parseSlo('p95<250ms,p99.9<1s,success>=99.5%');
    expect(parseSlo(formatSlo(spec))).toEqual(spec);
  });

  it.each(['', 'p99', 'p99>300ms', 'p0<1s', 'p100<1s', 'p99<300', 'success>=100%', 'uptime>=99%'])('refuses %p', (text) => {
    expect(() => parseSlo(text)).toThrow(RangeError);
  });
});

describe('evaluateSlo', () => {
  const spec = parseSlo('p99<300ms,success>=99.9%');

  it('fails p99<300ms when 1.5% of requests are slower, having consumed 150% of the budget', () => {
    const result = evaluateSlo(spec, histogramOf([[985, 100], [15, 400]]), { total: 1000, failed: 0 });
    const [latency, availability] = result.objectives;
    expect(latency).toMatchObject({ kind: 'latency', objective: 'p99<300ms', met: false, badFraction: 0.015, allowedBadFraction: 0.01 });
    expect(latency.observed).toBeCloseTo(400, 0);
    expect(latency.budgetConsumedPercent).toBeCloseTo(150, 6);
    expect(availability).toMatchObject({ met: true, badFraction: 0, budgetConsumedPercent: 0, observed: 100 });
    expect(result).toMatchObject({ verdict: 'fail', budgetConsumedPercent: latency.budgetConsumedPercent, spec: 'p99<300ms,success>=99.9%' });
  });

  it('passes with 0.5% slow requests and 1 error in 1000: half the latency budget, all of the error budget', () => {
    const result = evaluateSlo(spec, histogramOf([[995, 100], [5, 400]]), { total: 1000, failed: 1 });
    const [latency, availability] = result.objectives;
    expect(latency.met).toBe(true);
    expect(latency.observed).toBeCloseTo(100, 0);
    expect(latency.budgetConsumedPercent).toBeCloseTo(50, 6);
    expect(availability).toMatchObject({ met: true, allowedBadFraction: 0.001 });
    expect(availability.budgetConsumedPercent).toBeCloseTo(100, 6);
    expect(result.verdict).toBe('pass');
  });

  it('fails availability at 2 errors in 1000 (200% of the budget) while latency passes', () => {
    const result = evaluateSlo(spec, histogramOf([[1000, 10]]), { total: 1000, failed: 2 });
    expect(result.objectives[0].met).toBe(true);
    expect(result.objectives[1]).toMatchObject({ met: false, observed: 99.8 });
    expect(result.objectives[1].budgetConsumedPercent).toBeCloseTo(200, 6);
    expect(result.verdict).toBe('fail');
  });

  it('judges every latency objective, p95 and p99.9 included', () => {
    const result = evaluateSlo(parseSlo('p95<250ms,p99.9<1s'), histogramOf([[960, 50], [39, 500], [1, 2000]]), { total: 1000, failed: 0 });
    const [p95, p999] = result.objectives;
    expect(p95).toMatchObject({ met: true, badFraction: 0.04 });
    expect(p95.budgetConsumedPercent).toBeCloseTo(80, 6);
    expect(p999).toMatchObject({ met: true, badFraction: 0.001 });
    expect(p999.budgetConsumedPercent).toBeCloseTo(100, 6);
  });

  it('says no_data for an empty run', () => {
    expect(evaluateSlo(spec, createLatencyHistogram(), { total: 0, failed: 0 }).verdict).toBe('no_data');
  });
});
