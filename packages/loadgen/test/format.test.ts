import { compareReports, formatComparison, formatReport, formatReportComparison } from '../src';
import { makeReport } from './fixtures/reports';

describe('formatReport', () => {
  it('states rates, counts, percentiles, errors and the SLO verdict for people', () => {
    const text = formatReport(makeReport());
    expect(text).toContain('50 req/s target, 49.90 req/s achieved');
    expect(text).toContain('1500 sent of 1500 scheduled, 1497 ok, 3 failed (0.20%)');
    expect(text).toMatch(/p50 120ms\s+p90 400ms\s+p95 600ms\s+p99 900ms\s+p99.9 1.20s\s+max 1.30s/);
    expect(text).toContain('insufficient_stock 3');
    expect(text).toContain('p99<300ms,success>=99.9%: FAIL, error budget consumed 400.0%');
    expect(text).toMatch(/p99<300ms\s+missed\s+observed 900ms\s+budget consumed 400.0%/);
  });

  it('warns when the generator itself was saturated', () => {
    expect(formatReport(makeReport())).not.toContain('saturated');
    expect(formatReport(makeReport({ generatorBusy: 0.97 }))).toContain('the generator was saturated');
  });

  it('leaves out the error line when nothing failed', () => {
    const text = formatReport(makeReport({ counts: { ...makeReport().counts, failed: 0 }, errorsByCode: {} }));
    expect(text).not.toContain('errors ');
  });
});

describe('compareReports', () => {
  const before = makeReport();
  const after = makeReport({
    latencyMs: { p50: 12, p90: 40, p95: 60, p99: 90, p999: 120, max: 130, mean: 20 },
    errorRate: 0,
    slo: { ...before.slo, verdict: 'pass', budgetConsumedPercent: 0 },
  });

  it('gives one row per metric with after/before ratios', () => {
    const rows = compareReports(before, after);
    expect(rows.find((r) => r.metric === 'p99 (ms)')).toEqual({ metric: 'p99 (ms)', before: 900, after: 90, ratio: 0.1 });
    expect(rows.find((r) => r.metric === 'error rate (%)')).toEqual({ metric: 'error rate (%)', before: 0.2, after: 0, ratio: 0 });
    expect(rows.map((r) => r.metric)).toEqual(expect.arrayContaining(['p50 (ms)', 'p95 (ms)', 'p99.9 (ms)', 'achieved rate (req/s)']));
  });

  it('leaves the ratio empty when the before value is zero', () => {
    const rows = compareReports(after, before);
    expect(rows.find((r) => r.metric === 'error rate (%)')?.ratio).toBeNull();
  });

  it('prints an aligned table with the verdicts', () => {
    const text = formatReportComparison(before, after);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^metric\s+before\s+after\s+after\/before$/);
    expect(text).toMatch(/p99 \(ms\)\s+900\s+90\s+0.10x/);
    expect(text).toContain('SLO verdict: fail -> pass');
    const widths = new Set(lines.slice(0, -1).map((l) => l.length));
    expect(widths.size).toBe(1);
    expect(formatComparison(compareReports(after, before))).toMatch(/error rate \(%\)\s+0\s+0.200\s+-/);
  });
});
