// The same words the CLI prints: 850 ms, 1.25 s, 91%.
export { formatMs } from '@tracecart/units';

/**
 * A formatter for one table column of milliseconds: every figure gets the decimals the column's
 * largest needs (0 from 100 ms, 1 from 10 ms, else 2) and stays in ms, so figures line up.
 */
export function msColumn(values: Array<number | null | undefined>): (ms: number | null | undefined, signed?: boolean) => string {
  const largest = Math.max(0, ...values.map((v) => (v === null || v === undefined || !Number.isFinite(v) ? 0 : Math.abs(v))));
  const decimals = largest >= 100 ? 0 : largest >= 10 ? 1 : 2;
  return (ms, signed = false) => {
    if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
    return `${signed && ms > 0 ? '+' : ''}${ms.toFixed(decimals)} ms`;
  };
}

/** A ratio as ×0.12, or – when there is none. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '–';
  return `×${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}`;
}

/** Clock time of an ISO timestamp, to the second. */
export function formatClock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour12: false });
}

/** The first 8 hex digits of a trace id: enough to tell traces apart on screen. */
export function shortId(traceId: string): string {
  return traceId.slice(0, 8);
}
