import type { ComparisonRow, LoadReport } from './types';

const METRICS: Array<[string, (r: LoadReport) => number]> = [
  ['target rate (req/s)', (r) => r.targetRate],
  ['achieved rate (req/s)', (r) => r.achievedRate],
  ['p50 (ms)', (r) => r.latencyMs.p50],
  ['p90 (ms)', (r) => r.latencyMs.p90],
  ['p95 (ms)', (r) => r.latencyMs.p95],
  ['p99 (ms)', (r) => r.latencyMs.p99],
  ['p99.9 (ms)', (r) => r.latencyMs.p999],
  ['max (ms)', (r) => r.latencyMs.max],
  ['mean (ms)', (r) => r.latencyMs.mean],
  ['error rate (%)', (r) => r.errorRate * 100],
  ['error budget consumed (%)', (r) => r.slo.budgetConsumedPercent],
];

/** Before/after rows for the headline metrics; ratio = after / before (null when before is 0). */
export function compareReports(before: LoadReport, after: LoadReport): ComparisonRow[] {
  return METRICS.map(([metric, read]) => {
    const a = read(before);
    const b = read(after);
    return { metric, before: a, after: b, ratio: a === 0 ? null : b / a };
  });
}

/** The comparison as an aligned text table, with the SLO verdicts underneath when given. */
export function formatComparison(rows: ComparisonRow[], verdicts?: { before: string; after: string }): string {
  const cells = rows.map((r) => [r.metric, formatNumber(r.before), formatNumber(r.after), r.ratio === null ? '-' : `${r.ratio.toFixed(2)}x`]);
  const table = [['metric', 'before', 'after', 'after/before'], ...cells];
  const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
  const lines = table.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
  if (verdicts) lines.push(`SLO verdict: ${verdicts.before} -> ${verdicts.after}`);
  return lines.join('\n');
}

/** compareReports then formatComparison, with the two SLO verdicts. */
export function formatReportComparison(before: LoadReport, after: LoadReport): string {
  return formatComparison(compareReports(before, after), { before: before.slo.verdict, after: after.slo.verdict });
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3);
}
