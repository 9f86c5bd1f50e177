import { performance } from 'node:perf_hooks';
import type { Span } from '@opentelemetry/api';
import { EVIDENCE } from '@tracecart/contracts';

const { ATTR_EVENT_LOOP_DELAY_MAX, ATTR_EVENT_LOOP_DELAY_TOTAL } = EVIDENCE;

// How often the loop is checked: a stall shows as this tick firing late.
const TICK_MS = 5;
// Lateness below this is timer jitter and ordinary short work (a JSON parse, a minor GC), not a stall.
const STALL_MS = 2;
// Stalls kept to look back over: more than a long request sees even when every tick is late.
const MAX_STALLS = 512;

interface Stall {
  fromMs: number;
  toMs: number;
}

/**
 * Stalls of this process's event loop, from a timer that notes how late it fires: while
 * synchronous work runs, nothing else on the loop can, so a request that started before such
 * work waits it out. `perf_hooks.monitorEventLoopDelay` measures the same but only as a
 * process-wide histogram; a span needs the stalls that overlapped its own time, including one
 * still under way as it ends (the timer cannot have fired yet), which the last tick gives.
 */
class EventLoopStalls {
  private readonly stalls: Stall[] = [];
  private lastTickMs = performance.now();
  private timer: NodeJS.Timeout | undefined;

  /** Starts the timer on first use; it never keeps the process alive. */
  ensureStarted(): void {
    if (this.timer) return;
    this.lastTickMs = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** The longest stall and all stalls added up, overlapping [fromMs, toMs] (performance.now() times). */
  during(fromMs: number, toMs: number): { maxMs: number; totalMs: number } {
    let maxMs = 0;
    let totalMs = 0;
    const pendingMs = toMs - this.lastTickMs - TICK_MS;
    const pending = pendingMs >= STALL_MS ? [{ fromMs: toMs - pendingMs, toMs }] : [];
    for (const stall of [...this.stalls, ...pending]) {
      const overlap = Math.min(stall.toMs, toMs) - Math.max(stall.fromMs, fromMs);
      if (overlap <= 0) continue;
      maxMs = Math.max(maxMs, overlap);
      totalMs += overlap;
    }
    return { maxMs, totalMs };
  }

  private tick(): void {
    const now = performance.now();
    const lateMs = now - this.lastTickMs - TICK_MS;
    if (lateMs >= STALL_MS) {
      this.stalls.push({ fromMs: now - lateMs, toMs: now });
      if (this.stalls.length > MAX_STALLS) this.stalls.shift();
    }
    this.lastTickMs = now;
  }
}

const stalls = new EventLoopStalls();
const startedAt = new WeakMap<Span, number>();

/** Starts watching the event loop for a span that has just started. */
export function trackEventLoopDelay(span: Span): void {
  stalls.ensureStarted();
  startedAt.set(span, performance.now());
}

/**
 * Records on a span about to end how long the event loop was stalled while it ran
 * (`nodejs.eventloop.delay.max` and `.total`, ms); a no-op for a span never tracked.
 */
export function recordEventLoopDelay(span: Span): void {
  const fromMs = startedAt.get(span);
  if (fromMs === undefined) return;
  startedAt.delete(span);
  const { maxMs, totalMs } = stalls.during(fromMs, performance.now());
  span.setAttributes({ [ATTR_EVENT_LOOP_DELAY_MAX]: round(maxMs), [ATTR_EVENT_LOOP_DELAY_TOTAL]: round(totalMs) });
}

const round = (ms: number) => Math.round(ms * 100) / 100;
