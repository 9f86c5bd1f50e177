import { checkMetricReferences, checkRuleGroups, formatBucketBound, listRules, parseRuleGroups, scanPromql } from '../src';
import { emitted, known, ruleGroups } from './stack';

const rules = listRules(ruleGroups);
const alerts = rules.filter((r) => r.alert !== undefined);
const exprOf = (name: string) => rules.find((r) => r.alert === name || r.record === name)?.expr ?? '';

// The multi-window, multi-burn-rate table of the SRE workbook: [long window, short window, burn rate].
const FAST_PAIRS = [['1h', '5m', '14.4'], ['6h', '30m', '6']];
const SLOW_PAIRS = [['1d', '2h', '3'], ['3d', '6h', '1']];
// Every SLO of the lab: the prefix of its recorded series, the prefix of its alerts, its objective.
const SLOS = [
  { sli: 'checkout_availability', alert: 'CheckoutAvailability', objective: '0.999', label: 'checkout-availability' },
  { sli: 'checkout_latency', alert: 'CheckoutLatency', objective: '0.99', label: 'checkout-latency' },
  { sli: 'order_freshness', alert: 'OrderFreshness', objective: '0.99', label: 'order-freshness' },
];
const LAG_HISTOGRAM = 'order_fulfilment_lag_seconds';
const HTTP_HISTOGRAM = 'http_server_request_duration_seconds';
const leBounds = (expr: string) => scanPromql(expr).matchers.filter((m) => m.name === 'le').map((m) => m.value);

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
    expect(bounds[0]).toBe(Math.max(...(emitted.histogramBuckets.get(HTTP_HISTOGRAM) ?? []).filter((b) => b <= 0.3)));
  });

});

describe('the order freshness SLO', () => {
  const raw = rules.filter((r) => r.record !== undefined && r.expr.includes(LAG_HISTOGRAM));

  it('measures fulfilment\'s commit-to-fulfilled lag, and only that', () => {
    expect(raw.map((r) => r.record).sort()).toEqual(
      ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map((w) => `slo:order_freshness_errors:ratio_rate${w}`).sort(),
    );
    for (const rule of raw) {
      expect(scanPromql(rule.expr).metrics.sort()).toEqual([`${LAG_HISTOGRAM}_bucket`, `${LAG_HISTOGRAM}_count`]);
      const selectors = scanPromql(rule.expr).matchers.filter((m) => m.name !== 'le');
      expect(selectors.map((m) => `${m.name}${m.op}${m.value}`)).toEqual(['service=fulfilment', 'service=fulfilment']);
    }
  });

  it('reads "within 5 s" at the lag histogram\'s own 5 s bound, as Prometheus stores it', () => {
    const lagBuckets = emitted.histogramBuckets.get(LAG_HISTOGRAM) ?? [];
    expect(lagBuckets).toContain(5);
    // One bound for every window, exactly the objective's 5 s (no rounding as for checkout latency).
    expect(new Set(raw.flatMap((r) => leBounds(r.expr)))).toEqual(new Set([formatBucketBound(5)]));
    expect(formatBucketBound(5)).toBe('5.0');
  });

  it('watches the backlog of order.placed as fulfilment reports it', () => {
    const backlog = alerts.find((a) => a.alert === 'FulfilmentBacklogGrowing');
    expect(backlog?.labels).toMatchObject({ severity: 'ticket', slo: 'order-freshness' });
    const matchers = scanPromql(backlog?.expr ?? '').matchers.map((m) => `${m.name}${m.op}${m.value}`);
    expect(new Set(matchers)).toEqual(new Set(['service=fulfilment', 'queue=order.placed', 'state=queued']));
  });
});

describe('every SLO', () => {
  it.each(SLOS)('records the $sli error ratio over every window the alerts read, and the budget left', ({ sli, objective }) => {
    for (const window of ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']) {
      expect(exprOf(`slo:${sli}_errors:ratio_rate${window}`)).toContain(`[${window}]`);
    }
    const budget = `1 - slo:${sli}_errors:ratio_rate30d / (1 - ${objective})`;
    expect(exprOf(`slo:${sli}:error_budget_remaining`).trim()).toBe(budget);
  });

  it.each(SLOS)('pages and tickets on $sli with the multi-window burn-rate pairs', ({ sli, alert: prefix, objective, label }) => {
    const line = (window: string, rate: string) => `slo:${sli}_errors:ratio_rate${window} > (${rate} * (1 - ${objective}))`;
    for (const [severity, name, pairs] of [['page', 'Fast', FAST_PAIRS], ['ticket', 'Slow', SLOW_PAIRS]] as const) {
      const alert = alerts.find((a) => a.alert === `${prefix}BudgetBurn${name}`);
      expect(alert?.labels).toEqual({ severity, slo: label });
      const expr = (alert?.expr ?? '').replace(/\s+/g, ' ');
      for (const [long, short, rate] of pairs) expect(expr).toContain(`${line(long, rate)} and ${line(short, rate)}`);
    }
  });

  it('evaluates each burn-rate alert in the same group as the ratios it reads', () => {
    const burnAlerts = ruleGroups.flatMap((group) => group.rules.filter((r) => r.alert?.includes('BudgetBurn')).map((alert) => ({ group, alert })));
    expect(burnAlerts).toHaveLength(SLOS.length * 2);
    for (const { group, alert } of burnAlerts) {
      const recorded = scanPromql(alert.expr).metrics;
      expect(recorded.every((m) => group.rules.some((r) => r.record === m))).toBe(true);
    }
  });
});
