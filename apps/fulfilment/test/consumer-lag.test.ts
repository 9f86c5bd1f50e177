// problem.slow-consumer end to end: one worker taking each order.placed message down the per-line
// path falls behind a burst of checkouts, so the burst's last messages wait seconds in the queue
// while each takes tens of ms to process. Their consumer traces, read back from the trace store
// over Jaeger's /api/v3 and stripped of every attribute the lab writes itself, are diagnosed (as
// `lab diagnose` does, with the lab's switch table) as consumer lag, from the queue age and
// concurrency the consumer span records. With fix.consumers on the same burst leaves no trace
// with that finding, and the orders ship within the 5 s freshness objective.
import { MESSAGING } from '@tracecart/contracts';
import { writeFlag } from '@tracecart/flags';
import { createJaegerClient, splitTracesById, type JaegerClient } from '@tracecart/jaeger-client';
import { LAB_SWITCH_RULES } from '@tracecart/lab-rules';
import type { TracesData } from '@tracecart/otlp';
import { buildTraceTree, consumerLoadOf, diagnose } from '@tracecart/trace-analysis';
import { startTracestore, type TracestoreHandle } from '@tracecart/tracestore';
import { createLogger } from '@tracecart/tracing';
import { createTestDatabase, receivedSpansOf, requestJson, startStack, waitUntil, withoutLabNames, type ReceivedSpan, type Stack, type TestDatabase } from '@tracecart/testkit';
import { workersOf } from './support/worker-gauge';

// Enough checkouts that one worker at tens of ms a message leaves the last ones seconds behind,
// placed in small concurrent groups as a burst of shoppers would.
const BURST = 100;
const GROUP = 10;
// The burst's last messages, those that waited longest behind the one worker.
const LAST = 3;
// The freshness objective: orders shipped within 5 s of their commit, 99% of them.
const { thresholdMs: FRESHNESS_BOUND_MS, percentile: FRESHNESS_PERCENT } = MESSAGING.DEFAULT_FRESHNESS_SLO;

const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

/**
 * A consumer trace whole from every process: the consumer span its one root, every parent
 * present, every HTTP call matched by its callee's server span (the testkit's check wants a
 * server root, as a checkout's trace has).
 */
function isConsumerTraceComplete(spans: ReceivedSpan[]): boolean {
  const ids = new Set(spans.map((s) => s.span.spanId));
  const roots = spans.filter((s) => !s.span.parentSpanId);
  if (roots.length !== 1 || roots[0].span.kind !== CONSUMER) return false;
  if (spans.some((s) => s.span.parentSpanId && !ids.has(s.span.parentSpanId))) return false;
  const serverParents = new Set(spans.filter((s) => s.span.kind === SERVER).map((s) => s.span.parentSpanId));
  return spans.filter((s) => s.span.kind === CLIENT && s.attributes['http.request.method'] !== undefined).every((call) => serverParents.has(call.span.spanId));
}

