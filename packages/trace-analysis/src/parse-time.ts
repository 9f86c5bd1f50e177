import { TraceAnalysisError } from './errors';

/** The second all relative times count from: the first time seen in the input. */
export interface TimeBase {
  seconds: number | undefined;
}

const DECIMAL = /^\d{1,20}$/;
// The numeric twin of DECIMAL's 20 digits: beyond it, arithmetic on the value stops being finite-safe.
const MAX_NUMBER = 1e20;

function invalid(value: unknown, path: string): TraceAnalysisError {
  return new TraceAnalysisError('invalid_span', `not a nanosecond time: ${String(value).slice(0, 40)}`, path);
}

/**
 * Parses an OTLP time (decimal string or number) into nanoseconds since the base second;
 * undefined when absent. 64-bit epoch nanoseconds do not fit a double exactly, so seconds and
 * nanoseconds are split before subtracting: results are exact within about 100 days of the base.
 */
export function parseRelativeNanos(value: unknown, path: string, base: TimeBase): number | undefined {
  if (value === undefined || value === null) return undefined;
  let seconds: number;
  let nanos: number;
  if (typeof value === 'string') {
    if (!DECIMAL.test(value)) throw invalid(value, path);
    seconds = value.length <= 9 ? 0 : Number(value.slice(0, -9));
    nanos = Number(value.length <= 9 ? value : value.slice(-9));
  } else if (typeof value === 'number' && value >= 0 && value < MAX_NUMBER) {
    seconds = Math.floor(value / 1e9);
    nanos = value - seconds * 1e9;
  } else {
    throw invalid(value, path);
  }
  base.seconds ??= seconds;
  return (seconds - base.seconds) * 1e9 + nanos;
}

/** The absolute Unix-nanosecond decimal string of a time given relative to a base second. */
export function formatUnixNano(baseSeconds: number, relativeNs: number): string {
  return (BigInt(baseSeconds) * 1_000_000_000n + BigInt(Math.round(relativeNs))).toString();
}
