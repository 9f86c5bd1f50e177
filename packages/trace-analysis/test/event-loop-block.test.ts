// The blocked-event-loop finding from the evidence alone, on small traces shaped the way the
// tracing package records them: a server span and a span of synchronous work, each carrying the
// event-loop stalls seen while it ran (nodejs.eventloop.delay.*). No rules: the verdict names
// the finding itself.
import { buildTraceTree, decideVerdict } from '../src';
import { EVIDENCE } from '@tracecart/contracts';
import { idOf, toTracesData, type SpanSpec } from '@tracecart/testkit';

const SERVER = 2;
const CLIENT = 3;
const INTERNAL = 1;

const loop = (maxMs: number, totalMs: number) => ({
  [EVIDENCE.ATTR_EVENT_LOOP_DELAY_MAX]: maxMs,
  [EVIDENCE.ATTR_EVENT_LOOP_DELAY_TOTAL]: totalMs,
});

function verdictOf(specs: SpanSpec[]) {
  return decideVerdict(buildTraceTree(toTracesData(specs))[0]);
}

// A checkout: a short call to a downstream service, then a signing span with no child.
function checkout(sign: { start: number; end: number; delay: ReturnType<typeof loop> }, requestDelay: ReturnType<typeof loop>): SpanSpec[] {
  return [
    { id: 'req', service: 'shop', name: 'POST /checkout', kind: SERVER, start: 0, end: sign.end + 1, attributes: { 'http.request.method': 'POST', 'http.route': '/checkout', ...requestDelay } },
    { id: 'call', parent: 'req', service: 'shop', name: 'POST', kind: CLIENT, start: 1, end: 5 },
    { id: 'down', parent: 'call', service: 'orders', name: 'POST /orders', kind: SERVER, start: 2, end: 4 },
    { id: 'sign', parent: 'req', service: 'shop', name: 'sign receipt', kind: INTERNAL, start: sign.start, end: sign.end, attributes: sign.delay },
  ];
}

describe('event_loop_block', () => {
  it('names a span of synchronous work that stalled the loop for its whole time, with no child', () => {
    const v = verdictOf(checkout({ start: 5, end: 45, delay: loop(40, 40) }, loop(40, 40)));
    expect(v.culprit).toMatchObject({ service: 'shop', operation: 'sign receipt' });
    expect(v.finding).toMatchObject({ kind: 'event_loop_block', spanIds: [idOf('sign')], details: { delayMs: 40, maxDelayMs: 40, holder: 'sign receipt', selfMs: 40 } });
    expect(v.finding?.evidence).toBe('event loop delayed 40.0 ms (nodejs.eventloop.delay.total, longest 40.0 ms) · sign receipt: 40.0 ms self time, no child');
  });

  it('reads the stalls from the request’s server span for a culprit that records none itself', () => {
    // The handler waited 60 ms for the loop with nothing traced under it (other requests'
    // signing), then held it 12 ms itself to sign.
    const specs = checkout({ start: 65, end: 77, delay: loop(12, 12) }, loop(30, 72));
    const v = verdictOf(specs);
    expect(v.culprit).toMatchObject({ operation: 'POST /checkout' });
    expect(v.finding).toMatchObject({ kind: 'event_loop_block', spanIds: [idOf('req')], details: { holder: 'sign receipt' } });
  });

  it('finds nothing when the loop stalled but no span held it (a starved CPU, not work on the loop)', () => {
    const specs = checkout({ start: 65, end: 80, delay: loop(2, 3) }, loop(30, 60));
    expect(verdictOf(specs).findings.map((f) => f.kind)).not.toContain('event_loop_block');
  });

  it('finds nothing when the same work ran off the loop (the stalls are short)', () => {
    const v = verdictOf(checkout({ start: 5, end: 45, delay: loop(1, 2) }, loop(1, 3)));
    expect(v.culprit).toMatchObject({ operation: 'sign receipt' });
    expect(v.findings.map((f) => f.kind)).not.toContain('event_loop_block');
  });

  it('still reports the stalled loop when it holds only a third of the path and nothing dominates', () => {
    // A slow downstream call split over two statements, then the signing that held the loop.
    const specs: SpanSpec[] = [
      { id: 'req', service: 'shop', name: 'POST /checkout', kind: SERVER, start: 0, end: 100, attributes: { 'http.route': '/checkout', ...loop(35, 35) } },
      { id: 'call', parent: 'req', service: 'shop', name: 'POST', kind: CLIENT, start: 1, end: 64 },
      { id: 'down', parent: 'call', service: 'orders', name: 'POST /orders', kind: SERVER, start: 2, end: 63 },
      { id: 'a', parent: 'down', service: 'orders', name: 'write order', kind: INTERNAL, start: 3, end: 33 },
      { id: 'b', parent: 'down', service: 'orders', name: 'write lines', kind: INTERNAL, start: 33, end: 62 },
      { id: 'sign', parent: 'req', service: 'shop', name: 'sign receipt', kind: INTERNAL, start: 64, end: 99, attributes: loop(35, 35) },
    ];
    const v = verdictOf(specs);
    expect(v).toMatchObject({ kind: 'no_single_culprit', culprit: undefined, switchName: undefined, finding: undefined, findings: [], seen: { finding: { kind: 'event_loop_block', details: { holder: 'sign receipt' } } } });
    expect(v.line).toMatch(/^no single culprit · largest: shop · sign receipt \(35% of critical path\) · seen: blocked event loop on shop · sign receipt and 2 more groups \(39% of critical path\): event loop delayed 35\.0 ms .* → synchronous work holds the event loop/);
    // Without the stalls, the same shape names the largest group and nothing else.
    const calm = verdictOf(specs.map((s) => (s.attributes ? { ...s, attributes: { ...s.attributes, ...loop(1, 1) } } : s)));
    expect(calm).toMatchObject({ kind: 'no_single_culprit', finding: undefined, findings: [] });
    expect(calm.seen).toBeUndefined();
    expect(calm.line).toBe('no single culprit · largest: shop · sign receipt (35% of critical path)');
  });

  it('finds nothing when the childless span only overlapped a stall it did not cause (work on a thread pool)', () => {
    // Seen in CI with fix.offload on: signing waited 43 ms for the thread pool while other work
    // stalled the loop for 22 ms of it. Sync work would have stalled it for all of its time.
    const v = verdictOf(checkout({ start: 5, end: 48, delay: loop(22, 29) }, loop(22, 29)));
    expect(v.findings.map((f) => f.kind)).not.toContain('event_loop_block');
    expect(v.seen?.finding.kind).not.toBe('event_loop_block');
    // The same stall covering the signing but the timer's first missed period is the signing's own.
    const held = verdictOf(checkout({ start: 5, end: 48, delay: loop(36, 36) }, loop(36, 36)));
    expect(held.finding?.kind).toBe('event_loop_block');
  });

  it('finds nothing in a trace without event-loop evidence', () => {
    const specs = checkout({ start: 5, end: 45, delay: {} as ReturnType<typeof loop> }, {} as ReturnType<typeof loop>);
    expect(verdictOf(specs).findings).toEqual([]);
  });
});
