/** How formatMs writes a value. */
export interface MsFormat {
  /** Between the number and its unit: " " ("850 ms", the default) or "" ("850ms", for dense report lines). */
  unitGap?: string;
  /** What stands for no value (null, undefined, NaN, ±Infinity); "–" unless given. */
  missing?: string;
}

/** Milliseconds for people, three significant digits or so: 0.42 ms, 12.3 ms, 245 ms, 1.25 s. */
export function formatMs(ms: number | null | undefined, format: MsFormat = {}): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return format.missing ?? '–';
  const gap = format.unitGap ?? ' ';
  const size = Math.abs(ms);
  if (size >= 1000) return `${(ms / 1000).toFixed(2)}${gap}s`;
  return `${ms.toFixed(size >= 100 ? 0 : size >= 10 ? 1 : 2)}${gap}ms`;
}

/** A 0..1 share as a whole percentage: 0.914 → 91%. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A rate per second for people: 11.8/s, 41.5/s, 164/s, 1,250/s. */
export function formatPerSecond(perSecond: number): string {
  return `${perSecond >= 100 ? Math.round(perSecond).toLocaleString('en-US') : perSecond.toFixed(1)}/s`;
}
