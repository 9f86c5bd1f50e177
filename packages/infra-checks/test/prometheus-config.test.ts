import { readFileSync } from 'node:fs';
import { listScrapeTargets, resolveRuleFiles } from '../src';
import { APP_PORTS, prometheusConfig, prometheusDir, readRepoFile, ruleFiles, services, UNSCRAPED_APPS } from './stack';

const targets = listScrapeTargets(prometheusConfig);
const scrapedApps = Object.entries(APP_PORTS).filter(([app]) => !UNSCRAPED_APPS.includes(app));

describe('prometheus.yml', () => {
  it.each(scrapedApps)('scrapes %s on its port %i every 5 s at /metrics', (app, port) => {
    const target = targets.find((t) => t.target === `${app}:${port}`);
    expect(target).toMatchObject({ job: 'tracecart', interval: '5s', metricsPath: '/metrics' });
  });

  it('scrapes only services compose runs, on ports they listen on', () => {
    const unknown = targets
      .filter((t) => t.job === 'tracecart')
      .filter(({ target }) => {
        const [host, port] = target.split(':');
        return services[host] === undefined || APP_PORTS[host] !== Number(port) || UNSCRAPED_APPS.includes(host);
      });
    expect(unknown).toEqual([]);
  });

  it('keeps OpenMetrics, the only format that carries exemplars, first when protocols are set', () => {
    // Unset means Prometheus' default, which already asks for OpenMetrics first.
    for (const t of targets) if (t.protocols) expect(t.protocols[0]).toMatch(/^OpenMetricsText/);
  });

  it('loads the SLO rules file, resolved like Prometheus does', () => {
    expect(ruleFiles.map((f) => f.slice(prometheusDir.length + 1))).toEqual(['rules/slo.rules.yml']);
    expect(resolveRuleFiles({ rule_files: ['rules/*.yml'] }, prometheusDir)).toEqual(ruleFiles);
    expect(readFileSync(ruleFiles[0], 'utf8')).toContain('groups:');
  });
});

describe('the prometheus service', () => {
  const prometheus = services.prometheus;
  const args = prometheus.command as string[];

  it('stores exemplars, so Grafana can link a latency sample to its trace', () => {
    const features = args.filter((a) => a.startsWith('--enable-feature=')).flatMap((a) => a.split('=')[1].split(','));
    expect(features).toContain('exemplar-storage');
  });

  it('reads this folder as its config and keeps the 30-day SLO window of samples', () => {
    expect(args).toContain('--config.file=/etc/prometheus/prometheus.yml');
    expect(prometheus.volumes).toContain('./infra/prometheus:/etc/prometheus:ro');
    expect(args).toContain('--storage.tsdb.retention.time=30d');
    expect(readRepoFile('infra', 'prometheus', 'rules', 'slo.rules.yml')).toMatch(/ratio_rate30d/);
  });
});
