// Parsers for the value formats Jaeger's Go query gateway accepts, so the stand-in takes (and
// refuses) the same strings. Error messages follow Go's wording closely but not exactly.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an RFC 3339 time with optional fraction (Go's time.RFC3339Nano) into Unix nanoseconds. */
export function parseRfc3339Nanos(text: string): bigint {
  const m = RFC3339.exec(text);
  const [year, month, day, hour, minute, second] = (m?.slice(1, 7) ?? []).map(Number);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw new Error(`parsing time "${text}" as "2006-01-02T15:04:05.999999999Z07:00": not an RFC 3339 time`);
  }
  const offsetMinutes = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  const fraction = BigInt((m[7] ?? '').padEnd(9, '0'));
  return BigInt(ms) * 1_000_000n + fraction;
}

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** Parses a Go duration ("150ms", "1.5s", "1h2m", "0") into nanoseconds. */
export function parseGoDurationNanos(text: string): number {
  if (text === '0' || text === '+0' || text === '-0') return 0;
  if (!DURATION.test(text)) throw new Error(`time: invalid duration "${text}"`);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(DURATION_PART)) total += Number(amount) * DURATION_UNITS[unit];
  return text.startsWith('-') ? -total : total;
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Parses a boolean like Go's strconv.ParseBool; undefined when it is not one. */
export function parseGoBool(text: string): boolean | undefined {
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return undefined;
}

/** Parses an integer like Go's strconv.Atoi. */
export function parseGoInt(text: string): number {
  if (!/^[-+]?\d{1,15}$/.test(text)) throw new Error(`strconv.Atoi: parsing "${text}": invalid syntax`);
  return Number(text);
}
