// The consumer-lag finding from the evidence alone, on consumer traces shaped the way a queue
// worker records them: a CONSUMER span `process order.placed` at the root of its own trace,
// carrying the messaging semantic-convention attributes and how long its message waited. No
// rules: the verdict names the finding itself, and no `lab.*` name appears anywhere.
import { buildTraceTree, decideVerdict, diagnose } from '../src';
import { EVIDENCE, MESSAGING } from '@tracecart/contracts';
import { idOf, toTracesData, type SpanSpec } from '@tracecart/testkit';
import type { AttributeValue } from '@tracecart/otlp';

const CONSUMER = 5;
const CLIENT = 3;
const INTERNAL = 1;

interface Delivery {
  queueAgeMs?: number;
  workers?: number;
  system?: string;
  destination?: string;
  /** Inventory lookups, one per order line, one after another, each this long. */
  lookups?: number;
  lookupMs?: number;
  /** Extra attributes on the consumer span, e.g. another system's queue-time name. */
  extra?: Record<string, AttributeValue>;
}

// One delivery: the consumer span, then a lookup per line and a carrier-label call.
function delivery(d: Delivery = {}): SpanSpec[] {
  const lookups = d.lookups ?? 4;
  const lookupMs = d.lookupMs ?? 15;
  const attributes: Record<string, AttributeValue> = {
    [MESSAGING.ATTR_MESSAGING_SYSTEM]: d.system ?? MESSAGING.MESSAGING_SYSTEM,
    [MESSAGING.ATTR_MESSAGING_OPERATION_TYPE]: MESSAGING.MESSAGING_OPERATION_PROCESS,
    [MESSAGING.ATTR_MESSAGING_DESTINATION_NAME]: d.destination ?? MESSAGING.ORDER_PLACED_QUEUE,
    [MESSAGING.ATTR_MESSAGING_MESSAGE_ID]: 'msg-1',
    [MESSAGING.ATTR_MESSAGING_CONSUMER_GROUP_NAME]: MESSAGING.FULFILMENT_CONSUMER_GROUP,
    ...(d.queueAgeMs !== undefined ? { [EVIDENCE.ATTR_MESSAGE_QUEUE_AGE]: d.queueAgeMs } : {}),
    ...(d.workers !== undefined ? { [EVIDENCE.ATTR_CONSUMER_CONCURRENCY]: d.workers } : {}),
    ...d.extra,
  };
  const specs: SpanSpec[] = [];
  let t = 1;
  for (let k = 0; k < lookups; k++) {
    specs.push({ id: `lk${k}`, parent: 'msg', service: 'fulfilment', name: 'GET', kind: CLIENT, start: t, end: t + lookupMs, attributes: { 'http.request.method': 'GET', 'url.full': `http://127.0.0.1:8082/stock/SKU-${k}` } });
    t += lookupMs;
  }
  specs.push({ id: 'label', parent: 'msg', service: 'fulfilment', name: 'create carrier label', kind: INTERNAL, start: t, end: t + 20 });
  t += 20;
  specs.unshift({ id: 'msg', service: 'fulfilment', name: MESSAGING.CONSUMER_SPAN_NAME, kind: CONSUMER, start: 0, end: t + 4, attributes });
  return specs;
}

const verdictOf = (specs: SpanSpec[]) => decideVerdict(buildTraceTree(toTracesData(specs))[0]);

