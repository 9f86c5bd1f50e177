/** A count or an estimate with thousands separators: `1,000,000`, `20,834`. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
