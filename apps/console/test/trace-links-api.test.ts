// Links across the queue, read through the console's trace API on a lab whose real fulfilment
// consumes the checkouts' order.placed messages: a checkout names the consumer trace that
// processed its message, that trace names the checkout, and a message no consumer has taken
// yet shows as pending until one does.
import { EVIDENCE, MESSAGING } from '@tracecart/contracts';
import { SpanKind } from '@tracecart/otlp';
import {
  FOREIGN_CONSUMER_TRACE_ID,
  FOREIGN_PRODUCER_TRACE_ID,
  foreignQueueTraces,
  requestJson,
  startFulfilmentProcess,
  type ServiceProcess,
} from '@tracecart/testkit';
import type { LabDeadLetters, TraceAnalysis, TraceLinksView, WaterfallRow } from '../src/api-types';
import { startConsoleLab, type ConsoleLab } from './support/console-lab';
import { checkoutThroughConsole, waitForCompleteTrace } from './support/lab-traffic';
import { waitFor } from './support/wait-for';

const get = <T = any>(url: string) => requestJson<T>(url);

function producerRow(analysis: TraceAnalysis): WaterfallRow {
  const row = analysis.rows.find((r) => r.kind === SpanKind.PRODUCER && r.name === MESSAGING.PRODUCER_SPAN_NAME);
  if (!row) throw new Error(`trace ${analysis.traceId} has no ${MESSAGING.PRODUCER_SPAN_NAME} span`);
  return row;
}

describe('links across the queue, with the real fulfilment consuming checkouts', () => {
  let lab: ConsoleLab;
  let url: string;
  let restarted: ServiceProcess | undefined;

  const consumersOf = (traceId: string) =>
    waitFor(`a consumer trace linking to ${traceId}`, async () => {
      const res = await get<TraceLinksView>(`${url}/api/traces/${traceId}/links`);
      expect(res.status).toBe(200);
      return res.body.linkedFrom.length > 0 ? res.body : undefined;
    }, 30_000, 300);

  beforeAll(async () => {
    lab = await startConsoleLab({ catalogSize: 200, fulfilment: true });
    url = lab.console.url;
  }, 90_000);
  afterAll(async () => {
    await restarted?.stop();
    await lab?.stop();
  });

  it("lists the real fulfilment's dead letters through the console: none while every order is fulfilled", async () => {
    const res = await get<LabDeadLetters>(`${url}/api/lab/dead-letters`);
    expect([res.status, res.body]).toEqual([200, { unavailable: null, deadLetters: [] }]);
  });

  it('names the consumer trace under the checkout, and the checkout under the consumer trace', async () => {
    const checkoutId = await checkoutThroughConsole(url, ['SKU-0000011', 'SKU-0000012']);
    const checkout = await waitForCompleteTrace(url, checkoutId);
    const producer = producerRow(checkout);
    const links = await consumersOf(checkoutId);
    expect(links).toMatchObject({ linksTo: [], pendingMessageIds: [], unavailable: null });
    expect(links.linkedFrom).toHaveLength(1);
    const consumerId = links.linkedFrom[0].traceId;

    const consumer = (await get<TraceAnalysis>(`${url}/api/diagnose/${consumerId}`)).body;
    const root = consumer.rows.find((row) => row.parentSpanId === null) as WaterfallRow;
    expect(root).toMatchObject({ service: 'fulfilment', name: MESSAGING.CONSUMER_SPAN_NAME, kind: SpanKind.CONSUMER });
    expect(root.attributes[MESSAGING.ATTR_MESSAGING_MESSAGE_ID]).toBe(producer.attributes[MESSAGING.ATTR_MESSAGING_MESSAGE_ID]);
    expect(links.linkedFrom[0].links).toEqual([{ fromSpanId: root.spanId, toSpanId: producer.spanId }]);
    expect(consumer.links).toEqual({ linksTo: [{ traceId: checkoutId, links: [{ fromSpanId: root.spanId, toSpanId: producer.spanId }] }], linkedFrom: [], pendingMessageIds: [], unavailable: null });
    // The consumer's wait in the queue, as the span detail shows it.
    expect(root.evidence?.queueWait).toEqual({ ms: root.attributes[EVIDENCE.ATTR_MESSAGE_QUEUE_AGE], queue: MESSAGING.ORDER_PLACED_QUEUE });
    expect(root.evidence?.queueWait?.ms).toBeGreaterThanOrEqual(0);

    // The same links come with the checkout's diagnosis and with the raw trace.
    expect((await get<TraceAnalysis>(`${url}/api/diagnose/${checkoutId}`)).body.links.linkedFrom).toEqual(links.linkedFrom);
    const raw = await get(`${url}/api/traces/${checkoutId}`);
    expect([raw.status, raw.body.links.linkedFrom]).toEqual([200, links.linkedFrom]);
  }, 60_000);

  it('shows a message no consumer has taken as pending, then the consumer trace once one does', async () => {
    await lab.stack.fulfilment!.stop();
    const checkoutId = await checkoutThroughConsole(url, ['SKU-0000013']);
    const checkout = await waitForCompleteTrace(url, checkoutId);
    const messageId = producerRow(checkout).attributes[MESSAGING.ATTR_MESSAGING_MESSAGE_ID];
    expect(typeof messageId).toBe('string');
    expect(checkout.links).toEqual({ linksTo: [], linkedFrom: [], pendingMessageIds: [messageId], unavailable: null });
    // The message waited in the queue; a fulfilment started again takes it.
    restarted = await startFulfilmentProcess({ common: lab.stack.commonEnv, inventoryUrl: lab.stack.inventory.url, carrierUrl: lab.stack.carrier!.url });
    const links = await consumersOf(checkoutId);
    expect(links.pendingMessageIds).toEqual([]);
    const consumer = (await get<TraceAnalysis>(`${url}/api/diagnose/${links.linkedFrom[0].traceId}`)).body;
    expect(consumer.links.linksTo.map((linked) => linked.traceId)).toEqual([checkoutId]);
  }, 60_000);

  it('reads how long a foreign consumer’s message waited across its link, and names the consumer lag', async () => {
    const sent = await requestJson(`http://127.0.0.1:${lab.tracestore.otlpPort}/v1/traces`, { body: foreignQueueTraces() });
    expect(sent.status).toBe(200);
    const consumer = await waitFor('the foreign consumer trace', async () => {
      const res = await get<TraceAnalysis>(`${url}/api/diagnose/${FOREIGN_CONSUMER_TRACE_ID}`);
      return res.status === 200 ? res.body : undefined;
    });
    const { verdict } = consumer.diagnosis;
    // Its own span holds no queue age: the 9 s come from the end of the producer span it links to.
    expect(verdict.finding?.kind).toBe('consumer_lag');
    expect(verdict.line).toContain('waited 9.00 s in orders before 60.0 ms of processing (from the end of the linked producer span)');
    expect(consumer.links.linksTo.map((linked) => linked.traceId)).toEqual([FOREIGN_PRODUCER_TRACE_ID]);
    // Only the consumer's own spans are in its waterfall.
    expect(new Set(consumer.rows.map((row) => row.service))).toEqual(new Set(['shipping']));
  });

  it("says why there are no dead letters while the lab's fulfilment is down", async () => {
    // The lab's first fulfilment was stopped above; the console still points at its port.
    const res = await get<LabDeadLetters>(`${url}/api/lab/dead-letters`);
    expect(res.status).toBe(200);
    expect(res.body.deadLetters).toEqual([]);
    expect(res.body.unavailable).toContain(`fulfilment at ${lab.stack.fulfilment!.url} did not answer`);
  });
});
