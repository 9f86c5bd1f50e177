// Each finding from the evidence alone, on small traces built the way instrumented services
// record them: a statement span, its wait samples (on a span linked to it when they came late),
// pool checkouts, cache reads and fault events. No rules: the verdict names the finding itself.
import { buildTraceTree, decideVerdict } from '../src';
import { EVIDENCE } from '@tracecart/contracts';
import { idOf, toTracesData, waitsEvent, type SpanSpec } from '@tracecart/testkit';

const SERVER = 2;
const CLIENT = 3;
const pg = (sql: string, extra: SpanSpec['attributes'] = {}) => ({ 'db.system.name': 'postgresql', 'db.query.text': sql, ...extra });
const UPDATE = 'UPDATE accounts SET balance = balance - $2 WHERE id = $1';

function verdictOf(specs: SpanSpec[]) {
  return decideVerdict(buildTraceTree(toTracesData(specs))[0]);
}

function request(children: SpanSpec[], end: number): SpanSpec[] {
  return [{ id: 'req', service: 'bank', name: 'POST /transfer', kind: SERVER, start: 0, end, attributes: { 'http.request.method': 'POST', 'http.route': '/transfer' } }, ...children];
}

describe('findings from evidence', () => {
  it('lock wait: Lock samples taking most of a slow statement, read through the link of a late waits span', () => {
    const v = verdictOf(
      request(
        [
          { id: 'upd', parent: 'req', service: 'bank', name: 'UPDATE accounts', kind: CLIENT, start: 1, end: 91, attributes: pg(UPDATE) },
          { id: 'w', parent: 'req', service: 'bank', name: EVIDENCE.WAITS_SPAN_NAME, kind: CLIENT, start: 91, end: 91, links: ['upd'], events: [waitsEvent(['Lock', 'CPU'], ['transactionid', 'running'], [40, 2])] },
        ],
        92,
      ),
    );
    expect(v.finding).toMatchObject({ kind: 'lock_wait', details: { wait: 'Lock:transactionid', samples: 42 }, spanIds: [idOf('upd')] });
    expect(v.line).toBe('bank · UPDATE accounts · Lock:transactionid ×40 of 42 wait samples · 1 call · 98% of critical path · lock wait → another transaction holds the lock: hold row locks for less time (lock last, commit soon)');
  });

  it('no lock wait when the samples mostly saw the statement working', () => {
    const v = verdictOf(request([{ id: 'upd', parent: 'req', service: 'bank', name: 'UPDATE accounts', kind: CLIENT, start: 1, end: 91, attributes: pg(UPDATE), events: [waitsEvent(['Lock', 'IO'], ['tuple', 'DataFileRead'], [5, 30])] }], 92));
    expect(v.findings.map((f) => f.kind)).not.toContain('lock_wait');
  });

  it('pool wait: a handler whose statement waited for a pooled connection most of the handler’s time', () => {
    const v = verdictOf(request([{ id: 'sel', parent: 'req', service: 'bank', name: 'SELECT accounts', kind: CLIENT, start: 60, end: 90, attributes: pg('SELECT balance FROM accounts WHERE id = $1', { [EVIDENCE.ATTR_CONNECTION_WAIT_TIME]: 58 }) }], 92));
    expect(v.culprit).toMatchObject({ operation: 'POST /transfer' });
    expect(v.finding).toMatchObject({ kind: 'pool_wait', spanIds: [idOf('sel')] });
    expect(v.finding?.evidence).toBe('waited 58.0 ms for a pooled connection before running 30.0 ms (db.client.connection.wait_time)');
  });

  it('pool wait: the pool checkout spans themselves on the critical path', () => {
    const checkouts = [0, 1, 2].map((k): SpanSpec => ({ id: `pc${k}`, parent: 'req', service: 'bank', name: 'pg-pool.connect', start: 1 + k * 30, end: 29 + k * 30 }));
    const v = verdictOf(request(checkouts, 92));
    expect(v.finding).toMatchObject({ kind: 'pool_wait', evidence: 'pg-pool.connect: 3 checkouts waiting 84.0 ms for a connection' });
  });

  it('cache miss: a cache GET that returned nothing before the database read, and a hit that did not', () => {
    const trace = (returned: number) =>
      request(
        [
          { id: 'get', parent: 'req', service: 'bank', name: 'get', kind: CLIENT, start: 1, end: 2, attributes: { 'db.system.name': 'redis', [EVIDENCE.ATTR_RETURNED_ROWS]: returned } },
          { id: 'sel', parent: 'req', service: 'bank', name: 'SELECT accounts', kind: CLIENT, start: 2, end: 90, attributes: pg('SELECT balance FROM accounts WHERE id = $1') },
        ],
        91,
      );
    const miss = verdictOf(trace(0));
    expect(miss.finding).toMatchObject({ kind: 'cache_miss', details: { cache: 'redis get', misses: 1 } });
    expect(miss.line).toContain('redis get found nothing before 1 of 1 read');
    expect(verdictOf(trace(1)).findings).toEqual([]);
  });

  it('uncached read: a read with no cache read before it in its request', () => {
    const v = verdictOf(request([{ id: 'sel', parent: 'req', service: 'bank', name: 'SELECT accounts', kind: CLIENT, start: 2, end: 90, attributes: pg('SELECT balance FROM accounts WHERE id = $1') }], 91));
    expect(v.finding).toMatchObject({ kind: 'uncached_read', evidence: 'no cache read before the read in bank' });
  });

  it('injected fault: a chaos event on the spans holding most of the culprit’s time', () => {
    const v = verdictOf(request([{ id: 'work', parent: 'req', service: 'bank', name: 'score', start: 1, end: 90, events: [{ name: 'chaos.latency', attributes: { 'chaos.delay_ms': 80 } }] }], 91));
    expect(v.finding).toMatchObject({ kind: 'injected_fault', evidence: 'chaos.latency (chaos.delay_ms=80) on 1 span' });
  });

  it('prefers the lock to the plan when a statement that scans its table mostly waited on a lock', () => {
    const plan = { name: EVIDENCE.PLAN_EVENT, attributes: { [EVIDENCE.ATTR_PLAN_JSON]: JSON.stringify([{ Plan: { 'Node Type': 'Seq Scan', 'Relation Name': 'accounts', Filter: '(id = 7)', 'Plan Rows': 1, 'Total Cost': 100 } }]) } };
    const v = verdictOf(request([{ id: 'upd', parent: 'req', service: 'bank', name: 'UPDATE accounts', kind: CLIENT, start: 1, end: 91, attributes: pg(UPDATE), events: [plan, waitsEvent(['Lock'], ['tuple'], [30])] }], 92));
    expect(v.findings.map((f) => f.kind)).toEqual(['lock_wait', 'sequential_scan']);
    expect(v.finding?.kind).toBe('lock_wait');
  });

  it('reads a plan whose JSON was cut from its node lines', () => {
    const plan = {
      name: EVIDENCE.PLAN_EVENT,
      attributes: { [EVIDENCE.ATTR_PLAN_JSON]: `[{"Plan":{"Node Type":"Seq Scan"${EVIDENCE.PLAN_JSON_CUT_MARKER}`, [EVIDENCE.ATTR_PLAN_NODES]: 'Seq Scan on accounts (rows≈3, cost 1234.50, filter: ((owner)::text = $1))' },
    };
    const v = verdictOf(request([{ id: 'sel', parent: 'req', service: 'bank', name: 'SELECT accounts', kind: CLIENT, start: 1, end: 91, attributes: pg('SELECT * FROM accounts WHERE owner = $1'), events: [plan] }], 92));
    expect(v.finding).toMatchObject({ kind: 'sequential_scan', details: { relation: 'accounts', filter: 'owner = $1', rows: 3, cost: 1234.5 } });
  });
});
