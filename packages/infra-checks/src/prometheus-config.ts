import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** One scrape job, as far as the checks read it. */
export interface ScrapeConfig {
  job_name: string;
  scrape_interval?: string;
  scrape_timeout?: string;
  metrics_path?: string;
  scrape_protocols?: string[];
  static_configs?: Array<{ targets: string[]; labels?: Record<string, string> }>;
}

/** A Prometheus server config, as far as the checks read it. */
export interface PrometheusConfig {
  global?: { scrape_interval?: string; scrape_timeout?: string; evaluation_interval?: string };
  rule_files?: string[];
  scrape_configs?: ScrapeConfig[];
}

/** One target of one job with the interval it is scraped at. */
export interface ScrapeTarget {
  job: string;
  target: string;
  interval: string;
  metricsPath: string;
  protocols?: string[];
}

/** Parses prometheus.yml. */
export function parsePrometheusConfig(text: string): PrometheusConfig {
  const doc = parse(text) as PrometheusConfig | null;
  if (!doc || typeof doc !== 'object') throw new Error('prometheus.yml is empty');
  return doc;
}

/** Every static target with its effective interval (job, else global, else Prometheus' 1m default). */
export function listScrapeTargets(config: PrometheusConfig): ScrapeTarget[] {
  const fallback = config.global?.scrape_interval ?? '1m';
  return (config.scrape_configs ?? []).flatMap((job) =>
    (job.static_configs ?? []).flatMap((group) =>
      group.targets.map((target) => ({
        job: job.job_name,
        target,
        interval: job.scrape_interval ?? fallback,
        metricsPath: job.metrics_path ?? '/metrics',
        protocols: job.scrape_protocols,
      })),
    ),
  );
}

function globFiles(pattern: string): string[] {
  const dir = path.dirname(pattern);
  const base = path.basename(pattern);
  if (!base.includes('*')) return [pattern];
  const regex = new RegExp(`^${base.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
  return readdirSync(dir).filter((name) => regex.test(name)).sort().map((name) => path.join(dir, name));
}

/** The rule files a config loads, resolved as Prometheus does: relative to the config file's folder. */
export function resolveRuleFiles(config: PrometheusConfig, configDir: string): string[] {
  return (config.rule_files ?? []).flatMap((pattern) => globFiles(path.resolve(configDir, pattern)));
}
