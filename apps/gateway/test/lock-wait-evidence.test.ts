// Service-level evidence of a row-lock wait: a checkout whose stock reservation waits on another
// transaction's lock of the same SKU shows that wait on its `UPDATE products` span, as recorded by
// the tracing preload and read back from the trace store over Jaeger's /api/v3. The tracing
// package tests the same at statement level; this goes through the real HTTP API of the stack.
import { Client } from 'pg';
import { createJaegerClient, type JaegerClient } from '@tracecart/jaeger-client';
import { findAttribute, serviceNameOf, type OtlpSpan, type TracesData } from '@tracecart/otlp';
import { startTracestore, type TracestoreHandle } from '@tracecart/tracestore';
import { ATTR_WAITS_SUMMARY, ATTR_WAITS_TYPES, SIDE_POOL_APPLICATIONS, WAITS_EVENT, createLogger } from '@tracecart/tracing';
import { CHECKOUT_SQL, createTestDatabase, requestJson, startStack, waitUntil, type Stack, type TestDatabase } from '@tracecart/testkit';

const SKU = 'SKU-0000042';
const RESERVE_SPAN = 'UPDATE products';
// The tracing preload samples a slow statement's waits on a side connection of its own, which
// pg_stat_activity shows under this application name.
const WAIT_SAMPLER_APPLICATION = SIDE_POOL_APPLICATIONS.waits;

/** One span of a fetched trace with the service that recorded it. */
interface TracedSpan {
  service: string;
  span: OtlpSpan;
}

const spansOf = (trace: TracesData): TracedSpan[] =>
  (trace.resourceSpans ?? []).flatMap((rs) =>
    (rs.scopeSpans ?? []).flatMap((ss) => (ss.spans ?? []).map((span) => ({ service: serviceNameOf(rs.resource?.attributes), span }))),
  );

const reservationUpdates = (spans: TracedSpan[]) =>
  spans.filter((s) => s.service === 'inventory' && s.span.name === RESERVE_SPAN && findAttribute(s.span.attributes, 'db.query.text') === CHECKOUT_SQL.reserve);

const waitsEvents = (span: OtlpSpan) => (span.events ?? []).filter((e) => e.name === WAITS_EVENT);

describe('a checkout whose reservation waits on another transaction’s row lock', () => {
  let db: TestDatabase;
  let tracestore: TracestoreHandle;
  let jaeger: JaegerClient;
  let stack: Stack;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 3000 });
    tracestore = await startTracestore({ otlpPort: 0, queryPort: 0, logger: createLogger('tracestore', 'silent') });
    jaeger = createJaegerClient(`http://127.0.0.1:${tracestore.queryPort}`);
    stack = await startStack({ databaseUrl: db.url, otlpEndpoint: `http://127.0.0.1:${tracestore.otlpPort}` });
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    await tracestore?.close();
    await db?.drop();
  });

  const checkout = (customerId: string) =>
    requestJson<{ traceId: string }>(`${stack.gateway.url}/api/checkout`, { body: { customerId, items: [{ sku: SKU, quantity: 1 }] } });

  /** The checkout's trace from the trace store, once its reservation UPDATE and the gateway's root have arrived. */
  async function fetchTrace(traceId: string): Promise<TracedSpan[]> {
    let spans: TracedSpan[] = [];
    await waitUntil(`trace ${traceId} with its reservation in the trace store`, async () => {
      const trace = await jaeger.getTrace(traceId);
      spans = trace ? spansOf(trace) : [];
      return reservationUpdates(spans).length === 1 && spans.some((s) => s.service === 'gateway' && !s.span.parentSpanId);
    });
    return spans;
  }

  /** Waits until the service's UPDATE of SKU is blocked on a lock; answers when it started. */
  async function blockedReservationStart(watcher: Client): Promise<Date> {
    let started: Date | undefined;
    await waitUntil('the checkout’s UPDATE to wait on the row lock', async () => {
      const { rows } = await watcher.query<{ query_start: Date }>(
        "SELECT query_start FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query = $1",
        [CHECKOUT_SQL.reserve],
      );
      started = rows[0]?.query_start;
      return started !== undefined;
    });
    return started!;
  }

  /**
   * Waits until the wait sampler has sampled since `since` and come back for another sample: it
   * asks again only after counting the previous answer, so from then on the span's waits event
   * holds at least one sample of the blocked backend. A condition, not a sleep.
   */
  async function sampledSince(watcher: Client, since: Date): Promise<void> {
    let first: Date | undefined;
    await waitUntil('the wait sampler to sample the blocked UPDATE', async () => {
      const { rows } = await watcher.query<{ query_start: Date }>(
        'SELECT max(query_start) AS query_start FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND query_start > $2',
        [WAIT_SAMPLER_APPLICATION, since],
      );
      const latest = rows[0]?.query_start ?? undefined;
      if (latest && !first) first = latest;
      return latest !== undefined && first !== undefined && latest > first;
    });
  }

  it('records a Lock: wait on the waiting checkout’s UPDATE products span', async () => {
    const holder = new Client({ connectionString: db.url, application_name: 'lock-holder' });
    const watcher = new Client({ connectionString: db.url, application_name: 'lock-watcher' });
    await Promise.all([holder.connect(), watcher.connect()]);
    try {
      const before = await watcher.query<{ on_hand: number }>('SELECT on_hand FROM products WHERE sku = $1', [SKU]);
      // The first checkout's reservation, left open: the same UPDATE inventory runs, row lock held.
      await holder.query('BEGIN');
      expect((await holder.query(CHECKOUT_SQL.reserve, [SKU, 1])).rowCount).toBe(1);

      const waiting = checkout('c-lock-waiter');
      await sampledSince(watcher, await blockedReservationStart(watcher));
      await holder.query('COMMIT');

      const answer = await waiting;
      expect(answer.status).toBe(201);
      const after = await watcher.query<{ on_hand: number }>('SELECT on_hand FROM products WHERE sku = $1', [SKU]);
      expect(after.rows[0].on_hand).toBe(before.rows[0].on_hand - 2);

      const [update] = reservationUpdates(await fetchTrace(answer.body.traceId));
      const [waits] = waitsEvents(update.span);
      expect(findAttribute(waits?.attributes, ATTR_WAITS_SUMMARY)).toEqual(expect.stringContaining('Lock:'));
      expect(findAttribute(waits?.attributes, ATTR_WAITS_TYPES)).toContain('Lock');
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined); // only if the test failed before COMMIT
      await Promise.all([holder.end(), watcher.end()]);
    }
  }, 30_000);

  it('records no wait on the same checkout when nothing holds the row', async () => {
    const answer = await checkout('c-uncontended');
    expect(answer.status).toBe(201);
    const [update] = reservationUpdates(await fetchTrace(answer.body.traceId));
    const summaries = waitsEvents(update.span).map((e) => String(findAttribute(e.attributes, ATTR_WAITS_SUMMARY)));
    expect(summaries.filter((s) => s.includes('Lock:'))).toEqual([]);
  }, 30_000);
});
