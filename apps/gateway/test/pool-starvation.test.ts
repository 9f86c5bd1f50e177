// problem.pool end to end: with it on, inventory's stock dashboards run a catalog-wide report on
// the same connection pool the checkouts use, so checkouts wait for connections; the traces, read
// back from the trace store over Jaeger's /api/v3 and stripped of every attribute the lab writes
// itself, are diagnosed (as `lab diagnose` does, with the lab's switch table) as a pool wait in
// inventory from the pool-wait evidence alone. With fix.pool on too, the reports run on a pool of
// their own and the finding is gone from the checkouts.
import { createSkuIndex } from '@tracecart/flags';
import type { TracesData } from '@tracecart/otlp';
import { diagnose } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES } from '@tracecart/lab-rules';
import { receivedSpansOf, requestJson, waitUntil, withoutLabNames } from '@tracecart/testkit';
import { startProblemLab, type ProblemLab } from './support/problem-lab';

// A catalog big enough that the report is real work (about 0.15 s a run), small enough to seed in seconds.
const CATALOG_SIZE = 400_000;
// A small pool, so a handful of dashboards can hold all of it; the stack's services all get it.
const POOL_MAX = 4;
// Checkouts in flight at once, fewer than the pool has connections: without the reports they never wait.
const CONCURRENCY = 2;
// Each dashboard refreshes soon after its last report, so the reports hold the pool nearly always.
const REPORT_INTERVAL_MS = 20;
const CHECKOUTS = 8;
const STOCK_REPORT_SPAN = 'stock report';


describe('problem.pool: pool starvation, named from evidence, and fix.pool', () => {
  let lab: ProblemLab;

  beforeAll(async () => {
    lab = await startProblemLab({
      catalogSize: CATALOG_SIZE, env: { PG_POOL_MAX: String(POOL_MAX), STOCK_REPORT_INTERVAL_MS: String(REPORT_INTERVAL_MS) },
      prepare: async (pool) => {
        // Lookups by sku use the index, so the checkouts' own statements are quick and only the wait shows.
        await createSkuIndex(pool);
      },
    });
  }, 120_000);

  afterAll(async () => {
    await lab?.stop();
  });

  const checkout = (k: number) =>
    requestJson<{ traceId: string }>(`${lab.stack.gateway.url}/api/checkout`, {
      body: { customerId: `c-pool-${k}`, items: [{ sku: `SKU-${String(10 + k).padStart(7, '0')}`, quantity: 1 }] },
    });


  /** A bounded load: CHECKOUTS checkouts, CONCURRENCY at a time; every one succeeds. Their traces, longest first. */
  async function load(): Promise<TracesData[]> {
    const traceIds: string[] = [];
    for (let k = 0; k < CHECKOUTS; k += CONCURRENCY) {
      const answers = await Promise.all(Array.from({ length: CONCURRENCY }, (_, j) => checkout(k + j)));
      for (const answer of answers) expect(answer.status).toBe(201);
      traceIds.push(...answers.map((a) => a.body.traceId));
    }
    const traces = await Promise.all(traceIds.map((id) => lab.fetchTrace(id)));
    const durationOf = (t: TracesData) => diagnose(t).summary.durationMs;
    return traces.sort((a, b) => durationOf(b) - durationOf(a));
  }

  /** How many connections inventory's pools hold for the stock report right now. */
  async function reportConnections(applicationName: string): Promise<number> {
    const { rows } = await lab.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND query LIKE '%width_bucket%' AND state = 'active'`,
      [applicationName],
    );
    return Number(rows[0].n);
  }

  const verdictOf = (trace: TracesData) => diagnose(withoutLabNames(trace), { rules: LAB_SWITCH_RULES }).verdict;

  it('names the pool wait with the problem on, and no longer once fix.pool is on', async () => {
    // A first round with every switch off opens the services' pooled connections, so the
    // measured rounds' traces show the checkout's work, not the services' first connections.
    await load();

    await lab.setFlag('problem.pool', true);
    await waitUntil('the stock reports to run on the shared pool', async () => (await reportConnections('inventory')) > 0);

    // A checkout that found a connection free between two refreshes waited little, and one whose
    // wait is under half its time has no single culprit; every one that is named is named for the wait.
    const starved = (await load()).map(verdictOf);
    const named = starved.filter((v) => v.finding);
    expect(named.length).toBeGreaterThan(0);
    for (const verdict of named) {
      expect(verdict.finding?.kind).toBe('pool_wait');
      expect(verdict.switchName).toBe('fix.pool');
      expect(verdict.finding?.evidence).toMatch(/^pg-pool\.connect: \d+ checkouts? waiting .+ for a connection$/);
    }

    await lab.setFlag('fix.pool', true);
    await waitUntil('the stock reports to run on their own pool', async () => (await reportConnections('inventory-report')) > 0);
    // Reports started before the switch finish on the shared pool; wait until none is left there.
    await waitUntil('no stock report on the shared pool', async () => (await reportConnections('inventory')) === 0);
    // A round unmeasured: any connection the shared pools open again now is not counted as a wait.
    await load();

    const bulkheaded = (await load()).map(verdictOf);
    for (const verdict of bulkheaded) expect(verdict.findings.map((f) => f.kind)).not.toContain('pool_wait');
  }, 180_000);

  it('traces each report as a root span of its own, with the connection it waited for and its statement under it', async () => {
    const spans = receivedSpansOf(await lab.jaeger.findTraces({ serviceName: 'inventory', operationName: STOCK_REPORT_SPAN }));
    const reports = spans.filter((s) => s.span.name === STOCK_REPORT_SPAN);
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) expect(report.span.parentSpanId ?? '').toBe('');
    const under = (name: RegExp) => spans.filter((s) => name.test(s.span.name) && reports.some((r) => r.span.spanId === s.span.parentSpanId));
    expect(under(/^pg-pool\.connect$/).length).toBeGreaterThan(0);
    expect(under(/^SELECT products$/).length).toBeGreaterThan(0);
  });
});
