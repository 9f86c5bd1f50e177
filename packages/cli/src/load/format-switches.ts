import { DEFAULT_FLAGS } from '@tracecart/flags';
import { compareContexts, type LoadReport } from '@tracecart/loadgen';
import { formatSwitchValue } from './switch-text';

/** One side of a comparison: the file it came from and its report. */
export interface ComparedRun {
  file: string;
  report: LoadReport;
}

function joinNames(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Why the comparison may not isolate one switch: more than one differs, or one was not named. */
export function differenceWarning(differing: string[], underTest?: string): string | null {
  if (underTest && !differing.includes(underTest)) return `warning: ${underTest} is the same in both runs; the difference is not ${underTest}'s`;
  if (differing.length < 2) return null;
  if (!underTest) return `warning: the runs differ in ${joinNames(differing)}: the difference is not any one switch's alone`;
  const others = differing.filter((name) => name !== underTest);
  return `warning: the runs differ in ${joinNames(others)} as well as ${underTest}: the difference is not ${underTest}'s alone`;
}

/**
 * Switches that are off their default in both runs: the runs agree on them, yet neither is the
 * state the lab starts in, so "before" may not be the problem as it was diagnosed.
 */
export function offDefaultWarning(rows: readonly { name: string; before: string | null; after: string | null }[]): string | null {
  const defaults = DEFAULT_FLAGS as Readonly<Record<string, unknown>>;
  const names = rows
    .filter((row) => row.name in defaults && row.before !== null && row.before === row.after)
    .filter((row) => row.before !== formatSwitchValue(defaults[row.name]))
    .map((row) => `${row.name} (${row.before})`);
  if (names.length === 0) return null;
  return `warning: both runs had ${joinNames(names)}, not the defaults: neither is the lab's starting state (npm run lab -- flags reset)`;
}

/** Both runs' switches side by side, the differing ones marked, with notes for unknown and changing ones. */
export function formatSwitchComparison(before: ComparedRun, after: ComparedRun, underTest?: string): string[] {
  const result = compareContexts(before.report.context, after.report.context);
  const width = Math.max(8, ...result.rows.map((r) => r.name.length));
  const valueWidth = Math.max(6, ...result.rows.map((r) => (r.before ?? 'unknown').length));
  const lines = result.rows.length > 0 ? [`${'switch'.padEnd(width)}  ${'before'.padEnd(valueWidth)}  after`] : [];
  for (const row of result.rows) {
    const mark = row.differs ? '   <- differs' : '';
    lines.push(`${row.name.padEnd(width)}  ${(row.before ?? 'unknown').padEnd(valueWidth)}  ${row.after ?? 'unknown'}${mark}`);
  }
  for (const side of result.unknown) {
    const run = side === 'before' ? before : after;
    lines.push(`note: ${run.file} records no switches (${run.report.context?.note ?? 'written before lab load recorded them'}): its switches are unknown`);
  }
  for (const run of [before, after]) {
    const changed = run.report.context?.changedDuringRun ?? [];
    if (changed.length > 0) lines.push(`warning: ${joinNames(changed)} changed during the run of ${run.file}: its figures mix both settings`);
  }
  for (const warning of [differenceWarning(result.differing, underTest), offDefaultWarning(result.rows)]) {
    if (warning) lines.push(warning);
  }
  return lines;
}
