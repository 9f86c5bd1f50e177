// problem.retries end to end: with it on, order resends each call to inventory at once when an
// attempt outlasts its short timeout, so a burst of checkouts multiplies its own load on
// inventory. The traces, read back from the trace store over Jaeger's /api/v3 and stripped of
// every attribute the lab writes itself, are diagnosed (as `lab diagnose` does, with the lab's
// switch table) as a retry storm from `http.request.resend_count` alone. With fix.retries on too,
// attempts get the deadline's time, resends wait and stay within a budget, and the finding is
// gone. Either way a resent reservation never holds stock twice.
import { EVIDENCE, LAB_NAMESPACE } from '@tracecart/contracts';
import type { TracesData } from '@tracecart/otlp';
import { diagnose } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES } from '@tracecart/lab-rules';
import { checkCheckoutInvariant, isTraceComplete, receivedSpansOf, requestJson, snapshotStock, waitUntil, withoutLabNames, type JsonResponse, type ReceivedSpan, type StockSnapshot } from '@tracecart/testkit';
import { startProblemLab, type ProblemLab } from './support/problem-lab';

// A catalog without the sku index (fix.index off, as the lab starts) big enough that a lookup
// scans for tens of ms: a burst of concurrent checkouts then makes inventory slower than the
// storm's 100 ms per attempt, past the point where most attempts time out (with fewer, some
// calls get through on a resend and the storm is only partial). Few enough to stay quick.
const CATALOG_SIZE = 200_000;
const BURST = 12;
const LINES = 3;


/**
 * A whole trace: the testkit's check, except that two kinds of call have no server span to wait
 * for: an attempt abandoned before inventory saw it (its client span failed), and the health
 * probe the gateway sends order after a 503 (probes are untraced).
 */
function isComplete(spans: ReceivedSpan[]): boolean {
  const unanswered = (s: ReceivedSpan) => s.span.kind === 3 && (s.span.status?.code === 2 || String(s.attributes['url.full'] ?? '').endsWith('/healthz'));
  return isTraceComplete(spans.map((s) => (unanswered(s) ? { ...s, attributes: { ...s.attributes, 'error.type': 'unanswered' } } : s)));
}

/** The trace id of any answer, failed ones too, from its W3C `traceresponse` header. */
function traceIdOf(answer: JsonResponse): string {
  const header = answer.headers.get('traceresponse');
  if (!header) throw new Error(`answer ${answer.status} carries no traceresponse`);
  return header.split('-')[1];
}

describe('problem.retries: a retry storm, named from evidence, and fix.retries', () => {
  let lab: ProblemLab;
  let initialStock: StockSnapshot;
  const accepted = new Map<string, number>();

  beforeAll(async () => {
    lab = await startProblemLab({
      catalogSize: CATALOG_SIZE,
      prepare: async (pool) => {
        initialStock = await snapshotStock(pool);
      },
    });
  }, 120_000);

  afterAll(async () => {
    await lab?.stop();
  });

  const checkout = async (k: number) => {
    const items = Array.from({ length: LINES }, (_, line) => ({ sku: `SKU-${String(150_000 + k * LINES + line).padStart(7, '0')}`, quantity: 1 }));
    const answer = await requestJson<{ orderId: string }>(`${lab.stack.gateway.url}/api/checkout`, { body: { customerId: `c-retry-${k}`, items } });
    if (answer.status === 201) accepted.set(answer.body.orderId, LINES);
    return answer;
  };

  /** The trace once every process has exported its part. */
  const fetchTrace = (traceId: string) => lab.fetchTrace(traceId, isComplete);

  /** A bounded burst of concurrent checkouts; their traces, longest first. */
  async function burst(): Promise<TracesData[]> {
    const answers = await Promise.all(Array.from({ length: BURST }, (_, k) => checkout(k)));
    for (const answer of answers) expect([201, 503]).toContain(answer.status);
    const traces = await Promise.all(answers.map((a) => fetchTrace(traceIdOf(a))));
    const durationOf = (t: TracesData) => diagnose(t).summary.durationMs;
    return traces.sort((a, b) => durationOf(b) - durationOf(a));
  }

  const resendsIn = (trace: TracesData) => receivedSpansOf(trace).filter((s) => Number(s.attributes[EVIDENCE.ATTR_RESEND_COUNT] ?? 0) >= 1).length;

  /** Waits until a checkout's order span records the switch as order sees it. */
  async function orderSees(name: string, value: boolean): Promise<void> {
    await waitUntil(`order to see ${name} = ${value}`, async () => {
      const spans = receivedSpansOf(await fetchTrace(traceIdOf(await checkout(0))));
      return spans.some((s) => s.service === 'order' && s.span.kind === 2 && s.attributes[`${LAB_NAMESPACE}${name}`] === value);
    });
  }

  it('names the retry storm with the problem on, and no longer once fix.retries is on; no stock is held twice', async () => {
    // A first burst with every switch off opens the services' pooled connections, so the
    // measured bursts' traces show the checkout's work, not the services' first connections.
    const warmUp = await Promise.all(Array.from({ length: BURST }, (_, k) => checkout(k)));
    for (const answer of warmUp) expect(answer.status).toBe(201);

    await lab.setFlag('problem.retries', true);
    await orderSees('problem.retries', true);

    const stormy = await burst();
    expect(stormy.some((t) => resendsIn(t) > 0)).toBe(true);
    // Most checkouts of the burst, the slowest first, are named a retry storm: how much of a
    // trace the resends hold depends on how far past the timeout inventory was while it ran, so
    // one trace caught at the storm's edge may name what was under the resends instead.
    const verdicts = stormy.map((t) => diagnose(withoutLabNames(t), { rules: LAB_SWITCH_RULES }).verdict);
    const named = verdicts.filter((v) => v.finding?.kind === 'retry_storm' && v.switchName === 'fix.retries');
    expect(named.length).toBeGreaterThan(verdicts.length / 2);
    expect(named[0].finding?.evidence).toMatch(/^\d+ attempts for \d+ calls? \(\d+ resends, http\.request\.resend_count up to \d+\) to inventory (GET|POST) \//);

    await lab.setFlag('fix.retries', true);
    await orderSees('fix.retries', true);

    const calm = await burst();
    for (const trace of calm) {
      const verdict = diagnose(withoutLabNames(trace), { rules: LAB_SWITCH_RULES }).verdict;
      expect(verdict.findings.map((f) => f.kind)).not.toContain('retry_storm');
    }

    // Resent reservations carry the order id: stock moved equals what confirmed orders took plus
    // what is still held for orders never written, once abandoned attempts have finished.
    await waitUntil('the stock to add up', async () => (await checkCheckoutInvariant(lab.pool, initialStock, accepted)).held);
  }, 180_000);
});
