import type { RunContext } from './types';

/** One setting of two runs side by side; a null value means that run's settings are unknown. */
export interface SettingDifference {
  name: string;
  before: string | null;
  after: string | null;
  differs: boolean;
}

/** The settings of two runs compared, name by name, with which side's settings are unknown. */
export interface ContextComparison {
  rows: SettingDifference[];
  /** Names whose values differ between two known sides. */
  differing: string[];
  unknown: Array<'before' | 'after'>;
}

/** Names whose values differ between two settings records (a name missing on one side differs). */
export function changedSettings(a: Record<string, string>, b: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names.filter((name) => a[name] !== b[name]).sort();
}

/** The context with the settings read at the end; names changed at any read so far are kept. */
export function recordSettingsAtEnd(context: RunContext, atEnd: Record<string, string> | null, seenChanged: readonly string[] = []): RunContext {
  const changed = new Set([...context.changedDuringRun, ...seenChanged]);
  if (context.settings && atEnd) for (const name of changedSettings(context.settings, atEnd)) changed.add(name);
  return { ...context, settingsAtEnd: atEnd, changedDuringRun: [...changed].sort() };
}

/** Compares the start settings of two runs; reports without a context count as unknown. */
export function compareContexts(before: RunContext | undefined, after: RunContext | undefined): ContextComparison {
  const a = before?.settings ?? null;
  const b = after?.settings ?? null;
  const unknown = [...(a ? [] : ['before' as const]), ...(b ? [] : ['after' as const])];
  const names = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
  const rows = names.map((name) => {
    const x = a ? (a[name] ?? null) : null;
    const y = b ? (b[name] ?? null) : null;
    return { name, before: x, after: y, differs: a !== null && b !== null && x !== y };
  });
  return { rows, differing: rows.filter((r) => r.differs).map((r) => r.name), unknown };
}
