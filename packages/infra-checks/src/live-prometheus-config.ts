import type { PrometheusConfig } from './prometheus-config';

/** What a live run changes in the repo's prometheus.yml. */
export interface LiveConfigOptions {
  /** The repo job whose scrape settings are kept, e.g. "tracecart". */
  job: string;
  /** host:port of each app to scrape. */
  targets: string[];
  /** Scrape and evaluation interval, e.g. "1s". */
  interval: string;
  /** Rule files to load, absolute or relative to the written config. */
  ruleFiles: string[];
}

/**
 * The repo's Prometheus config pointed at a running lab: only `job` is kept, scraping `targets`,
 * and scrapes and rule evaluation both run every `interval`. Everything else of the job (its
 * name, metrics path, protocols) stays as the repo has it, so labels such as job="tracecart"
 * match what the rules select.
 */
export function buildLivePrometheusConfig(repo: PrometheusConfig, options: LiveConfigOptions): PrometheusConfig {
  const job = (repo.scrape_configs ?? []).find((j) => j.job_name === options.job);
  if (!job) throw new Error(`prometheus.yml has no job named ${options.job}`);
  const timing = { scrape_interval: options.interval, scrape_timeout: options.interval };
  return {
    global: { ...repo.global, ...timing, evaluation_interval: options.interval },
    rule_files: options.ruleFiles,
    scrape_configs: [{ ...job, ...timing, static_configs: [{ targets: options.targets }] }],
  };
}
