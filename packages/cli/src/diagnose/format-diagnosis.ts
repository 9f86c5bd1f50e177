import type { Contributor, Diagnosis, NPlusOneFinding } from '@tracecart/trace-analysis';
import { formatMs, formatShare } from '@tracecart/units';
import { formatTable } from './text-table';

/** The contributors table: share, critical time, spans, service and what the group does. */
export function contributorLines(contributors: Contributor[]): string[] {
  const rows = contributors.map((c) => [formatShare(c.share), formatMs(c.criticalMs), String(c.spanCount), c.service, c.statement ?? c.operation]);
  return formatTable([{ title: 'share', right: true }, { title: 'critical', right: true }, { title: 'spans', right: true }, { title: 'service' }, { title: 'operation / statement' }], rows);
}

/** One line per N+1 run: its pattern, where it sits, and the time it takes. */
export function nPlusOneLines(findings: NPlusOneFinding[]): string[] {
  if (findings.length === 0) return ['  none'];
  return findings.map((f) => `  ${f.pattern} in ${f.service}, under ${f.parentService} ${f.parentName}: ${formatMs(f.totalMs)}, ${formatShare(f.share)} of the critical path`);
}

/** The report for one trace, verdict first. */
export function formatDiagnosis(diagnosis: Diagnosis): string {
  const { summary, verdict, criticalPath } = diagnosis;
  const lines = [
    verdict.line,
    ...verdict.notes.map((note) => `note: ${note}`),
    `trace ${summary.traceId} · ${summary.rootService ?? '?'} ${summary.rootName ?? '?'} · ${formatMs(summary.durationMs)} · ${summary.spanCount} spans · ${summary.services.join(', ')}`,
    '',
    `Critical path contributors (path ${formatMs(criticalPath.totalMs)})`,
    ...contributorLines(diagnosis.contributors),
    '',
    'N+1 patterns',
    ...nPlusOneLines(diagnosis.nPlusOne),
  ];
  return lines.join('\n');
}
