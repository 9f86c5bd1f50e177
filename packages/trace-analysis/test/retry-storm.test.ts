// The retry-storm finding from the evidence alone, on small traces shaped like a caller that
// resends requests: each attempt's span carries `http.request.resend_count` on resends (as the
// HTTP semantic conventions put it on client spans, or on a span per attempt around one). No
// rules: the verdict names the finding itself.
import { buildTraceTree, decideVerdict } from '../src';
import { EVIDENCE } from '@tracecart/contracts';
import { idOf, toTracesData, type SpanSpec } from '@tracecart/testkit';

const SERVER = 2;
const CLIENT = 3;
const INTERNAL = 1;

function verdictOf(specs: SpanSpec[]) {
  return decideVerdict(buildTraceTree(toTracesData(specs))[0]);
}

/**
 * A checkout that looks up `calls` products one after another; each lookup fails `failures`
 * times on a 100 ms timeout before an answer in 5 ms. Attempts are CLIENT spans of their own around the
 * HTTP client span (or, with `onClient`, the client spans carry the count themselves).
 */
function checkout(calls: number, failures: number, onClient = false): SpanSpec[] {
  const specs: SpanSpec[] = [];
  let t = 1;
  for (let c = 0; c < calls; c++) {
    for (let a = 0; a <= failures; a++) {
      const ms = a < failures ? 100 : 5;
      const id = `c${c}a${a}`;
      const resend: Record<string, number> = a > 0 ? { [EVIDENCE.ATTR_RESEND_COUNT]: a } : {};
      const http = { 'http.request.method': 'GET', 'server.address': 'inventory', 'url.full': `http://inventory/products/SKU-${c}` };
      if (onClient) {
        specs.push({ id, parent: 'orders', service: 'order', name: 'GET', kind: CLIENT, start: t, end: t + ms, attributes: { ...http, ...resend } });
      } else {
        specs.push({ id, parent: 'orders', service: 'order', name: 'inventory GET /products/:sku', kind: CLIENT, start: t, end: t + ms, attributes: { 'url.template': '/products/:sku', ...resend } });
        specs.push({ id: `${id}-http`, parent: id, service: 'order', name: 'GET', kind: CLIENT, start: t, end: t + ms, attributes: http });
      }
      const server = onClient ? id : `${id}-http`;
      // The callee keeps working on an attempt the caller gave up on.
      specs.push({ id: `${id}-srv`, parent: server, service: 'inventory', name: 'GET /products/:sku', kind: SERVER, start: t + 1, end: t + ms - 1, attributes: { 'http.request.method': 'GET', 'http.route': '/products/:sku' } });
      t += ms;
    }
  }
  specs.unshift({ id: 'orders', service: 'order', name: 'POST /orders', kind: SERVER, start: 0, end: t + 1, attributes: { 'http.request.method': 'POST', 'http.route': '/orders' } });
  return specs;
}

describe('retry_storm', () => {
  it('counts the attempts of each resent call when resends hold most of the time', () => {
    const v = verdictOf(checkout(3, 3));
    expect(v.finding).toMatchObject({
      kind: 'retry_storm',
      details: { target: 'inventory GET /products/:sku', attempts: 12, calls: 3, resends: 9, maxResendCount: 3 },
    });
    expect(v.finding?.evidence).toMatch(/^12 attempts for 3 calls \(9 resends, http\.request\.resend_count up to 3\) to inventory GET \/products\/:sku · resends hold /);
    expect(v.finding?.spanIds).toContain(idOf('c0a1'));
    expect(v.finding?.spanIds).not.toContain(idOf('c0a0'));
  });

  it('reads the count from HTTP client spans that carry it themselves', () => {
    const v = verdictOf(checkout(2, 4, true));
    expect(v.finding).toMatchObject({ kind: 'retry_storm', details: { target: 'inventory GET /products/:sku', attempts: 10, calls: 2, resends: 8, maxResendCount: 4 } });
  });

  it('finds nothing when a resend is a small part of the time (one quick retry after a fast failure)', () => {
    const specs = checkout(3, 0);
    // One lookup failed fast once and was resent: 2 ms of a 16 ms checkout.
    specs.push({ id: 'quick', parent: 'orders', service: 'order', name: 'inventory GET /products/:sku', kind: INTERNAL, start: 16, end: 18, attributes: { [EVIDENCE.ATTR_RESEND_COUNT]: 1 } });
    const orders = specs.find((s) => s.id === 'orders')!;
    orders.end = 19;
    expect(verdictOf(specs).findings.map((f) => f.kind)).not.toContain('retry_storm');
  });

  it('finds nothing in a trace without resends', () => {
    expect(verdictOf(checkout(3, 0)).findings.map((f) => f.kind)).not.toContain('retry_storm');
  });
});