describe('consumer_lag', () => {
  it('finds a message that waited 12.3 s before 85 ms of processing, with one worker’s capacity', () => {
    const v = verdictOf(delivery({ queueAgeMs: 12_300, workers: 1 }));
    expect(v.kind).toBe('culprit');
    expect(v.culprit).toMatchObject({ service: 'fulfilment', operation: 'process order.placed', share: 1 });
    expect(v.finding).toMatchObject({
      kind: 'consumer_lag',
      title: 'consumer lag',
      spanIds: [idOf('msg')],
      details: { destination: 'order.placed', queueAgeMs: 12_300, serviceMs: 85, workers: 1, capacityPerSecond: 11.76 },
    });
    expect(v.finding?.evidence).toBe('waited 12.30 s in order.placed before 85.0 ms of processing (messaging.message.queue_age) · 1 worker drains at most 11.8/s');
    expect(v.line).toMatch(/^fulfilment · process order\.placed · waited 12\.30 s in order\.placed before 85\.0 ms of processing \(messaging\.message\.queue_age\) · 1 worker drains at most 11\.8\/s · /);
    expect(v.line).toMatch(/ · consumer lag → messages arrive faster than the consumers finish them: add consumers .*batch the calls/);
    expect(v.switchName).toBeUndefined();
  });

  it('counts every worker, and says so when the span does not', () => {
    const four = verdictOf(delivery({ queueAgeMs: 12_300, workers: 4 }));
    expect(four.finding?.evidence).toContain('4 workers drain at most 47.1/s');
    expect(four.finding?.details).toMatchObject({ workers: 4, capacityPerSecond: 47.06 });
    const unknown = verdictOf(delivery({ queueAgeMs: 12_300 }));
    expect(unknown.finding?.evidence).toContain('workers unknown: 1 worker drains at most 11.8/s');
    expect(unknown.finding?.details).toMatchObject({ workers: 'unknown' });
  });

  it('finds nothing when the wait is short, or not long against the processing', () => {
    // An idle worker's message waits for the next poll: under the floor.
    expect(verdictOf(delivery({ queueAgeMs: 1_500, workers: 1 })).findings.map((f) => f.kind)).not.toContain('consumer_lag');
    // A slow message (3 lookups of 1.2 s) that waited 4 s: not 5 times its processing.
    const slow = verdictOf(delivery({ queueAgeMs: 4_000, workers: 1, lookups: 3, lookupMs: 1_200 }));
    expect(slow.findings.map((f) => f.kind)).not.toContain('consumer_lag');
    expect(verdictOf(delivery({ workers: 1 })).findings.map((f) => f.kind)).toEqual(['n_plus_one']);
  });

  it('names the lag although the trace’s critical path is all fast processing, and points at what took it', () => {
    // Without the wait, the lookups are the culprit: an N+1 of calls.
    const calm = verdictOf(delivery({ queueAgeMs: 200, workers: 1, lookups: 8, lookupMs: 9 }));
    expect(calm.finding?.kind).toBe('n_plus_one');
    const v = verdictOf(delivery({ queueAgeMs: 30_000, workers: 1, lookups: 8, lookupMs: 9 }));
    expect(v.finding?.kind).toBe('consumer_lag');
    expect(v.culprit?.operation).toBe('process order.placed');
    expect(v.findings.map((f) => f.kind)).toEqual(['consumer_lag', 'n_plus_one']);
    expect(v.line).toMatch(/ · each message: fulfilment · calls GET \/stock\/:id × 8 sequential \(N\+1\), 7\d% of critical path · consumer lag → /);
  });

  it('reads no lab.* name: the evidence is the messaging conventions alone', () => {
    const specs = delivery({ queueAgeMs: 12_300, workers: 1 });
    const names = specs.flatMap((s) => [s.name ?? '', ...Object.keys(s.attributes ?? {})]);
    expect(names.filter((n) => n.startsWith('lab.'))).toEqual([]);
    expect(verdictOf(specs).finding?.kind).toBe('consumer_lag');
  });

  it('finds a Kafka consumer’s lag the same way, and reads Sentry’s name for the wait', () => {
    const kafka = verdictOf(delivery({ system: 'kafka', destination: 'orders', queueAgeMs: 9_000, workers: 3 }));
    expect(kafka.finding).toMatchObject({ kind: 'consumer_lag', details: { destination: 'orders', workers: 3 } });
    expect(kafka.line).toContain('waited 9.00 s in orders before 85.0 ms of processing');
    const sentry = verdictOf(delivery({ system: 'kafka', destination: 'orders', extra: { [EVIDENCE.ATTR_MESSAGE_RECEIVE_LATENCY]: 9_000 } }));
    expect(sentry.finding?.evidence).toContain('(messaging.message.receive.latency)');
  });

  it('ignores a queue age on a span that is not a consumer', () => {
    const specs = delivery({ queueAgeMs: 12_300, workers: 1 }).map((s) => (s.id === 'msg' ? { ...s, kind: 2 } : s));
    expect(verdictOf(specs).findings.map((f) => f.kind)).not.toContain('consumer_lag');
  });

  it('is the verdict diagnose reports', () => {
    const d = diagnose(toTracesData(delivery({ queueAgeMs: 12_300, workers: 1 })));
    expect(d.verdict.finding?.kind).toBe('consumer_lag');
    expect(d.criticalPath.totalMs).toBe(85);
  });
});
