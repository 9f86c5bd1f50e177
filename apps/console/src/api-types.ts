// The console API's response bodies, shared (as types only) with the page in web/.
import type { AttributeValue } from '@tracecart/otlp';
import type { Comparison, Diagnosis } from '@tracecart/trace-analysis';
import type { CheckoutMix, LoadReport, ProgressSnapshot } from '@tracecart/loadgen';

/** GET /api/lab: what the page needs to know about the lab it controls. */
export interface LabInfo {
  /** The Jaeger UI; null when the lab has none (the embedded tracestore). */
  jaegerUiUrl: string | null;
  catalogSize: number;
  /** `memory` means inventory caches in-process, not in Redis; null when the console was not told. */
  cacheBackend: 'redis' | 'memory' | null;
  /** Writes need `Authorization: Bearer $LAB_ADMIN_TOKEN`. */
  adminTokenRequired: boolean;
  load: LoadLimits;
}

/** One service of the lab as GET /api/lab/services reports it. */
export interface LabServiceStatus {
  name: string;
  state: 'up' | 'restarting' | 'starting' | 'stopped' | 'failed';
  /** Restarts since the demo started; null without a supervisor (compose), which alone knows them. */
  restarts: number | null;
  pid: number | null;
  /** How it last ended ("signal SIGKILL"), or null. */
  lastExit: string | null;
}

/** GET /api/lab/services: each service's state, from the demo's supervisor or from /readyz probes. */
export interface LabServices {
  /** `supervisor` when the demo runs the services, `probes` when the console only asked them. */
  source: 'supervisor' | 'probes';
  services: LabServiceStatus[];
}

/** The bounds a load run from the console must stay within. */
export interface LoadLimits {
  maxRate: number;
  maxDurationMs: number;
  maxItems: number;
  /** The SKU mixes a run can draw from (`flash`: a flash sale on a few SKUs). */
  mixes: readonly string[];
  /** Why the console cannot run loads here, or null. */
  unavailable: string | null;
}

/** One trace in a list: its root, its duration and the fix switches it ran under. */
export interface TraceRow {
  traceId: string;
  /** ISO time of the trace's earliest span. */
  startTime: string;
  durationMs: number;
  rootService: string | null;
  rootName: string | null;
  spanCount: number;
  services: string[];
  /** Some span has an error status. */
  error: boolean;
  /** The root span's `http.response.status_code`, when it has one. */
  httpStatus: number | null;
  /** The root span's `lab.fix.*` attributes. */
  fixes: Record<string, AttributeValue>;
}

/** GET /api/traces. */
export interface TraceList {
  traces: TraceRow[];
}

/** One span as the waterfall draws it; times in ms from the trace's start. */
export interface WaterfallRow {
  spanId: string;
  parentSpanId: string | null;
  depth: number;
  service: string;
  name: string;
  kind: number;
  startMs: number;
  durationMs: number;
  selfMs: number;
  criticalMs: number;
  /** The stretches of this span on the critical path, [startMs, endMs]. */
  critical: Array<[number, number]>;
  isError: boolean;
  attributes: Record<string, AttributeValue>;
  events: Array<{ name: string; attributes: Record<string, AttributeValue> }>;
  /** Index into diagnosis.nPlusOne when this span is one of an N+1 run. */
  nPlusOne: number | null;
  /** DB and server spans: where this duration falls among its operation's recent ones; null when unknown. */
  baseline: BaselineMark | null;
  /** What a slow statement left behind (its plan, its waits, its wait for a connection); null when nothing. */
  evidence: SpanEvidence | null;
}

/** A statement's query plan, from a `db.query.plan` event on the span or on an EXPLAIN span linking to it. */
export interface QueryPlanEvidence {
  /** The top plan nodes, one line each: `Seq Scan on products (rows≈333333, cost 12345.00, …)`. */
  nodes: string[];
  /** The node type of each line, in the same order (`Seq Scan`, `Index Scan`). */
  nodeTypes: string[];
  relations: string[];
  indexes: string[];
  /** The planner's estimated cost of the whole plan. */
  totalCost: number;
  /** EXPLAIN's JSON, compact; it ends in `…[plan cut]` when it was too long to keep whole. */
  json?: string;
  /** The plan came from the tracing's cache, not from an EXPLAIN run for this statement. */
  cached: boolean;
  /** The EXPLAIN span that carried the plan, when it was not on this span itself. */
  fromSpanId?: string;
}

/** One wait a statement's backend was sampled in, e.g. `Lock:transactionid` seen 42 times. */
export interface WaitSampleCount {
  /** The wait event type (`Lock`, `IO`, `CPU` when not waiting). */
  type: string;
  event: string;
  count: number;
}

/** What a slow statement waited on, from its `db.query.waits` event. */
export interface QueryWaitsEvidence {
  /** `Lock:transactionid ×42, CPU:running ×3`, most sampled first. */
  summary: string;
  /** The same waits, most sampled first. */
  waits: WaitSampleCount[];
  /** How many samples were taken in all. */
  samples: number;
}

/** The evidence the tracing package records on slow statements, gathered per span. */
export interface SpanEvidence {
  plan?: QueryPlanEvidence;
  /** Why the EXPLAIN of this statement failed. */
  planError?: string;
  waits?: QueryWaitsEvidence;
  /** Time the query waited for a pooled connection. */
  poolWaitMs?: number;
  /** On an EXPLAIN (or WAITS) span: the statement span its evidence belongs to, which it links to. */
  evidenceFor?: { spanId: string; name: string };
  /** On a CONSUMER span: how long its message waited in the queue before this delivery began. */
  queueWait?: { ms: number; queue: string | null };
}

