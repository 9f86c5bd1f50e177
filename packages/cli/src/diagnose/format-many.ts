import type { ConsumerLoad, Diagnosis } from '@tracecart/trace-analysis';
import { formatConsumerLoad } from './format-consumer-load';
import { formatMs, formatShare } from '@tracecart/units';
import type { ManySummary } from './summarize-many';
import { nPlusOneLines } from './format-diagnosis';
import { formatTable } from './text-table';
import type { CulpritMedian } from './culprit-median';
import { formatOrigin, formatPercentile } from './format-baselines';

/** A trace's start as clock time, from the tree's origin (Unix ns). */
function clockOf(startUnixNano: string | undefined): string {
  if (!startUnixNano) return '';
  return new Date(Number(BigInt(startUnixNano) / 1_000_000n)).toISOString().slice(11, 19);
}

/** One diagnosed trace in a `--last` report. */
export interface DiagnosedTrace {
  traceId: string;
  startUnixNano: string | undefined;
  diagnosis: Diagnosis;
}

/** `common culprit vs recent: median p97 over 18 traces · inventory SELECT …`, then where the baselines came from. */
function culpritMedianLines(median: CulpritMedian | undefined): string[] {
  if (!median) return [];
  const { culprit, medianPercentile, marked, origin } = median;
  if (!culprit || origin.kind === 'none') return [formatOrigin(origin)];
  const what = `${culprit.service} ${culprit.statement ?? culprit.target ?? culprit.operation}`;
  const where = medianPercentile === null ? `no recent durations of it` : `median ${formatPercentile(medianPercentile)} over ${marked} trace${marked === 1 ? '' : 's'}`;
  return [`common culprit vs recent: ${where} · ${what}`, formatOrigin(origin)];
}

/** The report for many traces: the most common verdict first, then groups, N+1 patterns and each trace. */
export function formatMany(title: string, summary: ManySummary, traces: DiagnosedTrace[], skipped: string[], culpritMedian?: CulpritMedian, consumerLoad?: ConsumerLoad): string {
  const [top, ...others] = summary.verdicts;
  const groups = summary.contributors.slice(0, 10).map((g) => [
    formatShare(g.share),
    formatMs(g.criticalMsPerTrace),
    g.spansPerTrace.toFixed(1),
    `${g.traces}/${summary.traceCount}`,
    g.service,
    g.statement ?? g.operation,
  ]);
  const patterns = summary.nPlusOne.map((p) => `  up to ${p.maxCount} sequential × ${p.what} in ${p.service}, under ${p.parent}: in ${p.traces} of ${summary.traceCount} traces, ${formatMs(p.meanTotalMs)} each`);
  const lines = [
    `${top.count} of ${summary.traceCount} traces: ${top.line}`,
    ...others.slice(0, 4).map((v) => `${v.count} of ${summary.traceCount} traces: ${v.line}`),
    `${title} · p50 ${formatMs(summary.p50Ms)} · p95 ${formatMs(summary.p95Ms)}`,
    ...culpritMedianLines(culpritMedian),
    ...formatConsumerLoad(consumerLoad),
    '',
    'Critical path contributors, mean per trace',
    ...formatTable(
      [{ title: 'share', right: true }, { title: 'critical', right: true }, { title: 'spans', right: true }, { title: 'traces', right: true }, { title: 'service' }, { title: 'operation / statement' }],
      groups,
    ),
    '',
    'N+1 patterns',
    ...(patterns.length > 0 ? patterns : nPlusOneLines([])),
    '',
    'Traces, newest first',
    ...traces.map((t) => `  ${t.traceId}  ${clockOf(t.startUnixNano)}  ${formatMs(t.diagnosis.summary.durationMs).padStart(8)}  ${t.diagnosis.verdict.line}`),
    ...skipped.map((s) => `  skipped ${s}`),
  ];
  return lines.join('\n');
}
