import { formatMs } from './duration';
import { explainBudget, formatContext } from './format-context';
import { formatFreshness } from './format-freshness';
import type { LoadReport, ObjectiveResult } from './types';

// Above this share of busy time the generator, not the target, sets part of the measured latency.
const SATURATED = 0.9;

/** The final report as text for people; the JSON form is the report object itself. */
export function formatReport(report: LoadReport): string {
  const { counts, latencyMs: l } = report;
  const lines = [
    `load ${report.factory} -> ${report.target}${report.stoppedEarly ? '  (stopped early)' : ''}`,
    `rate      ${report.targetRate} req/s target, ${report.achievedRate.toFixed(2)} req/s achieved over ${(report.durationMs / 1000).toFixed(1)}s`,
    `requests  ${counts.sent} sent of ${counts.scheduled} scheduled, ${counts.succeeded} ok, ${counts.failed} failed (${formatPercent(report.errorRate * 100)})`,
    `latency   p50 ${formatMs(l.p50)}  p90 ${formatMs(l.p90)}  p95 ${formatMs(l.p95)}  p99 ${formatMs(l.p99)}  p99.9 ${formatMs(l.p999)}  max ${formatMs(l.max)}  mean ${formatMs(l.mean)}`,
  ];
  if (counts.failed > 0) lines.push(`errors    ${formatCounts(report.errorsByCode)}  (by status: ${formatCounts(report.errorsByStatus)})`);
  if (counts.heldBack > 0 || counts.timedOut > 0 || counts.notSent > 0) {
    lines.push(`limits    ${counts.heldBack} held back by max in flight ${report.maxInFlight}, ${counts.timedOut} timed out, ${counts.notSent} never sent`);
  }
  lines.push(`slo       ${report.slo.spec}: ${report.slo.verdict.toUpperCase()}, error budget consumed ${formatPercent(report.slo.budgetConsumedPercent)}`);
  lines.push(`          ${explainBudget(report.slo.budgetConsumedPercent)}`);
  for (const objective of report.slo.objectives) lines.push(`          ${formatObjective(objective)}`);
  if (report.freshness) lines.push(...formatFreshness(report.freshness));
  lines.push(`generator busy ${formatPercent(report.generatorBusy * 100)}, send lag p99 ${formatMs(report.sendLagMs.p99)}, max ${formatMs(report.sendLagMs.max)} (included in latency)`);
  if (report.generatorBusy >= SATURATED) {
    lines.push('warning   the generator was saturated: latencies include its own queueing; lower the rate or trust only relative figures');
  }
  return [...lines, ...formatContext(report)].join('\n');
}

function formatObjective(o: ObjectiveResult): string {
  const observed = o.kind === 'latency' ? formatMs(o.observed) : formatPercent(o.observed);
  return `${o.objective.padEnd(18)} ${o.met ? 'met   ' : 'missed'}  observed ${observed.padEnd(9)} budget consumed ${formatPercent(o.budgetConsumedPercent)}`;
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}

/** Formats a percentage with enough digits to tell 99.9 from 99.95. */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return `${value}%`;
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}%`;
}
