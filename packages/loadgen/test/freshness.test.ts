import { compareReports, formatFreshnessObjective, formatReport, formatReportComparison, parseFreshnessObjective } from '../src';
import type { FreshnessMeasured } from '../src';
import { makeReport } from './fixtures/reports';

function measured(overrides: Partial<FreshnessMeasured> = {}): FreshnessMeasured {
  return {
    measured: true,
    objective: 'p99<5s',
    source: 'http://127.0.0.1:8083/metrics',
    fulfilled: 598,
    stillQueued: 2,
    drainWaitMs: 30_000,
    graceMs: 30_000,
    lagMs: { p50: 420, p99: 3100 },
    withinPercent: 99.5,
    withinBoundMs: 5000,
    verdict: 'met',
    ...overrides,
  };
}

describe('parseFreshnessObjective', () => {
  it('reads one percentile and lag, in any duration unit', () => {
    expect(parseFreshnessObjective('p99<5s')).toEqual({ percentile: 99, thresholdMs: 5000 });
    expect(parseFreshnessObjective(' p99.9 < 1500ms ')).toEqual({ percentile: 99.9, thresholdMs: 1500 });
  });

  it('round-trips through formatFreshnessObjective', () => {
    expect(formatFreshnessObjective({ percentile: 99, thresholdMs: 5000 })).toBe('p99<5s');
    expect(formatFreshnessObjective({ percentile: 95, thresholdMs: 1500 })).toBe('p95<1500ms');
    expect(parseFreshnessObjective(formatFreshnessObjective({ percentile: 95, thresholdMs: 1500 }))).toEqual({ percentile: 95, thresholdMs: 1500 });
  });

  it.each([
    ['', 'needs a percentile and a lag'],
    ['p99<5s,p50<1s', 'single percentile'],
    ['success>=99%', 'is not a freshness objective'],
    ['p99>5s', 'is not a freshness objective'],
    ['p100<5s', 'above 0 and below 100'],
    ['p0<5s', 'above 0 and below 100'],
    ['p99<5', 'is not a duration'],
    ['p99<0s', 'longer than zero'],
  ])('refuses %p saying why', (text, why) => {
    expect(() => parseFreshnessObjective(text)).toThrow(RangeError);
    expect(() => parseFreshnessObjective(text)).toThrow(why);
  });
});

describe('formatReport with freshness', () => {
  it('prints no freshness line for a report without it', () => {
    expect(formatReport(makeReport())).not.toContain('freshness');
  });

  it('prints the lag percentiles, what was fulfilled or left queued, and the verdict beside the latency lines', () => {
    const text = formatReport(makeReport({ freshness: measured() }));
    expect(text).toContain('freshness p50 0.42 s  p99 3.1 s  fulfilled 598 (2 still queued after 30 s)  objective p99<5s: met');
    expect(text).toContain('99.50% within objective (read at the 5 s bucket bound; still queued count as late');
    const lines = text.split('\n');
    expect(lines.findIndex((l) => l.startsWith('freshness'))).toBeGreaterThan(lines.findIndex((l) => l.startsWith('latency')));
  });

  it('says when the queue drained and when nothing was fulfilled', () => {
    expect(formatReport(makeReport({ freshness: measured({ stillQueued: 0, drainWaitMs: 1250, verdict: 'missed' }) }))).toContain('(queue drained after 1.25 s)  objective p99<5s: missed');
    const empty = formatReport(makeReport({ freshness: measured({ fulfilled: 0, stillQueued: 0, lagMs: null, verdict: 'no_data' }) }));
    expect(empty).toContain('freshness p50 –  p99 –  fulfilled 0');
    expect(empty).toContain('objective p99<5s: no data');
  });

  it('says why freshness was not measured', () => {
    const freshness = { measured: false as const, objective: 'p99<5s', source: 'http://127.0.0.1:8083/metrics', reason: 'ECONNREFUSED' };
    expect(formatReport(makeReport({ freshness }))).toContain('freshness not measured (ECONNREFUSED)');
  });
});

describe('compareReports with freshness', () => {
  const metricsOf = (rows: ReturnType<typeof compareReports>) => rows.map((r) => r.metric).filter((m) => m.startsWith('freshness'));

  it('adds freshness p50, p99 and the share within objective when both reports measured it', () => {
    const rows = compareReports(makeReport({ freshness: measured() }), makeReport({ freshness: measured({ lagMs: { p50: 210, p99: 6200 }, withinPercent: 97 }) }));
    expect(rows.find((r) => r.metric === 'freshness p99 (s)')).toEqual({ metric: 'freshness p99 (s)', before: 3.1, after: 6.2, ratio: 2 });
    expect(rows.find((r) => r.metric === 'freshness p50 (s)')?.after).toBe(0.21);
    expect(rows.find((r) => r.metric === 'freshness within objective (%)')).toMatchObject({ before: 99.5, after: 97 });
  });

  it('leaves freshness out unless both reports measured it, and the lags out when one fulfilled nothing', () => {
    const notMeasured = { measured: false as const, objective: 'p99<5s', source: 's', reason: 'r' };
    expect(metricsOf(compareReports(makeReport(), makeReport({ freshness: measured() })))).toEqual([]);
    expect(metricsOf(compareReports(makeReport({ freshness: notMeasured }), makeReport({ freshness: measured() })))).toEqual([]);
    expect(metricsOf(compareReports(makeReport({ freshness: measured({ lagMs: null }) }), makeReport({ freshness: measured() })))).toEqual(['freshness within objective (%)']);
  });

  it('prints the freshness verdicts under the table when either report has freshness', () => {
    expect(formatReportComparison(makeReport(), makeReport())).not.toContain('freshness');
    const text = formatReportComparison(makeReport(), makeReport({ freshness: measured({ verdict: 'missed' }) }));
    expect(text).toContain('freshness verdict: absent -> p99<5s missed');
  });
});
