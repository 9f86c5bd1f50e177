// The lab's consumer-lag row: order.placed messages that waited far longer than the fulfilment
// worker took to process them map to fix.consumers; lag on any other queue (a Kafka topic of a
// service that is not the lab) is named but has no switch. During a challenge the row's switch
// gives way to the finding's general advice, like every other row's.
import { buildTraceTree, decideVerdict } from '@tracecart/trace-analysis';
import { toTracesData, type SpanSpec } from '@tracecart/testkit';
import { EVIDENCE, MESSAGING } from '@tracecart/contracts';
import { PROBLEM_FIXES } from '@tracecart/flags';
import { LAB_SWITCH_RULES, withoutFixSuggestion } from '../src';

const CONSUMER = 5;
const CLIENT = 3;

// One delivery of 85 ms after `queueAgeMs` in the queue: four lookups one after another, then a label.
function delivery(options: { queueAgeMs: number; system?: string; destination?: string; service?: string }): SpanSpec[] {
  const service = options.service ?? 'fulfilment';
  const specs: SpanSpec[] = [
    {
      id: 'msg',
      service,
      name: `process ${options.destination ?? MESSAGING.ORDER_PLACED_QUEUE}`,
      kind: CONSUMER,
      start: 0,
      end: 85,
      attributes: {
        [MESSAGING.ATTR_MESSAGING_SYSTEM]: options.system ?? MESSAGING.MESSAGING_SYSTEM,
        [MESSAGING.ATTR_MESSAGING_OPERATION_TYPE]: MESSAGING.MESSAGING_OPERATION_PROCESS,
        [MESSAGING.ATTR_MESSAGING_DESTINATION_NAME]: options.destination ?? MESSAGING.ORDER_PLACED_QUEUE,
        [MESSAGING.ATTR_MESSAGING_MESSAGE_ID]: '42',
        [MESSAGING.ATTR_MESSAGING_CONSUMER_GROUP_NAME]: MESSAGING.FULFILMENT_CONSUMER_GROUP,
        [EVIDENCE.ATTR_MESSAGE_QUEUE_AGE]: options.queueAgeMs,
        [EVIDENCE.ATTR_CONSUMER_CONCURRENCY]: 1,
      },
    },
  ];
  for (let k = 0; k < 4; k++) {
    specs.push({ id: `lk${k}`, parent: 'msg', service, name: 'GET', kind: CLIENT, start: 1 + k * 15, end: 16 + k * 15, attributes: { 'http.request.method': 'GET', 'url.full': `http://127.0.0.1:8082/products/SKU-${k}` } });
  }
  specs.push({ id: 'label', parent: 'msg', service, name: 'POST', kind: CLIENT, start: 61, end: 81, attributes: { 'http.request.method': 'POST', 'url.full': 'http://127.0.0.1:9000/labels' } });
  return specs;
}

const verdictOf = (specs: SpanSpec[]) => decideVerdict(buildTraceTree(toTracesData(specs))[0], { rules: LAB_SWITCH_RULES });

describe('the lab’s consumer-lag row', () => {
  it('suggests fix.consumers for order.placed messages that waited far longer than they took', () => {
    const v = verdictOf(delivery({ queueAgeMs: 12_300 }));
    expect(v).toMatchObject({ ruleId: 'consumer-lag', switchName: 'fix.consumers', diagnosis: 'consumer lag', suggestion: 'try fix.consumers' });
    expect(v.finding).toMatchObject({ kind: 'consumer_lag', details: { destination: 'order.placed', workers: 1 } });
    expect(v.line).toMatch(/^fulfilment · process order\.placed · waited 12\.30 s in order\.placed before 85\.0 ms of processing \(messaging\.message\.queue_age\) · 1 worker drains at most 11\.8\/s · .*consumer lag → try fix\.consumers$/);
    // The evidence is quoted once, whether the rule or the detector named the finding.
    expect(v.line.split('waited 12.30 s').length).toBe(2);
    // The same row the challenge answers with.
    expect(PROBLEM_FIXES['problem.slow-consumer']).toBe(v.switchName);
  });

  it('keeps the processing’s own rule when the message did not wait long', () => {
    const v = verdictOf(delivery({ queueAgeMs: 40 }));
    expect(v.findings.map((f) => f.kind)).not.toContain('consumer_lag');
    expect(v.switchName).not.toBe('fix.consumers');
  });

  it('names lag on another system’s queue without a lab switch', () => {
    const v = verdictOf(delivery({ queueAgeMs: 12_300, system: 'kafka', destination: 'orders', service: 'shipping' }));
    expect(v.finding).toMatchObject({ kind: 'consumer_lag', details: { destination: 'orders' } });
    expect(v.switchName).toBeUndefined();
    expect(v.line).not.toMatch(/fix\.|chaos\./);
  });

  it('gives the finding’s general advice instead of the switch during a challenge', () => {
    const full = verdictOf(delivery({ queueAgeMs: 12_300 }));
    const hidden = withoutFixSuggestion(full);
    expect(hidden).toMatchObject({ finding: full.finding, diagnosis: 'consumer lag', switchName: undefined, suggestion: full.finding!.advice });
    expect(hidden.line).toBe(full.line.replace('try fix.consumers', full.finding!.advice));
    expect(hidden.line).not.toMatch(/fix\./);
  });
});
