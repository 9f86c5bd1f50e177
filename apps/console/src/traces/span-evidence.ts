import { SpanKind, type AttributeValue } from '@tracecart/otlp';
import { eventsWithLinked, type SpanEventInfo, type TraceSpan, type TraceTree } from '@tracecart/trace-analysis';
import { EVIDENCE, MESSAGING } from '@tracecart/contracts';
import type { QueryPlanEvidence, QueryWaitsEvidence, SpanEvidence } from '../api-types';

const { ATTR_CONNECTION_WAIT_TIME, ATTR_PLAN_CACHED, ATTR_PLAN_ERROR_MESSAGE, ATTR_PLAN_INDEXES, ATTR_PLAN_JSON, ATTR_PLAN_NODE_TYPES, ATTR_PLAN_NODES, ATTR_PLAN_RELATIONS, ATTR_PLAN_TOTAL_COST, ATTR_WAITS_COUNTS, ATTR_WAITS_EVENTS, ATTR_WAITS_SAMPLES, ATTR_WAITS_SUMMARY, ATTR_WAITS_TYPES, PLAN_ERROR_EVENT, PLAN_EVENT, WAITS_EVENT } = EVIDENCE;

// How the tracing package joins the plan's node lines into one string attribute.
const NODE_SEPARATOR = '; ';

const text = (value: AttributeValue | undefined) => (typeof value === 'string' ? value : undefined);
const number = (value: AttributeValue | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const texts = (value: AttributeValue | undefined) => (Array.isArray(value) ? value.map(String) : []);
const numbers = (value: AttributeValue | undefined) => (Array.isArray(value) ? value.map(Number) : []);

function planOf(event: SpanEventInfo, carrier: TraceSpan, self: TraceSpan): QueryPlanEvidence {
  const a = event.attributes;
  const nodes = text(a[ATTR_PLAN_NODES]);
  const json = text(a[ATTR_PLAN_JSON]);
  return {
    nodes: nodes ? nodes.split(NODE_SEPARATOR) : [],
    nodeTypes: texts(a[ATTR_PLAN_NODE_TYPES]),
    relations: texts(a[ATTR_PLAN_RELATIONS]),
    indexes: texts(a[ATTR_PLAN_INDEXES]),
    totalCost: number(a[ATTR_PLAN_TOTAL_COST]) ?? 0,
    ...(json !== undefined ? { json } : {}),
    // A plan from the cache says so on its event (on the statement) or on its EXPLAIN span.
    cached: a[ATTR_PLAN_CACHED] === true || carrier.attributes[ATTR_PLAN_CACHED] === true,
    ...(carrier !== self ? { fromSpanId: carrier.spanId } : {}),
  };
}

function waitsOf(event: SpanEventInfo): QueryWaitsEvidence {
  const a = event.attributes;
  const types = texts(a[ATTR_WAITS_TYPES]);
  const events = texts(a[ATTR_WAITS_EVENTS]);
  const counts = numbers(a[ATTR_WAITS_COUNTS]);
  return {
    summary: text(a[ATTR_WAITS_SUMMARY]) ?? '',
    waits: types.map((type, i) => ({ type, event: events[i] ?? '', count: counts[i] ?? 0 })),
    samples: number(a[ATTR_WAITS_SAMPLES]) ?? counts.reduce((sum, count) => sum + count, 0),
  };
}

// A span carrying plan or wait events of its own that links to a span of this trace is the
// side span (EXPLAIN, WAITS) of that statement.
function evidenceFor(tree: TraceTree, span: TraceSpan, indexById: Map<string, number>): SpanEvidence['evidenceFor'] {
  if (!span.events.some((e) => e.name === PLAN_EVENT || e.name === PLAN_ERROR_EVENT || e.name === WAITS_EVENT)) return undefined;
  for (const link of span.links) {
    const target = link.traceId === tree.traceId ? indexById.get(link.spanId) : undefined;
    if (target !== undefined) return { spanId: tree.spans[target].spanId, name: tree.spans[target].name };
  }
  return undefined;
}

// A consumer's delivery records how long its message sat in the queue before processing began.
function queueWaitOf(span: TraceSpan): SpanEvidence['queueWait'] {
  const ms = number(span.attributes[EVIDENCE.ATTR_MESSAGE_QUEUE_AGE]);
  if (span.kind !== SpanKind.CONSUMER || ms === undefined || ms < 0) return undefined;
  return { ms, queue: text(span.attributes[MESSAGING.ATTR_MESSAGING_DESTINATION_NAME]) ?? null };
}

/**
 * Per span (indexed like tree.spans): its query plan, plan error and waits, whether recorded on
 * the span itself or on a span linking to it, its wait for a pooled connection, and a consumer's
 * wait in its queue; null when
 * the span has none of them. The first of each kind wins: the span's own events come first.
 */
export function buildSpanEvidence(tree: TraceTree): Array<SpanEvidence | null> {
  const indexById = new Map(tree.spans.map((span, i) => [span.spanId, i]));
  // Linked events are the very objects of the spans that carry them: identity finds the carrier.
  const carrierOf = new Map<SpanEventInfo, TraceSpan>();
  for (const span of tree.spans) for (const event of span.events) carrierOf.set(event, span);
  const events = eventsWithLinked(tree);
  return tree.spans.map((span, index) => {
    const evidence: SpanEvidence = {};
    for (const event of events[index]) {
      const carrier = carrierOf.get(event) ?? span;
      if (event.name === PLAN_EVENT && !evidence.plan) evidence.plan = planOf(event, carrier, span);
      else if (event.name === PLAN_ERROR_EVENT && evidence.planError === undefined) evidence.planError = text(event.attributes[ATTR_PLAN_ERROR_MESSAGE]) ?? 'EXPLAIN failed';
      else if (event.name === WAITS_EVENT && !evidence.waits) evidence.waits = waitsOf(event);
    }
    const poolWaitMs = number(span.attributes[ATTR_CONNECTION_WAIT_TIME]);
    if (poolWaitMs !== undefined) evidence.poolWaitMs = poolWaitMs;
    const owner = evidenceFor(tree, span, indexById);
    if (owner) evidence.evidenceFor = owner;
    const queueWait = queueWaitOf(span);
    if (queueWait) evidence.queueWait = queueWait;
    return Object.keys(evidence).length > 0 ? evidence : null;
  });
}
