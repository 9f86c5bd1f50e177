const UNIT_MS: Readonly<Record<string, number>> = Object.freeze({ ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 });
// A space before the unit is allowed: people type "15 m" as often as "15m".
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;

/** Parses `500ms`, `30s`, `1.5s`, `2m`, `1h` or `2d` into milliseconds; throws RangeError otherwise. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a duration (use e.g. 500ms, 30s, 2m)`);
  const ms = Number(match[1]) * UNIT_MS[match[2]];
  if (!(ms > 0)) throw new RangeError(`"${text}" must be longer than zero`);
  return ms;
}
