import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  findBucketConstants,
  findDefaultLabels,
  findExemplarLabels,
  findMetricDefinitions,
  findStringConstants,
  seriesNames,
  type MetricDefinition,
} from './source-metrics';

/** What the apps expose on GET /metrics, as read from their source. */
export interface EmittedMetrics {
  definitions: MetricDefinition[];
  /** Every series name Prometheus stores, e.g. http_server_request_duration_seconds_bucket. */
  series: Set<string>;
  /** Every label a series may carry, target labels (job, instance) and le included. */
  labels: Set<string>;
  /** Every histogram's bucket bounds together, ascending, each once. */
  buckets: number[];
  /** Each histogram's own bucket bounds, by metric name (without _bucket). */
  histogramBuckets: Map<string, number[]>;
  exemplarLabels: Set<string>;
}

// Prometheus adds these to every scraped series.
const TARGET_LABELS = ['job', 'instance'];

function listTypeScript(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTypeScript(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The source files metrics are declared in: the HTTP kit and every app's src/. */
export function listMetricSources(root: string): string[] {
  const apps = readdirSync(path.join(root, 'apps'), { withFileTypes: true }).filter((e) => e.isDirectory());
  return [
    ...listTypeScript(path.join(root, 'packages', 'http-kit', 'src')),
    ...apps.flatMap((app) => listTypeScript(path.join(root, 'apps', app.name, 'src'))),
  ];
}

/** The names every package shares (packages/contracts), which a definition may name its metric by. */
function readSharedConstants(root: string): Map<string, string> {
  const files = listTypeScript(path.join(root, 'packages', 'contracts', 'src'));
  return new Map(files.flatMap((file) => [...findStringConstants(readFileSync(file, 'utf8'))]));
}

/** Reads what the apps emit on /metrics from their source, so the checks follow the code. */
export function readEmittedMetrics(root: string): EmittedMetrics {
  const sources = listMetricSources(root).map((file) => readFileSync(file, 'utf8'));
  const constants = readSharedConstants(root);
  // Bucket constants cross files (the pool histograms import the HTTP kit's), so every source's are known.
  const bucketConstants = new Map(sources.flatMap((source) => [...findBucketConstants(source)]));
  const definitions = sources.flatMap((source) => findMetricDefinitions(source, constants, bucketConstants));
  const histogramBuckets = new Map(definitions.flatMap((d) => (d.buckets ? [[d.name, d.buckets] as const] : [])));
  const labels = new Set([...TARGET_LABELS, ...sources.flatMap(findDefaultLabels), ...definitions.flatMap((d) => d.labels)]);
  if (definitions.some((d) => d.type === 'histogram')) labels.add('le');
  return {
    definitions,
    series: new Set(definitions.flatMap(seriesNames)),
    labels,
    buckets: [...new Set([...histogramBuckets.values()].flat())].sort((a, b) => a - b),
    histogramBuckets,
    exemplarLabels: new Set(sources.flatMap(findExemplarLabels)),
  };
}
