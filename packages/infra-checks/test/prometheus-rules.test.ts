import { checkMetricReferences, checkRuleGroups, listRules, parseRuleGroups, scanPromql } from '../src';
import { emitted, known, ruleGroups } from './stack';

const rules = listRules(ruleGroups);
const alerts = rules.filter((r) => r.alert !== undefined);
const exprOf = (name: string) => rules.find((r) => r.alert === name || r.record === name)?.expr ?? '';

// The multi-window, multi-burn-rate table of the SRE workbook: [long window, short window, burn rate].
const FAST_PAIRS = [['1h', '5m', '14.4'], ['6h', '30m', '6']];
const SLOW_PAIRS = [['1d', '2h', '3'], ['3d', '6h', '1']];
const SLIS = [
  { kind: 'availability', title: 'Availability', objective: '0.999' },
  { kind: 'latency', title: 'Latency', objective: '0.99' },
];

describe('rule structure', () => {
  it('has sound groups, names, durations and alert labels', () => {
    expect(checkRuleGroups(ruleGroups)).toEqual([]);
  });

  it('catches what promtool would also reject', () => {
    const broken = parseRuleGroups([
      'groups:',
      '  - name: g',
      '    interval: soon',
      '    rules:',
      '      - record: no_colons',
      '        expr: up',
      '      - alert: Quiet',
      '        expr: ""',
      '        lables: {}',
      '  - name: g',
      '    rules: []',
    ].join('\n'));
    expect(checkRuleGroups(broken)).toEqual([
      'group g: interval "soon" is not a duration',
      'g[0] no_colons: "no_colons" is not level:metric:operations',
      'g[1] Quiet: unknown key lables',
      'g[1] Quiet: expr is empty',
      'g[1] Quiet: an alert needs a severity label',
      'g[1] Quiet: an alert needs a summary annotation',
      'group g is defined twice',
      'group g has no rules',
    ]);
  });
});

describe('metric references', () => {
  it('uses only metrics the apps emit, labels they carry, buckets they have, or recorded series', () => {
    const problems = rules.flatMap((r) => checkMetricReferences(r.expr, known).map((p) => `${r.record ?? r.alert}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('reports a metric, a label or a bucket that does not exist', () => {
    expect(checkMetricReferences('rate(http_requests_total{code="500"}[5m])', known)).toEqual([
      'unknown metric http_requests_total',
      'unknown label code',
    ]);
    expect(checkMetricReferences('http_server_request_duration_seconds_bucket{le="0.3"}', known)[0]).toMatch(/le="0.3" is not a bucket bound/);
    // Prometheus 3 stores integer bounds as 1.0, so le="1" would select nothing.
    expect(checkMetricReferences('http_server_request_duration_seconds_bucket{le="1"}', known)[0]).toMatch(/le="1" is not/);
  });
});

describe('the checkout SLO', () => {
  const checkoutSelector = (expr: string) =>
    scanPromql(expr).matchers.filter((m) => m.name === 'service' || m.name === 'route').map((m) => `${m.name}${m.op}${m.value}`);

  it('measures checkouts only: route /api/checkout on the gateway', () => {
    const raw = rules.filter((r) => r.record !== undefined && /http_server_request_duration_seconds/.test(r.expr));
    expect(raw.length).toBe(16);
    for (const rule of raw) expect(new Set(checkoutSelector(rule.expr))).toEqual(new Set(['service=gateway', 'route=/api/checkout']));
  });

  it('counts only 5xx answers as failures and reads "under 300 ms" at a real bucket bound at or below it', () => {
    const availability = rules.filter((r) => r.record?.startsWith('slo:checkout_availability_errors:'));
    for (const r of availability) expect(scanPromql(r.expr).matchers).toContainEqual({ name: 'status', op: '=~', value: '5..' });
    const latency = rules.filter((r) => r.record?.startsWith('slo:checkout_latency_errors:'));
    const bounds = latency.flatMap((r) => scanPromql(r.expr).matchers.filter((m) => m.name === 'le').map((m) => Number(m.value)));
    expect(new Set(bounds).size).toBe(1);
    // The largest bucket bound not above 300 ms: conservative, and the best the histogram allows.
    expect(bounds[0]).toBe(Math.max(...emitted.buckets.filter((b) => b <= 0.3)));
  });

  it.each(SLIS)('records the $kind error ratio over every window the alerts read, and the budget left', ({ kind }) => {
    for (const window of ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']) {
      expect(exprOf(`slo:checkout_${kind}_errors:ratio_rate${window}`)).toContain(`[${window}]`);
    }
    expect(exprOf(`slo:checkout_${kind}:error_budget_remaining`)).toMatch(new RegExp(`^1 - slo:checkout_${kind}_errors:ratio_rate30d / \\(1 - 0\\.99`));
  });

  it.each(SLIS)('pages and tickets on $kind with the multi-window burn-rate pairs', ({ kind, title, objective }) => {
    const line = (window: string, rate: string) => `slo:checkout_${kind}_errors:ratio_rate${window} > (${rate} * (1 - ${objective}))`;
    for (const [severity, name, pairs] of [['page', 'Fast', FAST_PAIRS], ['ticket', 'Slow', SLOW_PAIRS]] as const) {
      const alert = alerts.find((a) => a.alert === `Checkout${title}BudgetBurn${name}`);
      expect(alert?.labels?.severity).toBe(severity);
      const expr = (alert?.expr ?? '').replace(/\s+/g, ' ');
      for (const [long, short, rate] of pairs) expect(expr).toContain(`${line(long, rate)} and ${line(short, rate)}`);
    }
  });

  it('evaluates each alert in the same group as the ratios it reads', () => {
    for (const group of ruleGroups) {
      for (const alert of group.rules.filter((r) => r.alert?.startsWith('Checkout'))) {
        const recorded = scanPromql(alert.expr).metrics;
        expect(recorded.every((m) => group.rules.some((r) => r.record === m))).toBe(true);
      }
    }
  });
});
