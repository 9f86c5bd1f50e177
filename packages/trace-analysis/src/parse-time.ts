/** The second all relative times count from: the first time seen in the input. */
export interface TimeBase {
  seconds: number | undefined;
}

/**
 * A decoded OTLP time as nanoseconds since the base second; undefined when unset (0). 64-bit
 * epoch nanoseconds do not fit a double exactly, so seconds and nanoseconds are split before
 * subtracting: results are exact within about 100 days of the base.
 */
export function relativeNanos(unixNano: bigint, base: TimeBase): number | undefined {
  if (unixNano === 0n) return undefined;
  const seconds = Number(unixNano / 1_000_000_000n);
  base.seconds ??= seconds;
  return (seconds - base.seconds) * 1e9 + Number(unixNano % 1_000_000_000n);
}

/** The absolute Unix-nanosecond decimal string of a time given relative to a base second. */
export function formatUnixNano(baseSeconds: number, relativeNs: number): string {
  return (BigInt(baseSeconds) * 1_000_000_000n + BigInt(Math.round(relativeNs))).toString();
}
