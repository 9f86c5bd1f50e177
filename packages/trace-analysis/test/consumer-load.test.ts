// Little's Law over many consumer traces: the messages' enqueue times (each consumer span's
// start less its queue age) give the arrival rate that no single consumer trace holds.
import { EVIDENCE } from '@tracecart/contracts';
import { toTracesData, type SpanSpec } from '@tracecart/testkit';
import type { AttributeValue } from '@tracecart/otlp';
import { buildTraceTree, consumerLoadOf } from '../src';

const CONSUMER = 5;

// Message i is enqueued at i × gapMs and processed by one worker, one after another, for serviceMs.
function deliveries(count: number, gapMs: number, serviceMs: number, attributes: (i: number) => Record<string, AttributeValue>): SpanSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const enqueued = i * gapMs;
    const start = 1_000 + i * serviceMs;
    return {
      id: `proc${i}`,
      traceId: `${String(i + 1).padStart(2, '0')}`.repeat(16),
      service: 'shipping',
      name: 'process orders',
      kind: CONSUMER,
      start,
      end: start + serviceMs,
      attributes: { [EVIDENCE.ATTR_MESSAGE_QUEUE_AGE]: start - enqueued, ...attributes(i) },
    };
  });
}

describe('consumerLoadOf', () => {
  it('gives λ from the enqueue times, W from the processing, and the workers λ × W needs', () => {
    const trees = buildTraceTree(toTracesData(deliveries(5, 100, 200, () => ({ [EVIDENCE.ATTR_CONSUMER_CONCURRENCY]: 1 }))));
    expect(trees).toHaveLength(5);
    const load = consumerLoadOf(trees);
    expect(load).toMatchObject({ messages: 5, workers: 1 });
    // Five messages over 0.4 s: 10/s; 200 ms each: two workers busy, against one.
    expect(load!.windowSeconds).toBeCloseTo(0.4, 6);
    expect(load!.arrivalPerSecond).toBeCloseTo(10, 6);
    expect(load!.serviceMs).toBeCloseTo(200, 6);
    expect(load!.workersNeeded).toBeCloseTo(2, 6);
  });

  it('takes the most workers any span reports, and none when no span says', () => {
    const reported = consumerLoadOf(buildTraceTree(toTracesData(deliveries(4, 50, 20, (i) => ({ [EVIDENCE.ATTR_CONSUMER_CONCURRENCY]: i === 2 ? 16 : 4 })))));
    expect(reported?.workers).toBe(16);
    expect(consumerLoadOf(buildTraceTree(toTracesData(deliveries(4, 50, 20, () => ({})))))?.workers).toBeUndefined();
  });

  it('says nothing from fewer than three messages, or from messages all enqueued at once', () => {
    expect(consumerLoadOf(buildTraceTree(toTracesData(deliveries(2, 100, 20, () => ({})))))).toBeUndefined();
    expect(consumerLoadOf(buildTraceTree(toTracesData(deliveries(4, 0, 20, () => ({})))))).toBeUndefined();
  });
});
