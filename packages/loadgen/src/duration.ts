const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

/** Parses `500ms`, `30s`, `1.5s`, `2m` or `1h` into milliseconds; throws RangeError otherwise. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a duration (use e.g. 500ms, 30s, 2m)`);
  const ms = Number(match[1]) * UNIT_MS[match[2]];
  if (!(ms > 0)) throw new RangeError(`"${text}" must be longer than zero`);
  return ms;
}

/** Formats milliseconds compactly for people: 0.42ms, 12.3ms, 1.25s. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)}s`;
  if (ms >= 100) return `${ms.toFixed(0)}ms`;
  if (ms >= 10) return `${ms.toFixed(1)}ms`;
  return `${ms.toFixed(2)}ms`;
}
