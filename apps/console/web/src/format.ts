/** Milliseconds for people: 0.42 ms, 12.3 ms, 245 ms, 1.25 s. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const size = Math.abs(ms);
  if (size >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (size >= 100) return `${ms.toFixed(0)} ms`;
  if (size >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** A 0..1 share as a whole percentage. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
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
