/** Builds one tree per trace from OTLP JSON (TracesData, Jaeger's `{result}` envelope, or an array). */
export { buildTraceTree } from './build-trace-tree';
/** Counts, services, main root and repairs (orphans, cycles, duplicates) of a tree. */
export { summarizeTree } from './summarize-tree';
/** Jaeger UI's critical path with children clamped to parents, in ms. */
export { computeCriticalPath } from './critical-path';
/** Self time of every span in ms, indexed like tree.spans. */
export { computeSelfTimes } from './critical-path';
/** The groups (service + operation + statement) with the most critical-path time. */
export { findTopContributors } from './contributors';
/** Sequential sibling calls with the same statement or HTTP target (N+1). */
export { detectNPlusOne } from './n-plus-one';
/** The culprit, its pattern and the switch that fixes it, plus one readable line. */
export { decideVerdict } from './verdict';
/** Summary, critical path, contributors, N+1 patterns and verdict of one trace. */
export { diagnose, diagnoseTree } from './diagnose';
/** Before/after comparison of two sets of traces. */
export { compare } from './compare';
/** SQL with literals replaced by `?`, IN/ANY lists collapsed and whitespace folded. */
export { normalizeStatement } from './normalize-statement';
/** normalizeStatement with a bounded memo of recent texts, for callers that see the same statements again and again. */
export { normalizeStatementCached } from './span-keys';
/** Every percentage as people read it, what each share measures, and the verdict's share in words. */
export { formatPathShare, SHARE_DEFINITIONS, describeVerdictShare } from './share-definitions';
/** The verdict fields describeVerdictShare reads. */
export type { VerdictShareParts } from './share-definitions';
/** Per span: its own events plus those of the spans linking to it (a plan fetched after the statement ended). */
export { eventsOf, eventsWithLinked } from './linked-events';
/** The other traces a trace's spans link to (placed by: trace …), and the traces that link to one (fulfilled later: trace …). */
export { linkedTraceIds, tracesLinkingTo } from './trace-links';
export { selectTreeWithLinks } from './with-linked-traces';
export { selectTree } from './select-tree';
export { consumerLoadOf } from './consumer-load';
export type { ConsumerLoad } from './consumer-load';
export type { TraceGetter } from './with-linked-traces';
/** The typed error for input the analysis refuses. */
export { TraceAnalysisError } from './errors';
/** Codes of TraceAnalysisError. */
export type { TraceAnalysisErrorCode } from './errors';
/** Public result and option types. */
export type {
  SpanEventInfo,
  SpanLinkInfo,
  TraceLinks,
  TraceSpan,
  TraceTree,
  TreeSummary,
  CriticalSegment,
  CriticalSpan,
  CriticalPath,
  Contributor,
  NPlusOneOptions,
  NPlusOneFinding,
  VerdictPatternKind,
  RuleCondition,
  SwitchRule,
  Culprit,
  Verdict,
  Finding,
  FindingKind,
  VerdictOptions,
  DiagnoseOptions,
  Diagnosis,
  TraceSetSummary,
  GroupStats,
  GroupDelta,
  Comparison,
} from './types';
