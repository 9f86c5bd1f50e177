import type { Contributor, Diagnosis, NPlusOneFinding } from '@tracecart/trace-analysis';
import { formatMs, formatShare } from '@tracecart/units';
import type { BaselineMarks } from './baseline-marks';
import { formatCulpritMark, formatMark, formatOrigin } from './format-baselines';
import { formatTable } from './text-table';

/** The contributors table: share, critical time, spans, (percentile vs recent,) service and what the group does. */
export function contributorLines(contributors: Contributor[], marks?: BaselineMarks): string[] {
  const withMarks = marks !== undefined && marks.origin.kind !== 'none';
  const rows = contributors.map((c) => [
    formatShare(c.share),
    formatMs(c.criticalMs),
    String(c.spanCount),
    ...(withMarks ? [formatMark(marks.contributors.get(c.key))] : []),
    c.service,
    c.statement ?? c.operation,
  ]);
  const columns = [
    { title: 'share', right: true },
    { title: 'critical', right: true },
    { title: 'spans', right: true },
    ...(withMarks ? [{ title: 'vs recent', right: true }] : []),
    { title: 'service' },
    { title: 'operation / statement' },
  ];
  return formatTable(columns, rows);
}

/** One line per N+1 run: its pattern, where it sits, and the time it takes. */
export function nPlusOneLines(findings: NPlusOneFinding[]): string[] {
  if (findings.length === 0) return ['  none'];
  return findings.map((f) => `  ${f.pattern} in ${f.service}, under ${f.parentService} ${f.parentName}: ${formatMs(f.totalMs)}, ${formatShare(f.share)} of the critical path`);
}

function baselineLines(diagnosis: Diagnosis, marks: BaselineMarks | undefined): string[] {
  if (!marks) return [];
  const { culprit } = diagnosis.verdict;
  const culpritLine = culprit && marks.origin.kind !== 'none' ? [formatCulpritMark(culprit, marks.culprit)] : [];
  return [...culpritLine, formatOrigin(marks.origin)];
}

/** The report for one trace, verdict first; with baselines, each group's percentile against its own operation. */
export function formatDiagnosis(diagnosis: Diagnosis, marks?: BaselineMarks): string {
  const { summary, verdict, criticalPath } = diagnosis;
  const lines = [
    verdict.line,
    ...verdict.notes.map((note) => `note: ${note}`),
    `trace ${summary.traceId} · ${summary.rootService ?? '?'} ${summary.rootName ?? '?'} · ${formatMs(summary.durationMs)} · ${summary.spanCount} spans · ${summary.services.join(', ')}`,
    ...baselineLines(diagnosis, marks),
    '',
    `Critical path contributors (path ${formatMs(criticalPath.totalMs)})`,
    ...contributorLines(diagnosis.contributors, marks),
    '',
    'N+1 patterns',
    ...nPlusOneLines(diagnosis.nPlusOne),
  ];
  return lines.join('\n');
}
