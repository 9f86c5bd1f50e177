// The lab's retry-storm row: order resending its calls to inventory maps to fix.retries; resends
// to any other callee have no switch.
import { buildTraceTree, decideVerdict } from '@tracecart/trace-analysis';
import { toTracesData, type SpanSpec } from '@tracecart/testkit';
import { EVIDENCE } from '@tracecart/contracts';
import { LAB_SWITCH_RULES } from '../src';

const SERVER = 2;
const INTERNAL = 1;

// One call to `callee` resent three times on a 100 ms timeout, then answered in 5 ms.
function resentCall(callee: string): SpanSpec[] {
  const specs: SpanSpec[] = [{ id: 'req', service: 'order', name: 'POST /orders', kind: SERVER, start: 0, end: 310, attributes: { 'http.request.method': 'POST', 'http.route': '/orders' } }];
  for (let a = 0; a < 4; a++) {
    const start = 1 + a * 100;
    const resend: Record<string, number> = a > 0 ? { [EVIDENCE.ATTR_RESEND_COUNT]: a } : {};
    specs.push({ id: `a${a}`, parent: 'req', service: 'order', name: `${callee} GET /products/:sku`, kind: INTERNAL, start, end: start + (a < 3 ? 100 : 5), attributes: resend });
  }
  return specs;
}

const verdictOf = (specs: SpanSpec[]) => decideVerdict(buildTraceTree(toTracesData(specs))[0], { rules: LAB_SWITCH_RULES });

describe('the lab’s retry-storm row', () => {
  it('suggests fix.retries for resent calls to inventory', () => {
    const v = verdictOf(resentCall('inventory'));
    expect(v).toMatchObject({ ruleId: 'retry-storm', switchName: 'fix.retries', suggestion: 'try fix.retries' });
    expect(v.finding).toMatchObject({ kind: 'retry_storm', details: { attempts: 4, calls: 1, resends: 3 } });
  });

  it('names the storm but no switch for another callee', () => {
    expect(verdictOf(resentCall('billing'))).toMatchObject({ switchName: undefined, finding: { kind: 'retry_storm' } });
  });
});
