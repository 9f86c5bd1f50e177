// problem.sync-cpu end to end: with it on, the gateway signs every checkout's receipt on its event
// loop, so a burst of concurrent checkouts queues behind that work; the traces, read back from the
// trace store over Jaeger's /api/v3 and stripped of every attribute the lab writes itself, are
// diagnosed (as `lab diagnose` does, with the lab's switch table) as a blocked event loop from
// the event-loop evidence alone. With fix.offload on too,
// the same work runs on libuv's thread pool and the finding is gone.
import { LAB_NAMESPACE } from '@tracecart/contracts';
import type { TracesData } from '@tracecart/otlp';
import { diagnose } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES } from '@tracecart/lab-rules';
import { isTraceComplete, receivedSpansOf, requestJson, waitUntil, withoutLabNames } from '@tracecart/testkit';
import { startProblemLab, verdictLeads, type ProblemLab } from './support/problem-lab';

// Enough concurrent checkouts that later ones wait out several others' signing; few enough to stay quick.
const BURST = 12;
// The traces of a burst whose verdicts are read: the checkouts that waited longest.
const SLOWEST = 3;
const SIGN_RECEIPT_SPAN = 'sign receipt';
// The gateway's answer carries the receipt's signature once it has the problem switch on.
const RECEIPT_SIGNATURE_HEADER = 'receipt-signature';


describe('problem.sync-cpu: a blocked event loop, named from evidence, and fix.offload', () => {
  let lab: ProblemLab;

  beforeAll(async () => {
    lab = await startProblemLab({ catalogSize: 3000 });
  }, 120_000);

  afterAll(async () => {
    await lab?.stop();
  });

  const checkout = (k: number) =>
    requestJson<{ traceId: string }>(`${lab.stack.gateway.url}/api/checkout`, {
      body: { customerId: `c-loop-${k}`, items: [{ sku: `SKU-00000${10 + k}`, quantity: 1 }] },
    });

  /** The trace once every process has exported its part and the receipt was signed in it. */
  const fetchTrace = (traceId: string) =>
    lab.fetchTrace(traceId, (spans) => isTraceComplete(spans) && spans.some((s) => s.service === 'gateway' && s.span.name === SIGN_RECEIPT_SPAN));

  /** A bounded burst of concurrent checkouts; every one succeeds. Their traces, longest first. */
  async function burst(): Promise<TracesData[]> {
    const answers = await Promise.all(Array.from({ length: BURST }, (_, k) => checkout(k)));
    for (const answer of answers) expect(answer.status).toBe(201);
    const traces = await Promise.all(answers.map((a) => fetchTrace(a.body.traceId)));
    const durationOf = (t: TracesData) => diagnose(t).summary.durationMs;
    return traces.sort((a, b) => durationOf(b) - durationOf(a));
  }

  /** Waits until a checkout's gateway span records the switch as the gateway sees it. */
  async function gatewaySees(name: string, value: boolean): Promise<void> {
    await waitUntil(`the gateway to see ${name} = ${value}`, async () => {
      const answer = await checkout(0);
      const spans = receivedSpansOf(await fetchTrace(answer.body.traceId));
      return spans.some((s) => s.service === 'gateway' && !s.span.parentSpanId && s.attributes[`${LAB_NAMESPACE}${name}`] === value);
    });
  }

  const verdictOf = (trace: TracesData) => diagnose(withoutLabNames(trace), { rules: LAB_SWITCH_RULES }).verdict;

  it('names the blocked event loop with the problem on, and no longer once fix.offload is on', async () => {
    // A first burst with every switch off opens the services' pooled connections, so the
    // measured bursts' traces show the checkout's work, not the services' first connections.
    const warmUp = await Promise.all(Array.from({ length: BURST }, (_, k) => checkout(k)));
    for (const answer of warmUp) expect(answer.status).toBe(201);

    await lab.setFlag('problem.sync-cpu', true);
    await waitUntil('the gateway to sign receipts', async () => (await checkout(0)).headers.get(RECEIPT_SIGNATURE_HEADER) !== null);

    // The slowest checkouts queued longest behind the others' signing: every one points at the
    // blocked loop, and each that names a culprit names fix.offload.
    for (const lead of verdictLeads((await burst()).slice(0, SLOWEST).map(verdictOf))) {
      expect(lead.finding.kind).toBe('event_loop_block');
      expect(lead.finding.evidence).toMatch(/^event loop delayed .* \(nodejs\.eventloop\.delay\.total, longest .*\)/);
      if (lead.culprit) expect(lead.culprit.switchName).toBe('fix.offload');
    }

    await lab.setFlag('fix.offload', true);
    await gatewaySees('fix.offload', true);

    for (const offloaded of (await burst()).slice(0, SLOWEST).map(verdictOf)) {
      expect(offloaded.findings.map((f) => f.kind)).not.toContain('event_loop_block');
      expect(offloaded.seen?.finding.kind).not.toBe('event_loop_block');
    }
  }, 120_000);
});
