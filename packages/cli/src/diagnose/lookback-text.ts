/** A lookback as people write it: whole hours as `1h`, anything else in minutes (`15m`). */
export function formatLookback(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 60_000)}m`;
}
