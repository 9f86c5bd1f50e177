/** HTTP methods a request factory may use. */
export type LoadMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP request the generator sends; the generator adds the synthetic baggage header itself. */
export interface LoadRequest {
  method: LoadMethod;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Builds the i-th request of a run and decides which statuses count as success. */
export interface RequestFactory {
  readonly name: string;
  createRequest(index: number): LoadRequest;
  isSuccess(status: number): boolean;
}

/** Which parts of the catalog checkouts can draw SKUs from; `flash` is a flash sale on a few SKUs. */
export const CHECKOUT_MIXES = ['popular', 'longtail', 'mixed', 'flash'] as const;

/** One of CHECKOUT_MIXES. */
export type CheckoutMix = (typeof CHECKOUT_MIXES)[number];

/** One latency objective: `percentile`% of requests faster than `thresholdMs`. */
export interface LatencyObjective {
  percentile: number;
  thresholdMs: number;
}

/** A service level objective: latency objectives plus the share of requests that must succeed. */
export interface SloSpec {
  latency: LatencyObjective[];
  availabilityPercent: number;
}

/** How one objective fared in a run, with the share of its error budget the run consumed. */
export interface ObjectiveResult {
  kind: 'latency' | 'availability';
  objective: string;
  met: boolean;
  /** Latency: the observed value at the percentile in ms. Availability: the success percentage. */
  observed: number;
  badFraction: number;
  allowedBadFraction: number;
  budgetConsumedPercent: number;
}

/** The SLO verdict of a run: `pass` only when every objective is met. */
export interface SloResult {
  /** The SLO judged, in the form parseSlo reads. */
  spec: string;
  verdict: 'pass' | 'fail' | 'no_data';
  objectives: ObjectiveResult[];
  /** The largest budget share any single objective consumed. */
  budgetConsumedPercent: number;
}

/** Latency percentiles in milliseconds. */
export interface LatencySummary {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/** Request counts of a run. */
export interface LoadCounts {
  /** Requests the schedule asked for (rate x duration, capped). */
  scheduled: number;
  sent: number;
  succeeded: number;
  failed: number;
  /** Requests that left late because max-in-flight was reached. */
  heldBack: number;
  /** Requests still in flight when the grace period ended (counted as failed). */
  timedOut: number;
  /** Requests never sent because the grace period ended first (counted as failed). */
  notSent: number;
}

/** A live view of a running load, delivered about once a second. */
export interface ProgressSnapshot {
  elapsedMs: number;
  sent: number;
  completed: number;
  achievedRate: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  inFlight: number;
  heldBack: number;
}

/** Everything needed to run one load. */
export interface LoadOptions {
  /** Origin of the system under test; must be a loopback URL or a host in allowedHosts. */
  target: string;
  /** Non-loopback host names the operator explicitly allowed (compose's `gateway`). */
  allowedHosts?: readonly string[];
  /** Arrivals per second. */
  rate: number;
  durationMs: number;
  factory: RequestFactory;
  slo?: SloSpec;
  /** Cap on concurrent requests; requests beyond it wait and are counted as held back. */
  maxInFlight?: number;
  /** Hard cap on the total number of requests, whatever rate x duration says. */
  maxRequests?: number;
  /** How long to wait for in-flight requests after the schedule ends. */
  graceMs?: number;
  /** Keep-alive connections; by default sized to the rate. */
  connections?: number;
  /** Concurrent unrecorded GETs before the schedule starts, to open sockets and warm the HTTP stack; 0 turns it off. */
  warmupRequests?: number;
  /** Path of the warm-up GETs; every lab app answers /healthz. */
  warmupPath?: string;
  onProgress?: (snapshot: ProgressSnapshot) => void;
  progressIntervalMs?: number;
  /** Aborting stops the schedule early; in-flight requests still get the grace period. */
  signal?: AbortSignal;
  /** What the caller knows about the system under test; the report carries it unchanged. */
  context?: RunContext;
}

/**
 * The conditions a run ran under, as the caller read them: loadgen knows no setting names, it
 * only stores them and tells which differ, so any system's switches or build fit.
 */
export interface RunContext {
  /** Where the settings were read from, e.g. a control API's URL. */
  source: string;
  /** Named settings at the start of the run, each value as text; null when they could not be read. */
  settings: Record<string, string> | null;
  /** The same settings read again at the end; null when unknown. */
  settingsAtEnd: Record<string, string> | null;
  /** Settings seen with another value at any point during the run (from the start, or between reads). */
  changedDuringRun: string[];
  /** What the load asked for and the system declared, e.g. mix, items, catalog size. */
  workload: Record<string, string | number>;
  /** Version of the system (or of the tool that ran the load), when known. */
  version: string | null;
  /** Why the settings are unknown, when they are. */
  note?: string;
}

/** The JSON-serialisable result of a run. */
export interface LoadReport {
  target: string;
  factory: string;
  startedAt: string;
  durationMs: number;
  elapsedMs: number;
  stoppedEarly: boolean;
  targetRate: number;
  achievedRate: number;
  connections: number;
  maxInFlight: number;
  counts: LoadCounts;
  errorRate: number;
  errorsByStatus: Record<string, number>;
  errorsByCode: Record<string, number>;
  latencyMs: LatencySummary;
  /**
   * How late requests were written to a connection compared with their schedule: the generator's
   * own health (a busy event loop, too few connections). Requests that never reached a
   * connection (refused, target down) are not in it.
   */
  sendLagMs: { p50: number; p99: number; max: number };
  /**
   * Share of the run the generator's event loop was busy (0-1). Near 1 the generator itself was
   * the bottleneck: requests still left on time, but responses waited to be read, so latency
   * figures include the generator's own queueing.
   */
  generatorBusy: number;
  slo: SloResult;
  /** The latency histogram in microseconds, HdrHistogram compressed base64. */
  latencyHistogram: string;
  /** The caller's context (LoadOptions.context); absent from reports written before it existed. */
  context?: RunContext;
  /** Freshness of the asynchronous work the run caused; set by the caller, absent when not asked for or in older reports. */
  freshness?: FreshnessResult;
}

/** How the work a run left to an asynchronous consumer fared against a freshness objective; `measured` tells which shape. */
export type FreshnessResult = FreshnessMeasured | FreshnessNotMeasured;

/** Freshness that could not be measured (the consumer's metrics did not answer); the latency verdict stands alone. */
export interface FreshnessNotMeasured {
  measured: false;
  /** The objective that would have been judged, in the form parseFreshnessObjective reads, e.g. `p99<5s`. */
  objective: string;
  /** Where the lag histogram was to be read from. */
  source: string;
  reason: string;
}

/** Freshness read from the delta of a consumer's lag histogram over the run and its drain wait. */
export interface FreshnessMeasured {
  measured: true;
  /** The objective judged, in the form parseFreshnessObjective reads, e.g. `p99<5s`. */
  objective: string;
  /** Where the lag histogram was read from. */
  source: string;
  /** Items the consumer finished between the scrape before the run and the one after the drain wait. */
  fulfilled: number;
  /** Items still waiting or in progress when the drain wait ended; they count as missing the objective. */
  stillQueued: number;
  /** How long the run waited after the load for the queue to drain, and the bound it had. */
  drainWaitMs: number;
  graceMs: number;
  /** Lag percentiles of the fulfilled items in ms, interpolated within histogram buckets; null when none was fulfilled. */
  lagMs: { p50: number; p99: number } | null;
  /** Share (%) of fulfilled plus still-queued items whose lag was at or under `withinBoundMs`. */
  withinPercent: number;
  /** The histogram bucket bound the share was read at: the highest at or below the threshold; null when none is. */
  withinBoundMs: number | null;
  /** `met` when withinPercent reaches the objective's percentile; `no_data` when nothing was fulfilled or queued. */
  verdict: 'met' | 'missed' | 'no_data';
}

/** One row of a before/after comparison. */
export interface ComparisonRow {
  metric: string;
  before: number;
  after: number;
  /** after / before; null when before is zero. */
  ratio: number | null;
}
