/** `the last hour`, `the last 15 minutes`, `the last 2 days`: a search's lookback or a baseline's window in words. */
export function describeLookback(ms: number): string {
  const units: Array<[number, string]> = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second']];
  const [size, unit] = units.find(([size]) => ms >= size && ms % size === 0) ?? [1, 'millisecond'];
  const count = ms / size;
  return count === 1 ? `the last ${unit}` : `the last ${count} ${unit}s`;
}
