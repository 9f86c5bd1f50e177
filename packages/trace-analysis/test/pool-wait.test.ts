// The pool-wait finding from the evidence alone, on small checkout traces shaped the way the
// tracing package records a starved pool: the service's handler asks its pool for a connection
// (`pg-pool.connect`, under the handler), and each statement carries the time it waited for one
// (db.client.connection.wait_time). No rules: the verdict names the finding itself.
import { buildTraceTree, decideVerdict } from '../src';
import { EVIDENCE } from '@tracecart/contracts';
import { idOf, toTracesData, type SpanSpec } from '@tracecart/testkit';

const SERVER = 2;
const CLIENT = 3;
const INTERNAL = 1;
const pg = (sql: string, waitMs: number) => ({ 'db.system.name': 'postgresql', 'db.query.text': sql, [EVIDENCE.ATTR_CONNECTION_WAIT_TIME]: waitMs });

function verdictOf(specs: SpanSpec[]) {
  return decideVerdict(buildTraceTree(toTracesData(specs))[0]);
}

// A checkout: the shop calls its stock service, whose handler waits `waitMs` for a pooled
// connection, then runs a short reservation transaction on it.
function checkout(waitMs: number): SpanSpec[] {
  const t = 3 + waitMs;
  return [
    { id: 'req', service: 'shop', name: 'POST /checkout', kind: SERVER, start: 0, end: t + 6, attributes: { 'http.request.method': 'POST', 'http.route': '/checkout' } },
    { id: 'call', parent: 'req', service: 'shop', name: 'POST', kind: CLIENT, start: 1, end: t + 5 },
    { id: 'res', parent: 'call', service: 'stock', name: 'POST /reservations', kind: SERVER, start: 2, end: t + 4, attributes: { 'http.request.method': 'POST', 'http.route': '/reservations' } },
    { id: 'conn', parent: 'res', service: 'stock', name: 'pg-pool.connect', kind: INTERNAL, start: 3, end: t },
    { id: 'begin', parent: 'res', service: 'stock', name: 'BEGIN', kind: CLIENT, start: t, end: t + 0.2, attributes: pg('BEGIN', waitMs) },
    { id: 'upd', parent: 'res', service: 'stock', name: 'UPDATE products', kind: CLIENT, start: t + 0.3, end: t + 1.5, attributes: pg('UPDATE products SET on_hand = on_hand - $2 WHERE sku = $1', 0) },
    { id: 'commit', parent: 'res', service: 'stock', name: 'COMMIT', kind: CLIENT, start: t + 1.6, end: t + 2, attributes: pg('COMMIT', 0) },
  ];
}

describe('pool_wait', () => {
  it('names the pool checkout a handler waited on for most of the checkout', () => {
    const v = verdictOf(checkout(120));
    expect(v.culprit).toMatchObject({ service: 'stock', operation: 'pg-pool.connect' });
    expect(v.finding).toMatchObject({ kind: 'pool_wait', spanIds: [idOf('conn')], details: { operation: 'pg-pool.connect', waitMs: 120 } });
    expect(v.finding?.evidence).toBe('pg-pool.connect: 1 checkout waiting 120 ms for a connection');
  });

  it('finds nothing when the pool handed a connection over at once', () => {
    const v = verdictOf(checkout(0.1));
    expect(v.findings.map((f) => f.kind)).not.toContain('pool_wait');
  });
});