describe('problem.slow-consumer: consumer lag, named from evidence, and fix.consumers', () => {
  let db: TestDatabase;
  let tracestore: TracestoreHandle;
  let jaeger: JaegerClient;
  let stack: Stack;
  let checkouts = 0;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 200 });
    tracestore = await startTracestore({ otlpPort: 0, queryPort: 0, logger: createLogger('tracestore', 'silent') });
    jaeger = createJaegerClient(`http://127.0.0.1:${tracestore.queryPort}`);
    stack = await startStack({ databaseUrl: db.url, otlpEndpoint: `http://127.0.0.1:${tracestore.otlpPort}`, fulfilment: {} });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    await tracestore?.close();
    await db?.drop();
  });

  async function setFlag(name: string, value: boolean, workers: number): Promise<void> {
    await writeFlag(db.pool, name, value);
    await waitUntil(`${workers} workers`, async () => (await workersOf(stack.fulfilment!.url)) === workers);
  }

  /** One checkout of one to three lines; returns its order id. */
  async function checkout(): Promise<string> {
    const k = checkouts++;
    const items = Array.from({ length: 1 + (k % 3) }, (_, line) => ({ sku: `SKU-${String(1 + ((k * 3 + line) % 200)).padStart(7, '0')}`, quantity: 1 }));
    const res = await requestJson<{ orderId: string }>(`${stack.gateway.url}/api/checkout`, { body: { customerId: `lag-${k}`, items } });
    expect(res.status).toBe(201);
    return res.body.orderId;
  }

  /** The burst, group after group; its order ids once every one has shipped. */
  async function burst(size = BURST): Promise<string[]> {
    const orderIds: string[] = [];
    for (let sent = 0; sent < size; sent += GROUP) orderIds.push(...(await Promise.all(Array.from({ length: Math.min(GROUP, size - sent) }, checkout))));
    await waitUntil(
      'the burst shipped',
      async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM shipments WHERE order_id = ANY($1)', [orderIds])).rows[0].n === orderIds.length,
      90_000,
    );
    return orderIds;
  }

  /** The burst's orders, the last shipped first, each with its time from commit to shipment. */
  async function freshnessOf(orderIds: string[]): Promise<Array<{ orderId: string; lagMs: number }>> {
    const { rows } = await db.pool.query<{ order_id: string; lag_ms: number }>(
      `SELECT s.order_id, extract(epoch FROM s.shipped_at - o.created_at)::float8 * 1000 AS lag_ms
         FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.order_id = ANY($1) ORDER BY s.shipped_at DESC`,
      [orderIds],
    );
    return rows.map((r) => ({ orderId: r.order_id, lagMs: r.lag_ms }));
  }

  /** The consumer trace of an order's message, whole, found by the message id its consumer span records. */
  async function consumerTraceOf(orderId: string): Promise<TracesData> {
    const { rows } = await db.pool.query<{ id: string }>(`SELECT id FROM ${MESSAGING.QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'orderId' = $2`, [MESSAGING.ORDER_PLACED_QUEUE, orderId]);
    const query = { serviceName: 'fulfilment', operationName: MESSAGING.CONSUMER_SPAN_NAME, attributes: { [MESSAGING.ATTR_MESSAGING_MESSAGE_ID]: rows[0].id } };
    let found: TracesData | undefined;
    await waitUntil(`the consumer trace of order ${orderId}`, async () => {
      const [traceId] = splitTracesById(await jaeger.findTraces(query)).keys();
      found = traceId === undefined ? undefined : await jaeger.getTrace(traceId);
      return found !== undefined && isConsumerTraceComplete(receivedSpansOf(found));
    });
    return found as TracesData;
  }

  const verdictOf = (trace: TracesData) => diagnose(withoutLabNames(trace), { rules: LAB_SWITCH_RULES }).verdict;

  it('names consumer lag behind one worker, and no longer once fix.consumers is on; the fixed burst ships fresh', async () => {
    // Opens the services' pooled connections, so the measured bursts show the work, not first connections.
    await burst(GROUP);

    await setFlag('problem.slow-consumer', true, 1);
    const slow = await freshnessOf(await burst());
    const lagging: TracesData[] = [];
    for (const { orderId } of slow.slice(0, LAST)) {
      const trace = withoutLabNames(await consumerTraceOf(orderId));
      lagging.push(trace);
      const verdict = verdictOf(trace);
      expect(verdict.finding?.kind).toBe('consumer_lag');
      expect(verdict.switchName).toBe('fix.consumers');
      expect(verdict.finding?.evidence).toMatch(/^waited .+ in order\.placed before .+ of processing \(messaging\.message\.queue_age\) · 1 worker drains at most /);
    }
    // Little's Law across those traces: the burst's messages arrived faster than one worker finishes them.
    const load = consumerLoadOf(lagging.flatMap((trace) => buildTraceTree(trace)));
    expect(load).toMatchObject({ messages: LAST, workers: 1 });
    expect(load!.workersNeeded).toBeGreaterThan(1);

    await setFlag('fix.consumers', true, 16);
    const fixed = await freshnessOf(await burst());
    for (const { orderId } of fixed) {
      const verdict = verdictOf(await consumerTraceOf(orderId));
      expect(verdict.findings.map((f) => f.kind)).not.toContain('consumer_lag');
    }
    const fresh = fixed.filter((order) => order.lagMs <= FRESHNESS_BOUND_MS);
    expect(fresh.length / fixed.length).toBeGreaterThanOrEqual(FRESHNESS_PERCENT / 100);
  }, 240_000);
});
