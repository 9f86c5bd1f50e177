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
