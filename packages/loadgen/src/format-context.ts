import type { LoadReport } from './types';

/** A run's settings as `name value` pairs on one line. */
export function formatSettings(settings: Record<string, string>): string {
  return Object.entries(settings)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
}

/** The context lines of a report: settings, workload, version, and a warning when settings changed mid-run. */
export function formatContext(report: LoadReport): string[] {
  const context = report.context;
  if (!context) return [];
  const lines = [
    context.settings ? `settings  ${formatSettings(context.settings)}` : `settings  unknown (${context.note ?? 'not read'})`,
    `workload  ${Object.entries(context.workload).map(([k, v]) => `${k} ${v}`).join(', ')}${context.version ? `; ${context.version}` : ''}`,
  ];
  if (context.changedDuringRun.length > 0) lines.push(changedWarning(report));
  return lines;
}

/** The warning for settings that changed while the run went on: its figures mix both states. */
export function changedWarning(report: LoadReport): string {
  const context = report.context;
  const changes = (context?.changedDuringRun ?? []).map((name) => `${name} (${context?.settings?.[name] ?? '?'} -> ${context?.settingsAtEnd?.[name] ?? '?'})`);
  return `warning   ${changes.join(', ')} changed during the run: its figures mix both settings`;
}

/**
 * What "error budget consumed" means in numbers: the run's bad requests (failed, or slower than
 * the objective) as a multiple of what the SLO allows over the same requests.
 */
export function explainBudget(percent: number): string {
  if (!Number.isFinite(percent)) return '(error budget consumed without limit: the SLO allows no bad requests and the run had some)';
  const times = Number((percent / 100).toPrecision(3));
  return `(error budget consumed ${Number(percent.toPrecision(6))}% = ${times}× the bad requests the SLO allows over this run; 100% uses it up exactly)`;
}
