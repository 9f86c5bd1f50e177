import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '@tracecart/testkit';
import { attribute, planTableName, statements, usePlanTable } from './helpers/plan-table';
import { startTracedFixture } from './helpers/run-fixture';
import { ATTR_PLAN_CACHED, ATTR_PLAN_ERROR_MESSAGE, ATTR_PLAN_NODE_TYPES, ATTR_PLAN_NODES, PLAN_ERROR_EVENT, PLAN_EVENT, PLAN_SPAN_NAME } from '../src/query-plan/plan-names';

const CLIENT_KIND = 3;
const TABLE = planTableName('plan_items');
const SLOW = `SELECT pg_sleep(0.08), sku FROM ${TABLE} WHERE sku = $1`;
const FAST = `SELECT sku FROM ${TABLE} WHERE sku = $1`;
const TEMP = 'SELECT pg_sleep(0.08), n FROM plan_scratch WHERE n = $1';

/** Runs the fixture with this environment, makes the requests one after another, returns the spans. */
async function traceSequentially(receiver: OtlpReceiver, paths: string[], env: Record<string, string> = {}): Promise<ReceivedSpan[]> {
  const { port, stop } = await startTracedFixture(receiver, { PLAN_TABLE: TABLE, ...env });
  for (const p of paths) expect((await fetch(`http://127.0.0.1:${port}${p}`)).status).toBe(200);
  // The last EXPLAIN runs after its request answered; give it a bounded moment to end its span.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await stop();
  return receiver.spans();
}

const planNodes = (spans: ReceivedSpan[], statement: ReceivedSpan) => attribute(planEventsOf(spans, statement)[0], ATTR_PLAN_NODES)?.stringValue;
const planSpansOf = (spans: ReceivedSpan[], statement: ReceivedSpan) =>
  spans.filter((s) => s.span.name === PLAN_SPAN_NAME && (s.span.links ?? []).some((l) => l.spanId === statement.span.spanId));
/** The plan events a statement carries: on its own span, or on the EXPLAIN span linked to it. */
const planEventsOf = (spans: ReceivedSpan[], statement: ReceivedSpan) =>
  [statement, ...planSpansOf(spans, statement)].flatMap((s) => (s.span.events ?? []).filter((e) => e.name.startsWith(PLAN_EVENT)));

usePlanTable(TABLE);

describe('query plans on slow statements', () => {
  let receiver: OtlpReceiver;
  let spans: ReceivedSpan[];
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    spans = await traceSequentially(receiver, ['/plan/slow/sku-7', '/plan/slow/sku-8', '/plan/fast/sku-9', '/plan/temp/1', '/plan/index', '/plan/slow/sku-10']);
  }, 30_000);
  afterAll(() => receiver.close());

  it('records the plan of a slow statement: a Seq Scan on the table with no index', () => {
    const [first] = statements(spans, SLOW);
    const [plan] = planEventsOf(spans, first);
    expect(plan.name).toBe(PLAN_EVENT);
    expect(attribute(plan, ATTR_PLAN_NODES)?.stringValue).toMatch(new RegExp(`^Seq Scan on ${TABLE} \\(rows≈\\d+, cost [\\d.]+, filter: \\(sku = 'sku-7'::text\\)\\)`));
    expect(attribute(plan, ATTR_PLAN_NODE_TYPES)?.arrayValue?.values?.map((v) => v.stringValue)).toEqual(['Seq Scan']);
  });

  it('puts a fetched plan on an EXPLAIN span beside the statement, starting after the statement ended', () => {
    const [first] = statements(spans, SLOW);
    const [planSpan] = planSpansOf(spans, first);
    expect(planSpan.span.kind).toBe(CLIENT_KIND);
    expect(planSpan.span.parentSpanId).toBe(first.span.parentSpanId);
    expect(planSpan.span.traceId).toBe(first.span.traceId);
    expect(BigInt(planSpan.span.startTimeUnixNano!)).toBeGreaterThanOrEqual(BigInt(first.span.endTimeUnixNano!));
  });

  it('explains a statement text once per period; the next slow run carries the cached plan', () => {
    const runs = statements(spans, SLOW).slice(0, 2);
    for (const run of runs) expect(planEventsOf(spans, run).map((e) => e.name)).toEqual([PLAN_EVENT]);
    const fetched = runs.flatMap((run) => planSpansOf(spans, run)).filter((s) => s.attributes[ATTR_PLAN_CACHED] === false);
    expect(fetched).toHaveLength(1);
  });

  it('forgets cached plans when the process runs DDL: after CREATE INDEX the plan is fetched afresh', () => {
    const runs = statements(spans, SLOW);
    expect(runs).toHaveLength(3);
    expect(planNodes(spans, runs[1])).toMatch(/^Seq Scan/);
    expect(planNodes(spans, runs[2])).toMatch(/^(Index Scan|Index Only Scan|Bitmap Heap Scan) /);
    expect(planSpansOf(spans, runs[2]).map((s) => s.attributes[ATTR_PLAN_CACHED])).toEqual([false]);
  });

  it('leaves a fast statement without a plan', () => {
    const [fast] = statements(spans, FAST);
    expect(fast).toBeDefined();
    expect(planEventsOf(spans, fast)).toEqual([]);
  });

  it('leaves a plan error event when the EXPLAIN fails, and the request still answers', () => {
    const [temp] = statements(spans, TEMP);
    const [error] = planEventsOf(spans, temp);
    expect(error.name).toBe(PLAN_ERROR_EVENT);
    expect(attribute(error, ATTR_PLAN_ERROR_MESSAGE)?.stringValue).toMatch(/plan_scratch/);
    expect(temp.span.status?.code ?? 0).not.toBe(2);
  });
});

describe('query plans turned off', () => {
  it('fetches no plan with TRACING_EXPLAIN_MS=0', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const spans = await traceSequentially(receiver, ['/plan/slow/sku-7'], { TRACING_EXPLAIN_MS: '0' });
      const [slow] = statements(spans, SLOW);
      expect(slow).toBeDefined();
      expect(planEventsOf(spans, slow)).toEqual([]);
      expect(spans.filter((s) => s.span.name === PLAN_SPAN_NAME)).toEqual([]);
    } finally {
      await receiver.close();
    }
  }, 30_000);
});
