const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

// Fields every pino line carries that the name column already says, or nobody reads live.
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'service', 'name', 'msg']);

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  // An error's stack is noise in a live log: its type and message say what happened.
  if (value && typeof value === 'object' && 'message' in value) return JSON.stringify(String((value as { message: unknown }).message));
  return JSON.stringify(value);
}

/**
 * A pino JSON line as `LEVEL message key=value ...` (trace_id kept, so a line leads to its
 * trace); anything that is not a pino line comes back as it was.
 */
export function formatLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line; // a line that merely starts with a brace
  }
  if (typeof entry.level !== 'number') return line;
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  return [LEVELS[entry.level] ?? String(entry.level), String(entry.msg ?? ''), ...fields].filter(Boolean).join(' ');
}
