import { explainBudget } from './format-context';
import type { ComparisonRow, FreshnessMeasured, FreshnessResult, LoadReport } from './types';

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

/**
 * Before/after rows for the headline metrics; ratio = after / before (null when before is 0).
 * Freshness rows follow when both reports measured it (and, for the lag percentiles, both fulfilled something).
 */
export function compareReports(before: LoadReport, after: LoadReport): ComparisonRow[] {
  return [...METRICS, ...freshnessMetrics(before, after)].map(([metric, read]) => {
    const a = read(before);
    const b = read(after);
    return { metric, before: a, after: b, ratio: a === 0 ? null : b / a };
  });
}

function freshnessMetrics(before: LoadReport, after: LoadReport): Array<[string, (r: LoadReport) => number]> {
  const b = before.freshness;
  const a = after.freshness;
  if (!b?.measured || !a?.measured) return [];
  const measured = (r: LoadReport) => r.freshness as FreshnessMeasured;
  const within: [string, (r: LoadReport) => number] = ['freshness within objective (%)', (r) => measured(r).withinPercent];
  if (!b.lagMs || !a.lagMs) return [within];
  return [
    ['freshness p50 (s)', (r) => (measured(r).lagMs?.p50 ?? 0) / 1000],
    ['freshness p99 (s)', (r) => (measured(r).lagMs?.p99 ?? 0) / 1000],
    within,
  ];
}

/** The comparison as an aligned text table, with the SLO verdicts underneath when given. */
export function formatComparison(rows: ComparisonRow[], verdicts?: { before: string; after: string }): string {
  const cells = rows.map((r) => [r.metric, formatNumber(r.before), formatNumber(r.after), r.ratio === null ? '-' : `${formatNumber(r.ratio)}x`]);
  const table = [['metric', 'before', 'after', 'after/before'], ...cells];
  const widths = table[0].map((_, col) => Math.max(...table.map((row) => row[col].length)));
  const lines = table.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
  if (verdicts) lines.push(`SLO verdict: ${verdicts.before} -> ${verdicts.after}`);
  return lines.join('\n');
}

/** compareReports then formatComparison, with the two SLO verdicts, the freshness verdicts when either has one, and what the budget figures mean. */
export function formatReportComparison(before: LoadReport, after: LoadReport): string {
  const table = formatComparison(compareReports(before, after), { before: before.slo.verdict, after: after.slo.verdict });
  const budget = [`before ${explainBudget(before.slo.budgetConsumedPercent)}`, `after  ${explainBudget(after.slo.budgetConsumedPercent)}`];
  const freshness = before.freshness || after.freshness ? [`freshness verdict: ${freshnessVerdict(before.freshness)} -> ${freshnessVerdict(after.freshness)}`] : [];
  return [table, ...freshness, ...budget].join('\n');
}

function freshnessVerdict(freshness: FreshnessResult | undefined): string {
  if (!freshness) return 'absent';
  if (!freshness.measured) return 'not measured';
  return `${freshness.objective} ${freshness.verdict}`;
}

// One precision for every figure, so a column reads down without 457.5 sitting next to 28.207;
// two decimals keep sub-millisecond latencies and 0.05% error rates visible.
const DECIMALS = 2;

function formatNumber(value: number): string {
  return Number.isFinite(value) ? value.toFixed(DECIMALS) : String(value);
}
