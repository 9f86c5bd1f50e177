import { startOtlpReceiver, waitUntil, type ReceivedSpan } from '@tracecart/testkit';
import { admin, attribute, planTableName, statements, usePlanTable } from './helpers/plan-table';
import { startTracedFixture } from './helpers/run-fixture';
import { ATTR_CONNECTION_WAIT_TIME, ATTR_WAITS_SAMPLES, ATTR_WAITS_SUMMARY, ATTR_WAITS_TYPES, WAITS_EVENT, WAITS_SPAN_NAME } from '../src/query-plan/wait-names';

const TABLE = planTableName('wait_items');
const UPDATE = `UPDATE ${TABLE} SET note = $2 WHERE sku = $1`;
const FAST = `SELECT sku FROM ${TABLE} WHERE sku = $1`;
const LOCK_HELD_MS = 200;

usePlanTable(TABLE);

/**
 * Two concurrent requests update one row while a connection of the test's own holds that row's
 * lock in an open transaction: the first request's UPDATE blocks on the lock, the second waits
 * for the fixture's single pooled connection. The lock goes once the UPDATE is seen waiting
 * on it, plus a while. Then a fast SELECT. Returns the spans.
 */
async function traceLockedUpdates(env: Record<string, string> = {}): Promise<ReceivedSpan[]> {
  const receiver = await startOtlpReceiver();
  const fixture = await startTracedFixture(receiver, { PLAN_TABLE: TABLE, ...env });
  const locker = admin();
  const watcher = admin();
  let stopped = false;
  try {
    await Promise.all([locker.connect(), watcher.connect()]);
    await locker.query('BEGIN');
    await locker.query(`UPDATE ${TABLE} SET note = 'locked' WHERE sku = 'sku-1'`);
    const requests = [1, 2].map(() => fetch(`http://127.0.0.1:${fixture.port}/waits/update/sku-1`));
    const blocked = async () =>
      (await watcher.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query = $1", [UPDATE])).rowCount === 1;
    await waitUntil('the UPDATE to wait on the row lock', blocked, 10_000, 20);
    await new Promise((resolve) => setTimeout(resolve, LOCK_HELD_MS));
    await locker.query('COMMIT');
    for (const response of await Promise.all(requests)) expect(response.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${fixture.port}/plan/fast/sku-9`)).status).toBe(200);
    // Plans and waits of the last statements may end after their requests answered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fixture.stop();
    stopped = true;
    return receiver.spans();
  } finally {
    await Promise.all([locker.end(), watcher.end()]);
    if (!stopped) await fixture.stop();
    await receiver.close();
  }
}

/** The waits events a statement carries: on its own span, or on a WAITS span linked to it. */
const waitsOf = (spans: ReceivedSpan[], statement: ReceivedSpan) =>
  [statement, ...spans.filter((s) => s.span.name === WAITS_SPAN_NAME && (s.span.links ?? []).some((l) => l.spanId === statement.span.spanId))].flatMap(
    (s) => (s.span.events ?? []).filter((e) => e.name === WAITS_EVENT),
  );
const durationMs = (s: ReceivedSpan) => Number(BigInt(s.span.endTimeUnixNano!) - BigInt(s.span.startTimeUnixNano!)) / 1e6;

describe('wait events of slow statements', () => {
  let spans: ReceivedSpan[];
  beforeAll(async () => {
    spans = await traceLockedUpdates();
  }, 30_000);

  it('records the row-lock wait on the blocked UPDATE span', () => {
    const [blocked] = statements(spans, UPDATE);
    const [waits] = (blocked.span.events ?? []).filter((e) => e.name === WAITS_EVENT);
    expect(attribute(waits, ATTR_WAITS_SUMMARY)?.stringValue).toMatch(/Lock:(transactionid|tuple) ×\d+/);
    expect(attribute(waits, ATTR_WAITS_TYPES)?.arrayValue?.values?.map((v) => v.stringValue)).toContain('Lock');
    expect(Number(attribute(waits, ATTR_WAITS_SAMPLES)?.intValue)).toBeGreaterThan(0);
  });

  it('leaves a fast statement without waits', () => {
    const [fast] = statements(spans, FAST);
    expect(fast).toBeDefined();
    expect(waitsOf(spans, fast)).toEqual([]);
  });

  it('puts the length of the pg-pool.connect span on the query: the second UPDATE waited out the first', () => {
    // Compared as lengths: the two requests are two traces, whose span clocks are anchored apart.
    const connectOf = (query: ReceivedSpan) => spans.find((s) => s.span.name === 'pg-pool.connect' && s.span.parentSpanId === query.span.parentSpanId)!;
    const waits = statements(spans, UPDATE).map((query) => {
      expect(query.attributes[ATTR_CONNECTION_WAIT_TIME]).toBeCloseTo(durationMs(connectOf(query)), 2);
      return query.attributes[ATTR_CONNECTION_WAIT_TIME] as number;
    });
    expect(waits[1]).toBeGreaterThan(waits[0]);
  });
});

describe('wait sampling turned off', () => {
  it('samples no waits with TRACING_WAITS_MS=0, though the UPDATE still waited', async () => {
    const spans = await traceLockedUpdates({ TRACING_WAITS_MS: '0' });
    expect(statements(spans, UPDATE)).toHaveLength(2);
    expect(spans.flatMap((s) => (s.span.events ?? []).filter((e) => e.name === WAITS_EVENT))).toEqual([]);
    expect(spans.filter((s) => s.span.name === WAITS_SPAN_NAME)).toEqual([]);
  }, 30_000);
});
