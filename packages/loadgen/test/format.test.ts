import { compareContexts, compareReports, explainBudget, formatComparison, formatReport, formatReportComparison, recordSettingsAtEnd } from '../src';
import type { RunContext } from '../src';
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
    expect(text).toContain('400% = 4× the bad requests the SLO allows over this run');
  });

  it('prints the settings and workload of a report with a context, and warns when a setting changed mid-run', () => {
    const start = context({ 'fix.index': 'off', 'fix.cache': 'off' });
    const plain = formatReport(makeReport({ context: recordSettingsAtEnd(start, { 'fix.index': 'off', 'fix.cache': 'off' }) }));
    expect(plain).toContain('settings  fix.index off, fix.cache off');
    expect(plain).toContain('workload  mix mixed, items 3; lab 0.1.0');
    expect(plain).not.toContain('changed during the run');
    const flipped = formatReport(makeReport({ context: recordSettingsAtEnd(start, { 'fix.index': 'on', 'fix.cache': 'off' }) }));
    expect(flipped).toContain('warning   fix.index (off -> on) changed during the run');
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
    expect(text).toMatch(/p99 \(ms\)\s+900.00\s+90.00\s+0.10x/);
    expect(text).toContain('SLO verdict: fail -> pass');
    const table = lines.slice(0, lines.indexOf('SLO verdict: fail -> pass'));
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
    expect(formatComparison(compareReports(after, before))).toMatch(/error rate \(%\)\s+0.00\s+0.20\s+-/);
  });

  it('gives every figure of the table the same number of decimals', () => {
    const odd = makeReport({ latencyMs: { ...before.latencyMs, p99: 457.5 }, achievedRate: 28.207 });
    const figures = formatComparison(compareReports(odd, after)).split('\n').slice(1).flatMap((l) => l.split(/\s{2,}/).slice(1));
    expect(figures.length).toBe(33);
    for (const figure of figures) expect(figure).toMatch(/^(-|\d+\.\d{2}x?)$/);
    expect(formatComparison(compareReports(odd, after))).toMatch(/457.50/);
  });

  it('explains each side\'s error budget figure', () => {
    const text = formatReportComparison(makeReport({ slo: { ...before.slo, budgetConsumedPercent: 10_000 } }), after);
    expect(text).toContain('before (error budget consumed 10000% = 100× the bad requests the SLO allows over this run');
    expect(text).toContain('after  (error budget consumed 0% = 0×');
    expect(explainBudget(Infinity)).toContain('allows no bad requests');
  });
});

function context(settings: Record<string, string>): RunContext {
  return { source: 'test', settings, settingsAtEnd: null, changedDuringRun: [], workload: { mix: 'mixed', items: 3 }, version: 'lab 0.1.0' };
}

describe('compareContexts', () => {
  it('marks the settings that differ between two runs', () => {
    const result = compareContexts(context({ a: 'on', b: 'off', c: 'off' }), context({ a: 'off', b: 'off', c: 'on' }));
    expect(result.differing).toEqual(['a', 'c']);
    expect(result.rows).toContainEqual({ name: 'b', before: 'off', after: 'off', differs: false });
    expect(result.unknown).toEqual([]);
  });

  it('treats a run without a context as unknown and marks nothing', () => {
    const result = compareContexts(undefined, context({ a: 'on' }));
    expect(result).toEqual({ rows: [{ name: 'a', before: null, after: 'on', differs: false }], differing: [], unknown: ['before'] });
  });

  it('keeps a setting seen changed between reads even when it is back at its start value at the end', () => {
    const start = context({ a: 'off', b: 'off' });
    expect(recordSettingsAtEnd(start, { a: 'off', b: 'on' }, ['a']).changedDuringRun).toEqual(['a', 'b']);
  });
});
