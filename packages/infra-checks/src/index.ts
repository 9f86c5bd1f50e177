/** Walks up to the monorepo root (the package.json with workspaces). */
export { findRepoRoot } from './repo-root';
/** Parses a compose .env file into a name → value map. */
export { parseDotenv } from './dotenv';
/** Compose variable substitution: list the variables a text reads, substitute one string or a document. */
export { listComposeVariables, interpolateCompose, interpolateDeep } from './interpolate';
/** Compose parsing (merge keys, interpolation) and readers for environment, ports and dependencies. */
export {
  collectStrings,
  parseComposeRaw,
  listUsedVariables,
  parseCompose,
  environmentOf,
  publishedPorts,
  dependenciesOf,
  isDefaultProfile,
  isOneShot,
} from './compose';
/** The compose shapes the checks read. */
export type { ComposeFile, ComposeService, ComposeBuild, ComposeHealthcheck, PortMapping, Dependency } from './compose-types';
/** Compose memory sizes (512m, 1g) to bytes and MiB. */
export { parseMemorySize, toMiB } from './memory';
/** Image references: split them, and say why one is not pinned. */
export { parseImageRef, explainUnpinnedImage } from './image-ref';
/** The parts of an image reference. */
export type { ImageRef } from './image-ref';
/** PromQL tokens and label matchers, and skipping a string literal. */
export { tokenizePromql, parseMatchers, skipString } from './promql-tokens';
/** A PromQL token and a label matcher. */
export type { PromqlToken, LabelMatcher } from './promql-tokens';
/** What a PromQL expression refers to: metrics, matchers, grouping labels. */
export { scanPromql, extractMetricNames } from './promql';
/** The references found in one expression. */
export type { PromqlReferences } from './promql';
/** Metric declarations read from TypeScript sources. */
export { findMetricDefinitions, findStringConstants, findBucketBounds, findBucketConstants, findDefaultLabels, findExemplarLabels, seriesNames } from './source-metrics';
/** A metric declared in source. */
export type { MetricDefinition } from './source-metrics';
/** What the apps emit on /metrics, read from their source. */
export { readEmittedMetrics, listMetricSources } from './emitted-metrics';
/** The emitted series, labels, buckets and exemplar labels. */
export type { EmittedMetrics } from './emitted-metrics';
/** Checks an expression's metrics, labels and le bounds against what exists. */
export { checkMetricReferences, formatBucketBound, PROMETHEUS_TARGET_SERIES } from './metric-references';
/** The names and labels an expression may use. */
export type { KnownMetrics } from './metric-references';
/** Prometheus rule files: parse, check structure, list recorded series. */
export { parseRuleGroups, checkRuleGroups, recordedSeries, listRules } from './prometheus-rules';
/** A rule group and a rule. */
export type { RuleGroup, PrometheusRule } from './prometheus-rules';
/** prometheus.yml: parse, list scrape targets, resolve rule files. */
export { parsePrometheusConfig, listScrapeTargets, resolveRuleFiles } from './prometheus-config';
/** A Prometheus config, a scrape job and one resolved target. */
export type { PrometheusConfig, ScrapeConfig, ScrapeTarget } from './prometheus-config';
/** Grafana dashboards: panels, PromQL queries, variable queries. */
export { listPanels, collectDashboardQueries, parseLabelValuesQuery, substituteGrafanaVariables } from './grafana';
/** One PromQL query of a dashboard panel, and a panel. */
export type { DashboardQuery, DashboardPanel } from './grafana';
/** Finding executables on PATH, and finding and running promtool. */
export { findOnPath, findPromtool, runPromtool } from './promtool';
/** The outcome of one promtool run. */
export type { PromtoolResult } from './promtool';
/** Running a k6 script's init code with fake k6 modules. */
export { evaluateK6Script, toPlainScript } from './k6-script';
/** The fake k6 environment and a script's exports. */
export type { K6Environment, K6Exports } from './k6-script';
/** Environment variable names read by source: one file, or every workspace's src/. */
export { findEnvReads, readWorkspaceEnvNames } from './env-reads';
/** Prometheus durations to milliseconds and back. */
export { parsePrometheusDuration, formatPrometheusDuration } from './prometheus-duration';
/** Rule groups on a faster clock: windows, for: and intervals divided by a factor. */
export { scaleRuleWindows, scalePromqlWindows } from './scale-rule-windows';
/** The repo's prometheus.yml pointed at a running lab. */
export { buildLivePrometheusConfig } from './live-prometheus-config';
/** What a live run changes in prometheus.yml. */
export type { LiveConfigOptions } from './live-prometheus-config';
/** Running a Prometheus server as a child process on a free loopback port. */
export { startPrometheusServer, freeLoopbackPort } from './prometheus-server';
/** A running Prometheus server and how to start one. */
export type { PrometheusServer, PrometheusServerOptions } from './prometheus-server';
/** Reading active alerts and instant query values from Prometheus' HTTP API. */
export { fetchActiveAlerts, alertState, queryScalar } from './prometheus-api';
/** One pending or firing alert. */
export type { PrometheusAlert } from './prometheus-api';
