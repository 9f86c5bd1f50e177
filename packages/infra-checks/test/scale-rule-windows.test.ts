import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { findPromtool, formatPrometheusDuration, listRules, parsePrometheusDuration, runPromtool, scalePromqlWindows, scaleRuleWindows } from '../src';
import { ruleGroups } from './stack';

describe('Prometheus durations', () => {
  it.each([
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['30d', 2_592_000_000],
  ])('%s is %d ms and formats back the same', (text, ms) => {
    expect(parsePrometheusDuration(text)).toBe(ms);
    expect(formatPrometheusDuration(ms)).toBe(text);
  });

  it('rejects what is not a duration', () => {
    expect(() => parsePrometheusDuration('5 minutes')).toThrow(/not a Prometheus duration/);
    expect(() => formatPrometheusDuration(1.5)).toThrow(/whole/);
  });
});

describe('scalePromqlWindows', () => {
  it('divides ranges and subquery windows, and leaves string literals alone', () => {
    const expr = 'sum(rate(x{status=~"5[0-9][0-9]"}[5m])) / max_over_time(y[1h:1m])';
    expect(scalePromqlWindows(expr, 60)).toBe('sum(rate(x{status=~"5[0-9][0-9]"}[5s])) / max_over_time(y[1m:1s])');
  });

  it('refuses a window that would shrink below a millisecond', () => {
    expect(() => scalePromqlWindows('rate(x[1ms])', 60)).toThrow(/less than a millisecond/);
  });
});

describe('scaleRuleWindows on the repo rules, at factor 60', () => {
  const scaled = scaleRuleWindows(ruleGroups, 60);
  const before = listRules(ruleGroups);
  const after = listRules(scaled);

  it('keeps every rule name, label and annotation; only windows and intervals change', () => {
    expect(after.map((r) => [r.record ?? r.alert, r.labels, r.annotations])).toEqual(before.map((r) => [r.record ?? r.alert, r.labels, r.annotations]));
    expect(scaled.map((g) => g.interval)).toEqual(ruleGroups.map((g) => (g.interval === '1m' ? '1s' : g.interval)));
    expect(after.find((r) => r.alert === 'TracecartTargetDown')?.for).toBe('1s');
  });

  it('turns the 5m and 30d windows into 5s and 12h, thresholds untouched', () => {
    const expr = (name: string) => after.find((r) => r.record === name)?.expr ?? '';
    expect(expr('slo:checkout_availability_errors:ratio_rate5m')).toContain('[5s]');
    expect(expr('slo:checkout_availability_errors:ratio_rate30d')).toContain('[12h]');
    expect(after.find((r) => r.alert === 'CheckoutAvailabilityBudgetBurnFast')?.expr).toContain('14.4 * (1 - 0.999)');
  });

  const promtool = findPromtool();
  (promtool ? it : it.skip)('gives a rules file promtool accepts', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-checks-'));
    try {
      writeFileSync(path.join(dir, 'scaled.rules.yml'), stringify({ groups: scaled }));
      const result = runPromtool(promtool as string, ['check', 'rules', 'scaled.rules.yml'], dir);
      expect(result.output).toContain(`${after.length} rules found`);
      expect(result.ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
