import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '@tracecart/testkit';
import { admin, attribute, planTableName, statements, usePlanTable } from './helpers/plan-table';
import { startTracedFixture } from './helpers/run-fixture';
import { ATTR_PLAN_CACHED, ATTR_PLAN_NODE_TYPES, ATTR_PLAN_NODES, PLAN_EVENT, PLAN_SPAN_NAME } from '../src/query-plan/plan-names';

// Another process changes the table's indexes: this test's own connection, which no tracing
// watches, as the console builds and drops the lab's index while a service keeps running.
const TABLE = planTableName('catalog_items');
const INDEX = `${TABLE}_sku_idx`;
const SLOW = `SELECT pg_sleep(0.08), sku FROM ${TABLE} WHERE sku = $1`;

usePlanTable(TABLE);

const planSpansOf = (spans: ReceivedSpan[], statement: ReceivedSpan) =>
  spans.filter((s) => s.span.name === PLAN_SPAN_NAME && (s.span.links ?? []).some((l) => l.spanId === statement.span.spanId));
/** The plan event a statement carries: on its own span (a confirmed cached plan) or on the EXPLAIN span linked to it. */
const planOf = (spans: ReceivedSpan[], statement: ReceivedSpan) => {
  const events = [statement, ...planSpansOf(spans, statement)].flatMap((s) => (s.span.events ?? []).filter((e) => e.name === PLAN_EVENT));
  expect(events).toHaveLength(1);
  return events[0];
};
const scanTypes = (spans: ReceivedSpan[], statement: ReceivedSpan) =>
  attribute(planOf(spans, statement), ATTR_PLAN_NODE_TYPES)?.arrayValue?.values?.map((v) => v.stringValue);
/** Whether the statement's plan was EXPLAINed for it (false) or handed out from the cache (true). */
const cachedFlag = (spans: ReceivedSpan[], statement: ReceivedSpan) => {
  const [planSpan] = planSpansOf(spans, statement);
  return planSpan ? planSpan.attributes[ATTR_PLAN_CACHED] : attribute(planOf(spans, statement), ATTR_PLAN_CACHED)?.boolValue;
};

describe('cached query plans and indexes changed by another process', () => {
  let receiver: OtlpReceiver;
  let spans: ReceivedSpan[];

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const fixture = await startTracedFixture(receiver, { PLAN_TABLE: TABLE });
    const outsider = admin();
    await outsider.connect();
    const slowRequest = async (sku: string) => {
      expect((await fetch(`http://127.0.0.1:${fixture.port}/plan/slow/${sku}`)).status).toBe(200);
      // Lets the fixture's side work (the EXPLAIN of a new plan) finish, so each step below
      // starts from a settled cache; the plan cache's 30 s period is far from over throughout.
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    try {
      await slowRequest('sku-7');
      await slowRequest('sku-8');
      await outsider.query(`CREATE INDEX ${INDEX} ON ${TABLE} (sku)`);
      await slowRequest('sku-9');
      await slowRequest('sku-10');
      await outsider.query(`DROP INDEX ${INDEX}`);
      await slowRequest('sku-11');
    } finally {
      await outsider.end();
      await fixture.stop();
    }
    spans = receiver.spans();
  }, 30_000);
  afterAll(() => receiver.close());

  it('hands out the cached Seq Scan while the table keeps its indexes', () => {
    const [first, second] = statements(spans, SLOW);
    expect(scanTypes(spans, first)).toEqual(['Seq Scan']);
    expect(cachedFlag(spans, first)).toBe(false);
    expect(scanTypes(spans, second)).toEqual(['Seq Scan']);
    expect(cachedFlag(spans, second)).toBe(true);
  });

  it('gives the first slow run after an outside CREATE INDEX a fresh plan using the index, then caches that one', () => {
    const [, , afterCreate, again] = statements(spans, SLOW);
    expect(attribute(planOf(spans, afterCreate), ATTR_PLAN_NODES)?.stringValue).toMatch(/^(Index Scan|Index Only Scan|Bitmap Heap Scan) /);
    expect(scanTypes(spans, afterCreate)).not.toContain('Seq Scan');
    expect(cachedFlag(spans, afterCreate)).toBe(false);
    expect(scanTypes(spans, again)).not.toContain('Seq Scan');
    expect(cachedFlag(spans, again)).toBe(true);
  });

  it('gives the first slow run after an outside DROP INDEX the Seq Scan again', () => {
    const runs = statements(spans, SLOW);
    expect(runs).toHaveLength(5);
    expect(scanTypes(spans, runs[4])).toEqual(['Seq Scan']);
    expect(cachedFlag(spans, runs[4])).toBe(false);
  });
});
