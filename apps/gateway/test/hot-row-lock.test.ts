// problem.hot-row end to end: a flash sale (every checkout buys the same SKU) with the problem on
// makes inventory's reservation audit every line while it holds the product row's lock, so
// concurrent checkouts queue on that lock. The traces, read back from the trace store over
// Jaeger's /api/v3 and stripped of every attribute the lab writes itself, are diagnosed (as
// `lab diagnose` does, with the lab's switch table) as a lock wait on the stock UPDATE from its
// sampled wait events alone. With fix.lock on too, the UPDATE goes last, right before COMMIT,
// and the finding is gone; either way every checkout takes exactly its stock once.
import { LAB_NAMESPACE } from '@tracecart/contracts';
import type { TracesData } from '@tracecart/otlp';
import { diagnose } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES } from '@tracecart/lab-rules';
import { receivedSpansOf, requestJson, waitUntil, withoutLabNames } from '@tracecart/testkit';
import { startProblemLab, verdictLeads, type ProblemLab } from './support/problem-lab';

// Enough concurrent checkouts of one SKU that later ones wait out several others' lock holds.
const BURST = 12;
// The traces of a burst whose verdicts are read: the checkouts that waited longest.
const SLOWEST = 3;
const FLASH_SKU = 'SKU-0000001';
// A shop's last hour of reservations: the history each audit row sums the SKU's demand over.
const HISTORY_ORDERS = 50_000;
const SERVER = 2;


describe('problem.hot-row: lock contention on a flash sale, named from evidence, and fix.lock', () => {
  let lab: ProblemLab;

  beforeAll(async () => {
    lab = await startProblemLab({
      catalogSize: 3000,
      prepare: async (pool) => {
        await pool.query('UPDATE products SET on_hand = 1000000 WHERE sku = $1', [FLASH_SKU]);
        // Past orders, released long ago, so no sweep gives their stock back.
        await pool.query(
          `WITH past AS (
             INSERT INTO reservations (order_id, status, released_at) SELECT gen_random_uuid(), 'released', now() FROM generate_series(1, $1) RETURNING order_id)
           INSERT INTO reservation_lines (order_id, sku, quantity) SELECT order_id, $2, 1 FROM past`,
          [HISTORY_ORDERS, FLASH_SKU],
        );
        await pool.query('ANALYZE reservations, reservation_lines');
      },
    });
  }, 120_000);

  afterAll(async () => {
    await lab?.stop();
  });

  const checkout = (k: number) =>
    requestJson<{ traceId: string }>(`${lab.stack.gateway.url}/api/checkout`, {
      body: { customerId: `c-flash-${k}`, items: [{ sku: FLASH_SKU, quantity: 1 }] },
    });

  const countOf = async (sql: string, params: unknown[] = []) => Number((await lab.pool.query<{ n: string }>(sql, params)).rows[0].n);
  const onHand = () => countOf('SELECT on_hand AS n FROM products WHERE sku = $1', [FLASH_SKU]);
  const auditRows = () => countOf('SELECT count(*) AS n FROM stock_audit');


  /** A bounded burst of concurrent checkouts of the flash SKU; every one succeeds. Their traces, longest first. */
  async function burst(): Promise<TracesData[]> {
    const answers = await Promise.all(Array.from({ length: BURST }, (_, k) => checkout(k)));
    for (const answer of answers) expect(answer.status).toBe(201);
    const traces = await Promise.all(answers.map((a) => lab.fetchTrace(a.body.traceId)));
    const durationOf = (t: TracesData) => diagnose(t).summary.durationMs;
    return traces.sort((a, b) => durationOf(b) - durationOf(a));
  }

  /** Waits until a reservation's server span in inventory records the switch as inventory sees it. */
  async function inventorySees(name: string, value: boolean): Promise<void> {
    await waitUntil(`inventory to see ${name} = ${value}`, async () => {
      const spans = receivedSpansOf(await lab.fetchTrace((await checkout(0)).body.traceId));
      return spans.some((s) => s.service === 'inventory' && s.span.kind === SERVER && s.attributes[`${LAB_NAMESPACE}${name}`] === value);
    });
  }

  const verdictOf = (trace: TracesData) => diagnose(withoutLabNames(trace), { rules: LAB_SWITCH_RULES }).verdict;

  it('names the lock wait with the problem on, and no longer once fix.lock is on, taking stock exactly once', async () => {
    // A first burst with every switch off opens the services' pooled connections, so the
    // measured bursts' traces show the checkout's work, not the services' first connections.
    const warmUp = await Promise.all(Array.from({ length: BURST }, (_, k) => checkout(k)));
    for (const answer of warmUp) expect(answer.status).toBe(201);

    await lab.setFlag('problem.hot-row', true);
    await waitUntil('inventory to audit reservations', async () => (await checkout(0)).status === 201 && (await auditRows()) > 0);

    const [stockBefore, auditBefore] = [await onHand(), await auditRows()];
    const slowest = (await burst()).slice(0, SLOWEST);
    expect(await onHand()).toBe(stockBefore - BURST);
    expect(await auditRows()).toBe(auditBefore + BURST);
    // The slowest checkouts queued longest for the row: every one points at the lock wait, and
    // each that names a culprit names the stock UPDATE and fix.lock.
    for (const lead of verdictLeads(slowest.map(verdictOf))) {
      expect(lead.finding.kind).toBe('lock_wait');
      expect(lead.finding.evidence).toMatch(/^Lock:\w+ ×\d+ of \d+ wait samples/);
      if (!lead.culprit) continue;
      expect(lead.culprit.culprit?.statement).toMatch(/^UPDATE products SET on_hand/);
      expect(lead.culprit.switchName).toBe('fix.lock');
    }

    await lab.setFlag('fix.lock', true);
    await inventorySees('fix.lock', true);

    const [stockAfter, auditAfter] = [await onHand(), await auditRows()];
    const slowestFixed = (await burst()).slice(0, SLOWEST);
    expect(await onHand()).toBe(stockAfter - BURST);
    expect(await auditRows()).toBe(auditAfter + BURST);
    for (const fixed of slowestFixed.map(verdictOf)) {
      expect(fixed.findings.map((f) => f.kind)).not.toContain('lock_wait');
      expect(fixed.seen?.finding.kind).not.toBe('lock_wait');
    }
  }, 180_000);
});
