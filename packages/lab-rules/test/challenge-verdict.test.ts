// During a challenge the verdict keeps its culprit, finding and diagnosis but names no fix switch:
// the finding's general advice stands where the switch was, in the structure and in the line.
import { buildTraceTree, decideVerdict } from '@tracecart/trace-analysis';
import { CHECKOUT_SQL, toTracesData, type SpanSpec } from '@tracecart/testkit';
import { EVIDENCE } from '@tracecart/contracts';
import { LAB_SWITCH_RULES, withoutFixSuggestion } from '../src';

const SERVER = 2;
const CLIENT = 3;
const INTERNAL = 1;

// Inventory's handler waited 150 ms for a pooled connection, then ran its UPDATE at once.
const POOL_WAIT: SpanSpec[] = [
  { id: 'res', service: 'inventory', name: 'POST /reservations', kind: SERVER, start: 0, end: 160, attributes: { 'http.request.method': 'POST', 'http.route': '/reservations' } },
  { id: 'conn', parent: 'res', service: 'inventory', name: 'pg-pool.connect', kind: INTERNAL, start: 1, end: 151 },
  { id: 'upd', parent: 'res', service: 'inventory', name: 'UPDATE products', kind: CLIENT, start: 151, end: 153, attributes: { 'db.system.name': 'postgresql', 'db.query.text': CHECKOUT_SQL.reserve, [EVIDENCE.ATTR_CONNECTION_WAIT_TIME]: 150 } },
];

const verdictOf = (specs: SpanSpec[]) => decideVerdict(buildTraceTree(toTracesData(specs))[0], { rules: LAB_SWITCH_RULES });

describe('withoutFixSuggestion', () => {
  it('replaces the fix switch with the finding’s general advice', () => {
    const full = verdictOf(POOL_WAIT);
    expect(full.switchName).toBe('fix.pool');
    const hidden = withoutFixSuggestion(full);
    expect(hidden).toMatchObject({ culprit: full.culprit, finding: full.finding, diagnosis: full.diagnosis, switchName: undefined, suggestion: full.finding!.advice });
    expect(hidden.line).toBe(full.line.replace('try fix.pool', full.finding!.advice));
    expect(hidden.line).not.toMatch(/fix\./);
  });

  it('leaves a verdict that names no fix as it is', () => {
    const noSwitch = { ...verdictOf(POOL_WAIT), switchName: 'chaos.latency' };
    expect(withoutFixSuggestion(noSwitch)).toBe(noSwitch);
  });
});
