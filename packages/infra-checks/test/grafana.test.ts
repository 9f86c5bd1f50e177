import { readdirSync } from 'node:fs';
import {
  checkMetricReferences,
  collectDashboardQueries,
  type DashboardPanel,
  environmentOf,
  listPanels,
  parseLabelValuesQuery,
  substituteGrafanaVariables,
} from '../src';
import { emitted, known, readRepoFile, readRepoYaml, repoPath, services } from './stack';

interface Datasource {
  name: string;
  type: string;
  uid: string;
  url: string;
  jsonData?: { exemplarTraceIdDestinations?: Array<{ name: string; datasourceUid?: string; url?: string }> };
}
interface Dashboard {
  uid: string;
  title: string;
  panels: DashboardPanel[];
  templating?: { list: Array<{ name: string; query?: string | { query?: string }; datasource?: { uid?: string } }> };
}

const datasources = readRepoYaml<{ datasources: Datasource[] }>('infra', 'grafana', 'provisioning', 'datasources', 'datasources.yml').datasources;
const providers = readRepoYaml<{ providers: Array<{ type: string; options: { path: string } }> }>('infra', 'grafana', 'provisioning', 'dashboards', 'tracecart.yml').providers;
const dashboardFiles = readdirSync(repoPath('infra', 'grafana', 'dashboards')).filter((f) => f.endsWith('.json'));
const dashboard = JSON.parse(readRepoFile('infra', 'grafana', 'dashboards', 'tracecart-checkout.json')) as Dashboard;
const queries = collectDashboardQueries(dashboard);
const byType = (type: string) => datasources.find((d) => d.type === type) as Datasource;

describe('Grafana data sources', () => {
  it('provisions Prometheus and Jaeger at their compose addresses', () => {
    expect(byType('prometheus').url).toBe('http://prometheus:9090');
    expect(byType('jaeger').url).toBe('http://jaeger:16686');
    expect(new Set(datasources.map((d) => d.uid)).size).toBe(datasources.length);
  });

  it('links exemplars to traces by the label the apps put the trace id in', () => {
    const destinations = byType('prometheus').jsonData?.exemplarTraceIdDestinations ?? [];
    expect(destinations).toEqual([{ name: 'trace_id', datasourceUid: byType('jaeger').uid }]);
    expect(emitted.exemplarLabels.has(destinations[0].name)).toBe(true);
  });
});

describe('Grafana provisioning in compose', () => {
  it('mounts the provisioning folder and the dashboards where the provider looks', () => {
    const volumes = services.grafana.volumes as string[];
    expect(volumes).toContain('./infra/grafana/provisioning:/etc/grafana/provisioning:ro');
    const mount = volumes.find((v) => v.startsWith('./infra/grafana/dashboards:'));
    expect(mount?.split(':')[1]).toBe(providers[0].options.path);
    expect(environmentOf(services.grafana).GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH).toBe(`${providers[0].options.path}/${dashboardFiles[0]}`);
  });
});

describe('the checkout dashboard', () => {
  it('is one valid dashboard with a stable uid', () => {
    expect(dashboardFiles).toEqual(['tracecart-checkout.json']);
    expect(dashboard.uid).toBe('tracecart-checkout');
    const ids = listPanels(dashboard).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('queries only metrics the apps emit or the rules record, with labels and buckets that exist', () => {
    const problems = queries.flatMap((q) => checkMetricReferences(q.expr, known).map((p) => `${q.panel}/${q.refId}: ${p}`));
    expect(problems).toEqual([]);
    expect(queries.length).toBeGreaterThanOrEqual(12);
  });

  it('asks the provisioned Prometheus for every query', () => {
    expect(queries.filter((q) => q.datasourceUid !== byType('prometheus').uid)).toEqual([]);
  });

  it('reads its service variable from an emitted metric and label', () => {
    const variables = dashboard.templating?.list ?? [];
    for (const variable of variables) {
      const query = typeof variable.query === 'string' ? variable.query : variable.query?.query ?? '';
      const parsed = parseLabelValuesQuery(query);
      expect(parsed?.metric && known.series.has(parsed.metric)).toBe(true);
      expect(emitted.labels.has(parsed?.label ?? '')).toBe(true);
    }
    expect(variables.map((v) => v.name)).toEqual(['service']);
  });

  it.each([
    ['p50 latency by route', 'histogram_quantile(0.5,'],
    ['p95 latency by route', 'histogram_quantile(0.95,'],
    ['p99 latency by route', 'histogram_quantile(0.99,'],
    ['Requests per second by route', 'http_server_request_duration_seconds_count'],
    ['Error rate by route (5xx share)', 'status=~"5.."'],
    ['Catalog cache hit ratio', 'cache_lookups_total{result="hit"}'],
    ['Availability budget left (30 d)', 'slo:checkout_availability:error_budget_remaining'],
    ['Latency budget left (30 d)', 'slo:checkout_latency:error_budget_remaining'],
  ])('has the panel "%s"', (title, fragment) => {
    expect(queries.filter((q) => q.panel === title).some((q) => q.expr.includes(fragment))).toBe(true);
  });

  it('shows exemplars on the latency panels, grouped per route', () => {
    const latency = queries.filter((q) => /^p\d+ latency by route$/.test(q.panel));
    expect(latency).toHaveLength(3);
    for (const q of latency) {
      expect(q.exemplar).toBe(true);
      expect(q.expr).toMatch(/sum by \(service, route, le\)/);
    }
  });

  it('turns Grafana variables into PromQL a syntax check accepts', () => {
    expect(substituteGrafanaVariables('rate(x{service=~"$service"}[$__rate_interval]) ${route}')).toBe('rate(x{service=~".*"}[5m]) .*');
  });
});
