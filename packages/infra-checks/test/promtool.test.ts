import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { collectDashboardQueries, findPromtool, runPromtool, substituteGrafanaVariables } from '../src';
import { prometheusDir, repoPath } from './stack';

// promtool is optional (Debian's prometheus package ships it); the JS checks run either way.
const promtool = findPromtool();
const withPromtool = promtool ? describe : describe.skip;
if (!promtool) {
  console.log('promtool is not on PATH: skipping promtool check config / check rules / test rules (apt-get install prometheus)');
}

withPromtool('promtool', () => {
  const run = (args: string[], cwd = prometheusDir) => runPromtool(promtool as string, args, cwd);

  it('accepts prometheus.yml and the rule files it loads', () => {
    const result = run(['check', 'config', 'prometheus.yml']);
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  });

  it('accepts the rules file', () => {
    expect(run(['check', 'rules', 'rules/slo.rules.yml'])).toMatchObject({ ok: true });
  });

  it('passes the rules unit tests: the alerts fire, and stay quiet, when they should', () => {
    const result = run(['test', 'rules', 'tests/slo.test.yml']);
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  });

  it('parses every dashboard query as PromQL', () => {
    const dashboard = JSON.parse(readFileSync(repoPath('infra', 'grafana', 'dashboards', 'tracecart-checkout.json'), 'utf8'));
    const rules = collectDashboardQueries(dashboard).map((q, i) => ({ record: `dashboard:query:${i}`, expr: substituteGrafanaVariables(q.expr) }));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-checks-'));
    try {
      writeFileSync(path.join(dir, 'dashboard.rules.yml'), stringify({ groups: [{ name: 'dashboard', rules }] }));
      const result = run(['check', 'rules', 'dashboard.rules.yml'], dir);
      expect(result.output).toContain(`${rules.length} rules found`);
      expect(result.ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a broken rule, so the checks above can fail', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'infra-checks-'));
    try {
      writeFileSync(path.join(dir, 'bad.rules.yml'), stringify({ groups: [{ name: 'bad', rules: [{ record: 'x:y:z', expr: 'sum(rate(up[5m])' }] }] }));
      expect(run(['check', 'rules', 'bad.rules.yml'], dir).ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
