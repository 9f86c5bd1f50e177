// The same words the CLI prints: 850 ms, 1.25 s, 91%.
export { formatMs, formatShare } from '@tracecart/units';

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
