// Public types of the analysis. Times inside a TraceTree are integer nanoseconds relative to
// the trace's earliest start (exact, unlike raw 64-bit epoch values in a double); everything a
// report shows is in milliseconds.
import type { AttributeValue } from '@tracecart/otlp';

/** An event recorded on a span, attributes decoded. */
export interface SpanEventInfo {
  name: string;
  attributes: Record<string, AttributeValue>;
}

/** A link from a span to another span, in this trace or another. */
export interface SpanLinkInfo {
  traceId: string;
  spanId: string;
}

/** Links from spans of one trace to spans of another: a message's consumer to its producer. */
export interface TraceLinks {
  /** The other trace. */
  traceId: string;
  /** Each link: the span that links (in the linking trace) and the span linked to (in the linked trace). */
  links: Array<{ fromSpanId: string; toSpanId: string }>;
}

/** One span of a trace tree; `parent` and `children` are indexes into `TraceTree.spans`. */
export interface TraceSpan {
  traceId: string;
  spanId: string;
  /** The parent id as written in the trace (also for orphans and cut cycles). */
  parentSpanId: string | undefined;
  name: string;
  /** OTLP span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer, 0 unspecified. */
  kind: number;
  /** The resource attribute `service.name`, or `unknown_service`. */
  service: string;
  startNs: number;
  /** Never before startNs. */
  endNs: number;
  attributes: Record<string, AttributeValue>;
  events: SpanEventInfo[];
  /** Spans this one points at (OTLP links), e.g. a plan span beside the statement it explains. */
  links: SpanLinkInfo[];
  /** Status code 2 (error). */
  isError: boolean;
  /** -1 for every root (true roots, orphans, cut cycles). */
  parent: number;
  /** Sorted by start, then end. */
  children: number[];
  depth: number;
}

/** One trace as a tree; spans are listed depth-first (parents before children, waterfall order). */
export interface TraceTree {
  traceId: string;
  /** Absolute start of the trace (its earliest span) in Unix nanoseconds, as a decimal string. */
  originUnixNano: string;
  /** Latest end minus earliest start over all spans. */
  durationNs: number;
  spans: TraceSpan[];
  /** Every root sorted by start: true roots, orphans and spans whose parent link was cut. */
  roots: number[];
  /** Spans whose parent id is not in the trace. */
  orphans: number[];
  /** Spans whose parent link was cut to break a parent cycle. */
  cycleBreaks: number[];
  /** Span ids seen more than once; the first occurrence is kept. */
  duplicateSpanIds: string[];
  /**
   * Ends (Unix ms) of spans in other traces that this trace's spans link to, by `traceId:spanId`,
   * when the input held those traces too: how long a consumer's message waited after its producer.
   */
  linkedSpanEnds?: ReadonlyMap<string, number>;
}

/** A short description of a trace tree. */
export interface TreeSummary {
  traceId: string;
  spanCount: number;
  services: string[];
  rootSpanId: string | undefined;
  rootService: string | undefined;
  rootName: string | undefined;
  durationMs: number;
  maxDepth: number;
  errorSpanCount: number;
  orphanSpanIds: string[];
  cycleBreakSpanIds: string[];
  duplicateSpanIds: string[];
}

/** One stretch of the critical path, in ms from the trace's start. */
export interface CriticalSegment {
  spanId: string;
  startMs: number;
  endMs: number;
}

/** A span with time on the critical path. */
export interface CriticalSpan {
  spanId: string;
  service: string;
  name: string;
  criticalMs: number;
  selfMs: number;
}

/** The critical path of one trace. */
export interface CriticalPath {
  traceId: string;
  /** Sum of the segments: the time some span was on the path. */
  totalMs: number;
  /** Chronological. */
  segments: CriticalSegment[];
  /** Spans with critical time, largest first. */
  spans: CriticalSpan[];
}

/** A group of spans (service + operation + normalized statement) and its share of the critical path. */
export interface Contributor {
  key: string;
  service: string;
  operation: string;
  statement: string | undefined;
  criticalMs: number;
  /** criticalMs over the trace's critical path total, 0..1. */
  share: number;
  /** Spans of this group in the trace (on the path or not). */
  spanCount: number;
}

/** Tuning of N+1 detection. */
export interface NPlusOneOptions {
  /** Fewest sequential sibling calls that count (default 3). */
  minCount?: number;
  /** Overlap allowed between consecutive calls, as a fraction of the shorter one (default 0.1). */
  overlapTolerance?: number;
}

/** Sequential sibling calls with the same statement or HTTP target. */
export interface NPlusOneFinding {
  kind: 'statement' | 'http' | 'call';
  /** Human-readable, e.g. `3 sequential × SELECT … FROM items WHERE id = $1`. */
  pattern: string;
  service: string;
  operation: string;
  statement: string | undefined;
  /** For HTTP calls: the called service, method and route. */
  target: string | undefined;
  count: number;
  /** Sum of the calls' durations. */
  totalMs: number;
  /** Critical-path time of the calls and everything under them. */
  criticalMs: number;
  share: number;
  parentSpanId: string;
  parentService: string;
  parentName: string;
  spanIds: string[];
}

/**
 * A cause the trace itself shows, each read from generic telemetry, never from an application's
 * own attributes: a `Seq Scan` in a statement's plan, `Lock:` wait samples, time waiting for a
 * pooled connection, a stalled event loop, a consumed message's wait in its queue, a cache read that found nothing, sequential same-shape calls, a fault
 * event. Listed in the order the verdict prefers them when no switch table says otherwise.
 */
