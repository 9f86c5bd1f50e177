// The event-loop stalls a span records: real synchronous work inside the span shows as a stall
// of about its length; a span that only waited on a timer shows none of it.
import { pbkdf2Sync } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Span } from '@opentelemetry/api';
import { EVIDENCE } from '@tracecart/contracts';
import { recordEventLoopDelay, trackEventLoopDelay } from '../src/event-loop-delay';

/** A stand-in span that keeps what is set on it. */
function recordingSpan(): { span: Span; attributes: Record<string, unknown> } {
  const attributes: Record<string, unknown> = {};
  const span = { setAttributes: (a: Record<string, unknown>) => Object.assign(attributes, a) } as unknown as Span;
  return { span, attributes };
}

// Synchronous CPU work of at least `ms`, timed by the work itself, never by a sleep.
function blockFor(ms: number): number {
  const start = performance.now();
  while (performance.now() - start < ms) pbkdf2Sync('x', 'salt', 1000, 32, 'sha256');
  return performance.now() - start;
}

describe('event-loop delay on a span', () => {
  it('records the synchronous work that held the loop while the span ran, even as it ends', async () => {
    const { span, attributes } = recordingSpan();
    trackEventLoopDelay(span);
    await sleep(20); // the sampler ticks freely first
    const blockedMs = blockFor(30);
    recordEventLoopDelay(span);
    const max = attributes[EVIDENCE.ATTR_EVENT_LOOP_DELAY_MAX] as number;
    const total = attributes[EVIDENCE.ATTR_EVENT_LOOP_DELAY_TOTAL] as number;
    // The tick can have come up to one interval before the work began.
    expect(max).toBeGreaterThan(blockedMs - 10);
    expect(total).toBeGreaterThanOrEqual(max);
  });

  it('records no stall from synchronous work that ended before the span started', async () => {
    const { span: before } = recordingSpan();
    trackEventLoopDelay(before);
    blockFor(30);
    await sleep(30); // the sampler notes that stall, then ticks on
    const { span, attributes } = recordingSpan();
    trackEventLoopDelay(span);
    await sleep(20);
    recordEventLoopDelay(span);
    expect(attributes[EVIDENCE.ATTR_EVENT_LOOP_DELAY_MAX]).toBeLessThan(25);
  });

  it('leaves a span it never tracked alone', () => {
    const { span, attributes } = recordingSpan();
    recordEventLoopDelay(span);
    expect(attributes).toEqual({});
  });
});
