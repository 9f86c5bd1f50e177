import { scanPromql } from './promql';

/** The names and labels an expression may refer to. */
export interface KnownMetrics {
  /** Series names: what the apps emit, what Prometheus adds, what recording rules define. */
  series: ReadonlySet<string>;
  labels: ReadonlySet<string>;
  /** Histogram bucket bounds; an le="..." matcher must name one. */
  buckets: readonly number[];
}

/** Series Prometheus writes for every scrape target itself. */
export const PROMETHEUS_TARGET_SERIES: readonly string[] = [
  'up',
  'scrape_duration_seconds',
  'scrape_samples_scraped',
  'scrape_samples_post_metric_relabeling',
  'scrape_series_added',
];

/**
 * How Prometheus 3 stores a bucket bound in le: it normalises classic-histogram bounds on
 * ingestion, so an integer bound is "1.0" there even when the app wrote "1".
 */
export function formatBucketBound(bound: number): string {
  if (bound === Number.POSITIVE_INFINITY) return '+Inf';
  return Number.isInteger(bound) ? `${bound}.0` : String(bound);
}

/** Problems with what an expression refers to: unknown metrics or labels, le values that are no bucket bound. */
export function checkMetricReferences(expr: string, known: KnownMetrics): string[] {
  const refs = scanPromql(expr);
  const problems = refs.metrics.filter((m) => !known.series.has(m)).map((m) => `unknown metric ${m}`);
  for (const label of [...refs.matchers.map((m) => m.name), ...refs.groupingLabels]) {
    if (label !== '__name__' && !known.labels.has(label)) problems.push(`unknown label ${label}`);
  }
  const bounds = [...known.buckets, Number.POSITIVE_INFINITY].map(formatBucketBound);
  for (const m of refs.matchers) {
    if (m.name === 'le' && m.op === '=' && !bounds.includes(m.value)) {
      problems.push(`le="${m.value}" is not a bucket bound as Prometheus stores it (${bounds.join(', ')})`);
    }
  }
  return [...new Set(problems)];
}
