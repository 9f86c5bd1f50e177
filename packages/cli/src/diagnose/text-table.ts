/** A column: its heading and whether its cells line up on the right (numbers). */
export interface Column {
  title: string;
  right?: boolean;
}

/** Lays out rows under headings, two spaces apart, indented by two; the last column is never padded. */
export function formatTable(columns: Column[], rows: string[][]): string[] {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : columns[i].right ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), ...rows.map(line)];
}

/** Milliseconds for people: 0.42 ms, 12.3 ms, 245 ms, 1.25 s. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '-';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** A 0..1 share as a whole percentage. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
