/** Nanoseconds to milliseconds, rounded to the microsecond (reports need no finer grain). */
export function toMs(ns: number): number {
  return Math.round(ns / 1e3) / 1e3;
}

/** part over whole, 0 when the whole is empty. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** Milliseconds rounded to the microsecond. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1e3) / 1e3;
}
