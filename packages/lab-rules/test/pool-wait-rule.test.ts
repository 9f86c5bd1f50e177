// The lab's pool-wait row: inventory's handler waiting for a pooled connection maps to fix.pool;
// a pool wait in any other service has no switch.
import { buildTraceTree, decideVerdict } from '@tracecart/trace-analysis';
import { CHECKOUT_SQL, idOf, toTracesData, type SpanSpec } from '@tracecart/testkit';
import { EVIDENCE } from '@tracecart/contracts';
import { LAB_SWITCH_RULES } from '../src';

const SERVER = 2;
const CLIENT = 3;
const INTERNAL = 1;

// A reservation whose handler waited 150 ms for a connection, then ran its UPDATE at once.
function reservation(service: string): SpanSpec[] {
  return [
    { id: 'res', service, name: 'POST /reservations', kind: SERVER, start: 0, end: 160, attributes: { 'http.request.method': 'POST', 'http.route': '/reservations' } },
    { id: 'conn', parent: 'res', service, name: 'pg-pool.connect', kind: INTERNAL, start: 1, end: 151 },
    { id: 'upd', parent: 'res', service, name: 'UPDATE products', kind: CLIENT, start: 151, end: 153, attributes: { 'db.system.name': 'postgresql', 'db.query.text': CHECKOUT_SQL.reserve, [EVIDENCE.ATTR_CONNECTION_WAIT_TIME]: 150 } },
  ];
}

const verdictOf = (specs: SpanSpec[]) => decideVerdict(buildTraceTree(toTracesData(specs))[0], { rules: LAB_SWITCH_RULES });

describe('the lab’s pool-wait row', () => {
  it('suggests fix.pool for inventory’s pool', () => {
    const v = verdictOf(reservation('inventory'));
    expect(v).toMatchObject({ ruleId: 'pool-wait', switchName: 'fix.pool', suggestion: 'try fix.pool' });
    expect(v.finding).toMatchObject({ kind: 'pool_wait', spanIds: [idOf('conn')] });
  });

  it('names the wait but no switch in another service', () => {
    expect(verdictOf(reservation('billing'))).toMatchObject({ switchName: undefined, finding: { kind: 'pool_wait' } });
  });
});
