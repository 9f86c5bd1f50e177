/** Runs an open-model load and returns its report. */
export { runLoad } from './run-load';
/** Defaults of runLoad's caps and the rule that sizes keep-alive connections to the rate. */
export { DEFAULT_GRACE_MS, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_REQUESTS, DEFAULT_WARMUP_REQUESTS, sizeConnections } from './run-options';
/** Public types of requests, options, progress, reports and SLOs. */
export type {
  CheckoutMix,
  ComparisonRow,
  FreshnessMeasured,
  FreshnessNotMeasured,
  FreshnessResult,
  LatencyObjective,
  LatencySummary,
  LoadCounts,
  LoadMethod,
  LoadOptions,
  LoadReport,
  LoadRequest,
  ObjectiveResult,
  ProgressSnapshot,
  RequestFactory,
  RunContext,
  SloResult,
  SloSpec,
} from './types';
/** Every mix the checkout factory knows. */
export { CHECKOUT_MIXES } from './types';
/** The checkout request factory, its options and SKU helpers. */
export {
  createCheckoutFactory,
  formatSku,
  isCheckoutMix,
  maxItemsOf,
  pickDistinctSkuNumbers,
  pickSkuNumber,
  DEFAULT_CATALOG_SIZE,
  MIXED_POPULAR_SHARE,
  POPULAR_SKU_COUNT,
  FLASH_SKU_COUNT,
} from './checkout-factory';
/** Options of createCheckoutFactory. */
export type { CheckoutFactoryOptions } from './checkout-factory';
/** A seeded random source for reproducible request bodies. */
export { createSeededRandom } from './random';
/** A `() => number` in [0, 1), like Math.random. */
export type { RandomSource } from './random';
/** Command-line parsing for the `load` command. */
export { parseLoadArgs, LoadArgsError, LOAD_USAGE, DEFAULT_TARGET, MAX_DURATION_MS, MAX_RATE } from './load-args';
/** The parsed `load` command line. */
export type { LoadArgs } from './load-args';
/** Parsed args to runLoad options. */
export { createLoadOptions } from './args-to-options';
/** SLO parsing, defaults and formatting. */
export { parseSlo, createDefaultSlo, formatSlo, formatLatencyObjective } from './slo';
/** Freshness objective parsing and formatting (`p99<5s`). */
export { parseFreshnessObjective, formatFreshnessObjective } from './freshness-objective';
/** A report's freshness block as text. */
export { formatFreshness } from './format-freshness';
/** SLO verdict and error budget over a latency histogram and outcome totals. */
export { evaluateSlo } from './slo-evaluation';
/** Totals evaluateSlo judges availability on. */
export type { OutcomeTotals } from './slo-evaluation';
/** Microsecond HDR latency histograms and their summaries. */
export { createLatencyHistogram, recordLatencyMs, percentileMs, summarizeLatency, countAtOrAbove, encodeHistogram } from './histogram';
/** A microsecond HdrHistogram (pure JS). */
export type { LatencyHistogram } from './histogram';
/** Loopback-only target checks. */
export { requireLoopbackTarget, isLoopbackHost } from './target';
/** The baggage member every generated request carries, and the helper that adds it. */
export { SYNTHETIC_BAGGAGE, withSyntheticBaggage } from './baggage';
/** Error-code extraction from `{"error":{"code"}}` bodies. */
export { readErrorCode } from './outcome';
/** Live progress: achieved rate and the one-line TTY formatter. */
export { formatProgressLine, measureAchievedRate } from './progress';
/** Human-readable final report. */
export { formatReport, formatPercent } from './format-report';
/** A report's context as text: its settings, the mid-run change warning, and what a budget share means. */
export { formatSettings, formatContext, changedWarning, explainBudget } from './format-context';
/** Settings of a run: the end-of-run read, what changed, and two runs' settings side by side. */
export { changedSettings, recordSettingsAtEnd, compareContexts } from './run-context';
/** A setting of two runs side by side, and the whole comparison. */
export type { SettingDifference, ContextComparison } from './run-context';
/** Before/after comparison rows and their text table. */
export { compareReports, formatComparison, formatReportComparison } from './compare';
