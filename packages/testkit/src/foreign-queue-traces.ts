// Two traces of services the lab has never seen, across a Kafka topic: a checkout that sends a
// message, and its delivery 9 s later, linked (not parented) to the send. The consumer records
// no queue age of its own, so only the link tells how long the message waited.
import type { TracesData } from '@tracecart/otlp';
import { toTracesData, withCrossTraceLink, type SpanSpec } from './span-specs';

/** The producer's trace (shop · POST /checkout, sending at 40–45 ms). */
export const FOREIGN_PRODUCER_TRACE_ID = 'cccccccccccccccccccccccccccccccc';
/** The consumer's trace (shipping · process orders, 9.045–9.105 s: 60 ms of work after a 9 s wait). */
export const FOREIGN_CONSUMER_TRACE_ID = 'dddddddddddddddddddddddddddddddd';

const KAFKA = { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' };

const SPECS: SpanSpec[] = [
  { id: 'req', traceId: FOREIGN_PRODUCER_TRACE_ID, service: 'shop', name: 'POST /checkout', kind: 2, start: 0, end: 50 },
  { id: 'send', traceId: FOREIGN_PRODUCER_TRACE_ID, parent: 'req', service: 'shop', name: 'send orders', kind: 4, start: 40, end: 45, attributes: { ...KAFKA, 'messaging.operation.type': 'send' } },
  { id: 'proc', traceId: FOREIGN_CONSUMER_TRACE_ID, service: 'shipping', name: 'process orders', kind: 5, start: 9_045, end: 9_105, attributes: { ...KAFKA, 'messaging.operation.type': 'process' } },
  { id: 'call', traceId: FOREIGN_CONSUMER_TRACE_ID, parent: 'proc', service: 'shipping', name: 'POST', kind: 3, start: 9_050, end: 9_100 },
];

/** Both traces in one OTLP request, the consumer span linked to the producer span. */
export function foreignQueueTraces(): TracesData {
  return withCrossTraceLink(toTracesData(SPECS), 'proc', FOREIGN_PRODUCER_TRACE_ID, 'send');
}
