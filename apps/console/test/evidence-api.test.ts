import { requestJson } from '@tracecart/testkit';
import type { TraceAnalysis, WaterfallRow } from '../src/api-types';
import { startConsoleLab, type ConsoleLab } from './support/console-lab';
import { checkoutThroughConsole, waitForCompleteTrace } from './support/lab-traffic';
import { waitFor } from './support/wait-for';

// Big enough that a lookup by sku without the index scans for well over a millisecond, so with
// TRACING_EXPLAIN_MS=1 every lookup is "slow" and gets its plan.
const CATALOG_SIZE = 100_000;
const SKUS = ['SKU-0061001', 'SKU-0072002', 'SKU-0083003'];
const isLookup = (row: WaterfallRow) => String(row.attributes['db.query.text'] ?? '').includes('FROM products WHERE sku');

describe('evidence on slow statements, from real traces of the real services', () => {
  let lab: ConsoleLab;
  let analysis: TraceAnalysis;

  beforeAll(async () => {
    lab = await startConsoleLab({ catalogSize: CATALOG_SIZE, stackEnv: { TRACING_EXPLAIN_MS: '1' } });
    const url = lab.console.url;
    const traceId = await checkoutThroughConsole(url, SKUS);
    await waitForCompleteTrace(url, traceId);
    // The EXPLAIN span ends once its plan is back, so it may reach the trace store in a later export.
    analysis = await waitFor('every lookup to have its plan', async () => {
      const { body } = await requestJson<TraceAnalysis>(`${url}/api/diagnose/${traceId}`);
      const lookups = body.rows.filter(isLookup);
      return lookups.length === SKUS.length && lookups.every((row) => row.evidence?.plan) ? body : undefined;
    });
  }, 90_000);
  afterAll(() => lab?.stop());

  it('puts the Seq Scan plan on each lookup, the first one from the EXPLAIN span linked to it', () => {
    const lookups = analysis.rows.filter(isLookup).sort((a, b) => a.startMs - b.startMs);
    for (const row of lookups) {
      expect(row.evidence?.plan).toMatchObject({ nodeTypes: expect.arrayContaining(['Seq Scan']), relations: expect.arrayContaining(['products']) });
      const plan = row.evidence!.plan!;
      expect(plan.nodes).toHaveLength(plan.nodeTypes.length);
      expect(plan.nodes.find((line) => line.startsWith('Seq Scan'))).toMatch(/^Seq Scan on products \(rows≈\d+, cost [\d.]+, filter: .*sku/);
      expect(plan.totalCost).toBeGreaterThan(0);
      expect(JSON.parse(plan.json ?? '')[0].Plan).toBeDefined();
    }
    // No lookup ran in this stack before: the first one's plan came from an EXPLAIN of its own.
    const [first, ...later] = lookups;
    expect(first.evidence?.plan?.cached).toBe(false);
    const explain = analysis.rows.find((row) => row.spanId === first.evidence?.plan?.fromSpanId);
    expect(explain).toMatchObject({ name: 'EXPLAIN', service: 'inventory', parentSpanId: first.parentSpanId });
    expect(explain?.evidence?.evidenceFor).toEqual({ spanId: first.spanId, name: first.name });
    // Later lookups of the same statement got the plan from the cache.
    for (const row of later) expect(row.evidence?.plan?.cached).toBe(true);
  });

  it('gives the wait for a pooled connection where the query recorded one', () => {
    const waited = analysis.rows.filter((row) => row.attributes['db.client.connection.wait_time'] !== undefined);
    expect(waited.length).toBeGreaterThan(0);
    for (const row of waited) expect(row.evidence?.poolWaitMs).toBe(row.attributes['db.client.connection.wait_time']);
  });

  it('gives sampled waits in the order of their summary, where a statement ran long enough to be sampled', () => {
    for (const row of analysis.rows.filter((r) => r.evidence?.waits)) {
      const waits = row.evidence!.waits!;
      expect(waits.summary).toBe(waits.waits.map((w) => `${w.type}:${w.event} ×${w.count}`).join(', '));
      expect(waits.samples).toBeGreaterThanOrEqual(Math.max(...waits.waits.map((w) => w.count)));
    }
  });

  it('leaves spans without evidence at null', () => {
    const root = analysis.rows[0];
    expect([root.name, root.evidence]).toEqual(['POST /api/checkout', null]);
  });
});
