// The lab's lock-wait row: a stock UPDATE that mostly waited on a row lock maps to fix.lock, ahead
// of the sequential scan its plan may also show; a lock wait on any other statement has no switch.
import { buildTraceTree, decideVerdict } from '@tracecart/trace-analysis';
import { CHECKOUT_SQL, idOf, toTracesData, waitsEvent, type SpanSpec } from '@tracecart/testkit';
import { EVIDENCE } from '@tracecart/contracts';
import { LAB_SWITCH_RULES } from '../src';

const SERVER = 2;
const CLIENT = 3;

// A sequential scan of products by sku, as the UPDATE's plan shows it without the index.
const SCAN_PLAN = {
  name: EVIDENCE.PLAN_EVENT,
  attributes: {
    [EVIDENCE.ATTR_PLAN_JSON]: JSON.stringify([{ Plan: { 'Node Type': 'Seq Scan', 'Relation Name': 'products', Filter: "(sku = 'SKU-0000001')", 'Plan Rows': 1, 'Total Cost': 60 } }]),
  },
};

function reservation(statement: string, events: SpanSpec['events']): SpanSpec[] {
  return [
    { id: 'req', service: 'inventory', name: 'POST /reservations', kind: SERVER, start: 0, end: 92, attributes: { 'http.request.method': 'POST', 'http.route': '/reservations' } },
    { id: 'upd', parent: 'req', service: 'inventory', name: 'UPDATE products', kind: CLIENT, start: 1, end: 91, attributes: { 'db.system.name': 'postgresql', 'db.query.text': statement }, events },
  ];
}

const verdictOf = (specs: SpanSpec[]) => decideVerdict(buildTraceTree(toTracesData(specs))[0], { rules: LAB_SWITCH_RULES });

describe('the lab switch table on lock waits', () => {
  it('suggests fix.lock for a stock UPDATE that mostly waited on a row lock, before its seq scan', () => {
    const v = verdictOf(reservation(CHECKOUT_SQL.reserve, [SCAN_PLAN, waitsEvent(['Lock', 'CPU'], ['transactionid', 'running'], [8, 1])]));
    expect(v).toMatchObject({ ruleId: 'lock-wait', switchName: 'fix.lock', diagnosis: 'lock wait', suggestion: 'try fix.lock' });
    expect(v.finding).toMatchObject({ kind: 'lock_wait', details: { wait: 'Lock:transactionid' }, spanIds: [idOf('upd')] });
    expect(v.findings.map((f) => f.kind)).toEqual(['lock_wait', 'sequential_scan']);
  });

  it('leaves the scan to fix.index when the UPDATE mostly worked', () => {
    const v = verdictOf(reservation(CHECKOUT_SQL.reserve, [SCAN_PLAN, waitsEvent(['Lock', 'IO'], ['transactionid', 'DataFileRead'], [1, 8])]));
    expect(v).toMatchObject({ ruleId: 'seq-scan', switchName: 'fix.index' });
  });

  it('names no switch for a lock wait on another statement', () => {
    const v = verdictOf(reservation('UPDATE reservations SET status = $2 WHERE order_id = $1', [waitsEvent(['Lock'], ['tuple'], [9])]));
    expect(v.finding?.kind).toBe('lock_wait');
    expect(v.switchName).toBeUndefined();
  });

  it('checks the lock before the plan', () => {
    const ids = LAB_SWITCH_RULES.filter((r) => r.scope === 'culprit').map((r) => r.id);
    expect(ids.indexOf('lock-wait')).toBeLessThan(ids.indexOf('seq-scan'));
  });
});