export type FindingKind =
  | 'injected_fault'
  | 'consumer_lag'
  | 'lock_wait'
  | 'sequential_scan'
  | 'pool_wait'
  | 'event_loop_block'
  | 'retry_storm'
  | 'n_plus_one'
  | 'cache_miss'
  | 'uncached_read';

/** One finding on the culprit, with the evidence that shows it. */
export interface Finding {
  kind: FindingKind;
  /** What it is called: `sequential scan`, `lock wait`. */
  title: string;
  /** The evidence quoted from the trace: `Seq Scan on products (filter sku = $1, est. cost 20,834)`. */
  evidence: string;
  /** A fix in general terms, naming no switch. */
  advice: string;
  /** Named parts of the evidence a switch table can match (relation, filter, wait, event …). */
  details: Record<string, string | number>;
  /** The spans that carry the evidence. */
  spanIds: string[];
}

/** How the culprit's spans occur. */
export type VerdictPatternKind = 'n_plus_one' | 'repeated' | 'single';

/** What a rule may require; every condition present must hold. Regexes are strings (case-insensitive). */
export interface RuleCondition {
  /** Regex on the culprit's normalized statement (which must exist). */
  statement?: string;
  /** Regex on `service operation target statement` of the culprit. */
  subject?: string;
  pattern?: VerdictPatternKind;
  /** The culprit shows this finding (its evidence, never an attribute of the application's own). */
  finding?: FindingKind;
  /** Regexes on that finding's details, e.g. `{ relation: '^products$', filter: '\\bsku\\b' }`. */
  details?: Record<string, string>;
  /** Some span of the culprit carries an event with this name. */
  culpritEvent?: string;
  /** Some span of the trace carries an event with this name. */
  traceEvent?: string;
}

/** One row of a switch table. `culprit` rules explain the culprit (first match wins); `trace` rules add notes. */
export interface SwitchRule {
  id: string;
  scope: 'culprit' | 'trace';
  when: RuleCondition;
  diagnosis: string;
  suggestion: string;
  /** The switch the suggestion names, if any. */
  switchName?: string;
}

/** The spans a verdict blames. */
export interface Culprit {
  source: 'group' | 'n_plus_one';
  /** The contributor key of a group, or the call key of an N+1 run. */
  key: string;
  service: string;
  operation: string;
  statement: string | undefined;
  target: string | undefined;
  criticalMs: number;
  share: number;
  spanCount: number;
}

/** The verdict: structured, plus one line a person reads. */
export interface Verdict {
  kind: 'culprit' | 'no_single_culprit' | 'no_critical_path';
  culprit: Culprit | undefined;
  pattern: { kind: VerdictPatternKind; count: number; parentSpanId: string | undefined } | undefined;
  /**
   * Share of the critical path the verdict explains: the culprit plus the related groups the
   * same rule explains (or, without a culprit, the largest group's share).
   */
  share: number;
  /** Other groups the same rule explains, e.g. a second seq-scanning statement. */
  related: Array<{ key: string; share: number }>;
  /** The finding the verdict names: the one its rule matched, else the culprit's first. */
  finding: Finding | undefined;
  /** Every finding the culprit's spans show, in the order of FindingKind. */
  findings: Finding[];
  diagnosis: string | undefined;
  suggestion: string | undefined;
  switchName: string | undefined;
  ruleId: string | undefined;
  /** Diagnoses of matching `trace` rules, e.g. injected errors. */
  notes: string[];
  /**
   * Without a culprit, the evidence that explains the most of the path (at least a quarter of
   * it), and that share: a lead for the reader, never a culprit's finding or a switch. Absent
   * when there is a culprit (its evidence is `finding`) or nothing explains that much.
   */
  seen?: { finding: Finding; share: number };
  line: string;
}

/** Tuning of the verdict. */
export interface VerdictOptions {
  /** The switch table, in priority order; without one the verdict names no switch. */
  rules?: readonly SwitchRule[];
  /** Smallest share of the critical path that makes a group (or a rule's groups) the culprit (default 0.5). */
  dominantShare?: number;
  /** Smallest share that makes an N+1 run the culprit when no group dominates (default 0.3). */
  nPlusOneShare?: number;
  nPlusOne?: NPlusOneOptions;
}

/** Options of `diagnose`. */
export interface DiagnoseOptions extends VerdictOptions {
  /** Which trace to diagnose when the input holds several. */
  traceId?: string;
  /** How many contributors to list (default 10). */
  contributorLimit?: number;
}

/** Everything `diagnose` finds in one trace. */
export interface Diagnosis {
  summary: TreeSummary;
  criticalPath: CriticalPath;
  contributors: Contributor[];
  nPlusOne: NPlusOneFinding[];
  verdict: Verdict;
}

/** Trace durations of one set of traces. */
export interface TraceSetSummary {
  traceCount: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** One group in one set of traces, averaged per trace. */
export interface GroupStats {
  criticalMsPerTrace: number;
  spansPerTrace: number;
  /** Traces of the set the group occurs in. */
  traceCount: number;
}

/** How one group changed between two sets. */
export interface GroupDelta {
  key: string;
  service: string;
  operation: string;
  statement: string | undefined;
  before: GroupStats;
  after: GroupStats;
  /** after minus before. */
  deltaCriticalMsPerTrace: number;
  /** after over before; null when before is 0. */
  criticalRatio: number | null;
}

/** Before/after comparison of two sets of traces. */
export interface Comparison {
  before: TraceSetSummary;
  after: TraceSetSummary;
  /** after over before; null when either is missing or before is 0. */
  p50Ratio: number | null;
  p95Ratio: number | null;
  /** Largest absolute change first. */
  groups: GroupDelta[];
}
