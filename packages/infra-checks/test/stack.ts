// Loads the lab's infra files once per test file: compose with .env, Prometheus config and rules,
// Grafana provisioning and dashboard, and what the apps emit (read from their source).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  findRepoRoot,
  parseCompose,
  parseDotenv,
  parsePrometheusConfig,
  parseRuleGroups,
  readEmittedMetrics,
  recordedSeries,
  resolveRuleFiles,
  PROMETHEUS_TARGET_SERIES,
  type KnownMetrics,
} from '../src';

export const root = findRepoRoot(__dirname);

/** A path inside the repository. */
export function repoPath(...parts: string[]): string {
  return path.join(root, ...parts);
}

/** The text of a file inside the repository. */
export function readRepoFile(...parts: string[]): string {
  return readFileSync(repoPath(...parts), 'utf8');
}

export const composeText = readRepoFile('docker-compose.yml');
export const dotenv = parseDotenv(readRepoFile('.env'));
export const compose = parseCompose(composeText, dotenv);
export const services = compose.services;

export const prometheusDir = repoPath('infra', 'prometheus');
export const prometheusConfig = parsePrometheusConfig(readRepoFile('infra', 'prometheus', 'prometheus.yml'));
export const ruleFiles = resolveRuleFiles(prometheusConfig, prometheusDir);
export const ruleGroups = ruleFiles.flatMap((file) => parseRuleGroups(readFileSync(file, 'utf8')));

export const emitted = readEmittedMetrics(root);

/** What PromQL in rules and dashboards may refer to. */
export const known: KnownMetrics = {
  series: new Set([...emitted.series, ...PROMETHEUS_TARGET_SERIES, ...recordedSeries(ruleGroups)]),
  labels: emitted.labels,
  buckets: emitted.buckets,
};

/** A YAML file inside the repository, parsed. */
export function readRepoYaml<T>(...parts: string[]): T {
  return parse(readRepoFile(...parts)) as T;
}

/** The app services built from the one Dockerfile, with the port DESIGN gives each. */
export const APP_PORTS: Readonly<Record<string, number>> = { gateway: 8080, order: 8081, inventory: 8082, fulfilment: 8083, carrier: 8084, console: 8088 };

/** The variable each app takes its port from: PORT, except where an app names its own. */
export function portVariableOf(app: string): string {
  return app === 'carrier' ? 'CARRIER_PORT' : 'PORT';
}

/** Apps Prometheus leaves alone: the carrier stands for a remote API, whose metrics are not the lab's. */
export const UNSCRAPED_APPS: readonly string[] = ['carrier'];

/** Every published port of the stack, by service and container port, as DESIGN lists them. */
export const DESIGN_PORTS: ReadonlyArray<{ service: string; port: number }> = [
  { service: 'gateway', port: 8080 },
  { service: 'order', port: 8081 },
  { service: 'inventory', port: 8082 },
  { service: 'fulfilment', port: 8083 },
  { service: 'carrier', port: 8084 },
  { service: 'console', port: 8088 },
  { service: 'jaeger', port: 16686 },
  { service: 'jaeger', port: 4318 },
  { service: 'postgres', port: 5432 },
  { service: 'redis', port: 6379 },
  { service: 'prometheus', port: 9090 },
  { service: 'grafana', port: 3000 },
];
