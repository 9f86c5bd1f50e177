import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPool } from '@tracecart/db';
import { createAppMetrics, registerMeasuredPoolMetrics } from '@tracecart/http-kit';
import {
  findBucketBounds,
  findBucketConstants,
  findDefaultLabels,
  findExemplarLabels,
  findMetricDefinitions,
  findStringConstants,
  formatBucketBound,
  seriesNames,
} from '../src';
import { emitted } from './stack';

const fixture = readFileSync(path.join(__dirname, 'fixtures', 'metrics-source.ts.txt'), 'utf8');

describe('reading metric declarations from source', () => {
  it('finds constructors with literal names and the counter factory calls', () => {
    expect(findMetricDefinitions(fixture)).toEqual([
      { name: 'job_duration_seconds', type: 'histogram', labels: ['queue', 'outcome'], buckets: [0.01, 0.1, 1] },
      { name: 'queue_depth', type: 'gauge', labels: ['queue'] },
      { name: 'jobs_retried_total', type: 'counter', labels: ['reason'] },
    ]);
  });

  it('names a metric by a shared constant when the constant is known, and skips it otherwise', () => {
    const source = "const lag = new Histogram({ name: MESSAGING.METRIC_LAG, help: 'h', labelNames: ['queue'] });";
    const constants = findStringConstants("export const METRIC_LAG = 'order_lag_seconds';\nexport const OTHER = 1;");
    expect([...constants]).toEqual([['METRIC_LAG', 'order_lag_seconds']]);
    expect(findMetricDefinitions(source, constants)).toEqual([{ name: 'order_lag_seconds', type: 'histogram', labels: ['queue'] }]);
    expect(findMetricDefinitions(source)).toEqual([]);
  });

  it('reads a label named by a shared constant, and skips one it does not know', () => {
    const source = "new Gauge({ name: 'pool_max', help: 'h', labelNames: ['state', POOL_METRICS.POOL_LABEL, OTHER_LABEL] });";
    expect(findMetricDefinitions(source, new Map([['POOL_LABEL', 'pool']]))).toEqual([{ name: 'pool_max', type: 'gauge', labels: ['state', 'pool'] }]);
  });

  it('gives a histogram the buckets of a constant another file declares', () => {
    const source = "new Histogram({ name: 'lag_seconds', help: 'h', buckets: LAG_BUCKETS });\nnew Histogram({ name: 'other', help: 'h', buckets: [1, 2] });";
    const declared = findBucketConstants('export const LAG_BUCKETS = [0.5, 5, 60];\nconst X_BUCKETS = [1];');
    expect([...declared]).toEqual([['LAG_BUCKETS', [0.5, 5, 60]], ['X_BUCKETS', [1]]]);
    expect(findMetricDefinitions(source, new Map(), declared).map((d) => d.buckets)).toEqual([[0.5, 5, 60], [1, 2]]);
    expect(findMetricDefinitions(source).map((d) => d.buckets)).toEqual([undefined, [1, 2]]);
  });

  it('finds the buckets of every histogram the apps declare', () => {
    expect(emitted.histogramBuckets.get('http_server_request_duration_seconds')).toContain(0.25);
    expect(emitted.histogramBuckets.get('order_fulfilment_lag_seconds')).toContain(5);
    const histograms = emitted.definitions.filter((d) => d.type === 'histogram').map((d) => d.name);
    expect(histograms.filter((name) => !emitted.histogramBuckets.has(name))).toEqual([]);
  });

  it('finds buckets, default labels and exemplar labels', () => {
    expect(findBucketBounds(fixture)).toEqual([0.01, 0.1, 1]);
    expect(findDefaultLabels(fixture)).toEqual(['service', 'region']);
    expect(findExemplarLabels(fixture)).toEqual(['trace_id']);
  });

  it('names the series a histogram becomes', () => {
    expect(seriesNames({ name: 'h', type: 'histogram', labels: [] })).toEqual(['h_bucket', 'h_sum', 'h_count']);
  });
});

// The real exposition of the HTTP kit: what Prometheus will actually scrape.
async function exposition(): Promise<string> {
  const metrics = createAppMetrics('inventory');
  // A real pool that never connects: its gauges are read at scrape time all the same.
  const pool = createPool('postgres://127.0.0.1:1/none', { applicationName: 'inventory', max: 3 });
  registerMeasuredPoolMetrics(metrics, [pool]);
  metrics.counter('cache_lookups_total', 'Catalog cache lookups by result.', ['result']).inc({ result: 'hit' });
  metrics.httpDuration.observe({ labels: { method: 'POST', route: '/reservations', status: '201' }, value: 0.02, exemplarLabels: {} });
  try {
    return await metrics.registry.metrics();
  } finally {
    await pool.end();
  }
}

function sampleLines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

describe('what the apps emit, read from source, matches the real registry', () => {
  it('knows every series name the kit exposes', async () => {
    const names = new Set(sampleLines(await exposition()).map((line) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0]));
    expect([...names].filter((name) => name !== undefined && !emitted.series.has(name))).toEqual([]);
    expect(names.has('http_server_request_duration_seconds_bucket')).toBe(true);
  });

  it('knows every label and bucket bound the kit exposes', async () => {
    const lines = sampleLines(await exposition());
    const labels = new Set(lines.flatMap((line) => [...line.matchAll(/([a-zA-Z_]\w*)="/g)].map((m) => m[1])));
    expect([...labels].filter((label) => !emitted.labels.has(label))).toEqual([]);
    const le = new Set(lines.flatMap((line) => [...line.matchAll(/le="([^"]+)"/g)].map((m) => m[1])));
    // The text format writes 1 where Prometheus 3 stores 1.0; compare as numbers.
    const bounds = (emitted.histogramBuckets.get('http_server_request_duration_seconds') ?? []).map(formatBucketBound).map(Number);
    expect([...le].filter((v) => v !== '+Inf').map(Number).sort((a, b) => a - b)).toEqual(bounds.sort((a, b) => a - b));
  });

  it('finds the trace_id exemplar label the Grafana links rely on', () => {
    expect([...emitted.exemplarLabels]).toEqual(['trace_id']);
  });
});
