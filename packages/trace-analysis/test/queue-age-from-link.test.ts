// A consumer that records no queue age of its own (most don't) still shows its wait when the
// trace of its producer is passed beside it: the wait runs from the producer span's end to the
// consumer span's start, across the span link. Foreign shapes only: a Kafka producer and consumer.
import type { TracesData } from '@tracecart/otlp';
import { toTracesData, withCrossTraceLink, type SpanSpec } from '@tracecart/testkit';
import { decideVerdict, diagnose, selectTreeWithLinks } from '../src';

const CHECKOUT = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const DELIVERY = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const [SERVER, CLIENT, PRODUCER, CONSUMER] = [2, 3, 4, 5];
const KAFKA = { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' };

// The producer's trace: a checkout that sends a message at 40–45 ms.
const checkout: SpanSpec[] = [
  { id: 'req', traceId: CHECKOUT, service: 'shop', name: 'POST /checkout', kind: SERVER, start: 0, end: 50 },
  { id: 'send', traceId: CHECKOUT, parent: 'req', service: 'shop', name: 'send orders', kind: PRODUCER, start: 40, end: 45, attributes: { ...KAFKA, 'messaging.operation.type': 'send' } },
];

// The consumer's trace, `waitMs` after the send ended: 60 ms of processing, most of it one call.
function delivery(waitMs: number): SpanSpec[] {
  const start = 45 + waitMs;
  return [
    { id: 'proc', traceId: DELIVERY, service: 'shipping', name: 'process orders', kind: CONSUMER, start, end: start + 60, attributes: { ...KAFKA, 'messaging.operation.type': 'process' } },
    { id: 'call', traceId: DELIVERY, parent: 'proc', service: 'shipping', name: 'POST', kind: CLIENT, start: start + 5, end: start + 55 },
  ];
}

// Both traces in one input, the consumer span linking to the producer span as OTLP carries it.
function input(waitMs: number, withProducer = true): TracesData {
  return withCrossTraceLink(toTracesData([...(withProducer ? checkout : []), ...delivery(waitMs)]), 'proc', CHECKOUT, 'send');
}

describe('queue age read across the link to the producer', () => {
  it('finds consumer lag from the producer span’s end when the consumer records no wait', () => {
    const { verdict } = diagnose(input(9_000), { traceId: DELIVERY });
    expect(verdict.finding).toMatchObject({ kind: 'consumer_lag', details: { destination: 'orders', queueAgeMs: 9_000, workers: 'unknown' } });
    expect(verdict.finding?.evidence).toMatch(/^waited 9\.00 s in orders before 60\.0 ms of processing \(from the end of the linked producer span\)/);
  });

  it('finds none for a short wait, nor without the producer’s trace to read it from', () => {
    expect(diagnose(input(200), { traceId: DELIVERY }).verdict.findings.map((f) => f.kind)).not.toContain('consumer_lag');
    expect(diagnose(input(9_000, false), { traceId: DELIVERY }).verdict.findings.map((f) => f.kind)).not.toContain('consumer_lag');
  });

  it('reads nothing across a link whose producer ended after its consumer began (clocks apart)', () => {
    expect(diagnose(input(-30), { traceId: DELIVERY }).verdict.findings.map((f) => f.kind)).not.toContain('consumer_lag');
  });

  it('fetches the trace a consumer links to, and goes on without it when it cannot be fetched or read', async () => {
    const consumerOnly = input(9_000, false);
    const producer = toTracesData(checkout);
    const asked: string[] = [];
    const tree = await selectTreeWithLinks(consumerOnly, DELIVERY, async (id) => {
      asked.push(id);
      return producer;
    });
    expect(asked).toEqual([CHECKOUT]);
    expect(decideVerdict(tree).finding).toMatchObject({ kind: 'consumer_lag', details: { queueAgeMs: 9_000 } });
    for (const getter of [async () => undefined, async () => ({ resourceSpans: 'not a list' }) as unknown as TracesData, () => Promise.reject(new Error('down'))]) {
      const alone = await selectTreeWithLinks(consumerOnly, DELIVERY, getter);
      expect(alone.traceId).toBe(DELIVERY);
      expect(decideVerdict(alone).findings.map((f) => f.kind)).not.toContain('consumer_lag');
    }
  });
});