/** Where a span's duration falls among the recent durations of its service, operation (and statement). */
export interface BaselineMark {
  /** The share of recent durations at or below this one, 0-100. */
  percentile: number;
  /** How many recent durations it was compared with (this one among them). */
  count: number;
  /** What "recent" means, in words: `the last 10 minutes`. */
  window: string;
  /** The trace store's baseline window, as it answered. */
  windowMs: number;
}

/** GET /api/diagnose/:traceId: the verdict and everything the waterfall draws. */
export interface TraceAnalysis {
  traceId: string;
  /** False while some service's spans have not arrived yet (exporters send in batches). */
  complete: boolean;
  durationMs: number;
  services: string[];
  /** This trace in the Jaeger UI, or null without one. */
  jaegerUrl: string | null;
  diagnosis: Diagnosis;
  rows: WaterfallRow[];
  /** The traces across the queue: the checkout that placed a message, the consumers that processed it. */
  links: TraceLinksView;
}

/** Another trace joined to this one by span links, and each link (the linking span, the span linked to). */
export interface LinkedTrace {
  traceId: string;
  links: Array<{ fromSpanId: string; toSpanId: string }>;
}

/** A trace's links to other traces, both ways (in GET /api/diagnose/:traceId and GET /api/traces/:traceId[/links]). */
export interface TraceLinksView {
  /** Traces this trace's spans link to: a consumer's trace names the checkout that placed its message. */
  linksTo: LinkedTrace[];
  /** Traces whose spans link to this one: the consumer deliveries of the messages this checkout sent. */
  linkedFrom: LinkedTrace[];
  /** Ids of messages this trace sent that no consumer trace links to yet: still queued, or its spans not exported yet. */
  pendingMessageIds: string[];
  /** Why the consumer traces could not be searched (the trace itself was read), or null. */
  unavailable: string | null;
}

/** How one side of a comparison was chosen, and which traces it got. */
export interface CompareGroupInfo {
  label: string;
  traceIds: string[];
}

/** POST /api/compare. */
export interface CompareResult {
  before: CompareGroupInfo;
  after: CompareGroupInfo;
  comparison: Comparison;
}

/** One full switch state found among the searched traces, and how many traces ran under it. */
export interface SwitchStateCount {
  state: Record<string, string>;
  traceCount: number;
}

/** POST /api/compare/switch: two groups that differ only in the chosen switch, or why there are none. */
export interface SwitchCompareResult {
  switch: string;
  /** Every switch state the search found, largest first. */
  states: SwitchStateCount[];
  /** The pair compared: the other switches held the same on both sides; null when no pair exists. */
  pair: (CompareResult & { held: Record<string, string> }) | null;
  /** One line saying what was compared, or why nothing was. */
  message: string;
  /** The side (or both) no searched trace ran on, and how to fill it; null when both have traces. */
  empty: EmptySides | null;
}

/** The sides of a switch comparison with no trace, and what to do about it. */
export interface EmptySides {
  sides: Array<'off' | 'on'>;
  /** E.g. `No checkouts with fix.index on in the last hour: turn it on and place a few.` */
  message: string;
}

/** What the load panel asked for. */
export interface LoadRunSettings {
  rate: number;
  durationMs: number;
  mix: CheckoutMix;
  items: number;
  slo: string;
}

/** A load report without its encoded histogram (the page has no use for it). */
export type LoadSummary = Omit<LoadReport, 'latencyHistogram'>;

/** GET /api/load and every `state` event of /api/load/events. */
export interface LoadState {
  status: 'idle' | 'running' | 'finished' | 'failed';
  runId: number;
  settings: LoadRunSettings | null;
  /** The SLO's latency objectives, for the chart's threshold lines. */
  objectives: Array<{ percentile: number; thresholdMs: number }>;
  progress: ProgressSnapshot[];
  report: LoadSummary | null;
  error: string | null;
}

/** One of inventory's connection pools over the console's sampling window (GET /api/lab/pools). */
export interface PoolView {
  /** The pool's name: `inventory` (checkouts, and stock reports under problem.pool) or `inventory-report`. */
  name: string;
  /** The pool's size: the most connections it opens. */
  max: number;
  /** Connections in use and requests waiting for one, at the latest sample. */
  used: number;
  waiting: number;
  /** λ: checkouts per second (connect() calls that ended their wait). */
  arrivalsPerSecond: number;
  /** W: mean time a checkout spent in the pool, waiting plus using; null without checkouts. */
  meanTimeMs: number | null;
  /** W's two parts; null without checkouts. */
  meanWaitMs: number | null;
  meanUseMs: number | null;
  /** L as measured: the average of used and waiting over the samples, and their sum. */
  inFlight: { used: number; waiting: number; total: number };
  /** Little's estimate of L: λ × W. */
  littleEstimate: number;
}

/** GET /api/lab/pools: Little's Law for inventory's pools, from its /metrics sampled every second. */
export interface LabPools {
  /** Why there are no figures (inventory did not answer, or too few samples yet), or null. */
  unavailable: string | null;
  /** Seconds the figures cover (up to about 10). */
  windowSeconds: number;
  /** Samples in the window. */
  samples: number;
  pools: PoolView[];
}

/** One message that failed every delivery and waits in the dead-letter queue, as fulfilment lists it. */
export interface DeadLetterView {
  id: string;
  /** The id of the original order.placed message. */
  sourceId: string | null;
  orderId: string | null;
  /** The last attempt's error. */
  error: string | null;
  /** ISO time it was dead-lettered. */
  createdOn: string;
  /** Retries the original message had before it was given up on. */
  retryCount: number | null;
}

/** GET /api/lab/dead-letters: fulfilment's dead letters, oldest first. */
export interface LabDeadLetters {
  /** Why there is no list (fulfilment did not answer, or answered oddly), or null. */
  unavailable: string | null;
  deadLetters: DeadLetterView[];
}
