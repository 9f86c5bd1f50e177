import type { TraceSpan } from './types';

const MS_NS = 1_000_000;

/**
 * How much two spans may seem to overlap when they ran one after the other. OpenTelemetry JS
 * stamps a span's start from Date.now(), whole milliseconds, and its end as that start plus a
 * precise duration: a span can then seem to end up to 1 ms after the next one started. When both
 * starts sit on whole milliseconds that much overlap is clock resolution; otherwise none is.
 */
export function clockSlackNs(a: TraceSpan, b: TraceSpan): number {
  return a.startNs % MS_NS === 0 && b.startNs % MS_NS === 0 ? MS_NS : 0;
}
