import { MESSAGING } from '@tracecart/contracts';
import { JaegerQueryError, type JaegerClient } from '@tracecart/jaeger-client';
import { SpanKind } from '@tracecart/otlp';
import { buildTraceTree, linkedTraceIds, tracesLinkingTo, TraceAnalysisError, type TraceTree } from '@tracecart/trace-analysis';
import type { TraceLinksView } from '../api-types';

/** The service whose CONSUMER spans process order.placed, searched for a checkout's consumers. */
export const CONSUMER_SERVICE = 'fulfilment';
/** How long after a checkout began its consumers are looked for: a slow consumer lags minutes, not hours. */
export const CONSUMER_WINDOW_MS = 3_600_000;
// Each delivery of a message is a trace of its own; a message dead-lettered after its retries has
// a handful, so this bounds one message's search without hiding any real delivery.
const MAX_TRACES_PER_MESSAGE = 20;
// A checkout sends one message; this only bounds a trace that somehow sent many.
const MAX_MESSAGES_SEARCHED = 5;
// Order and fulfilment are separate processes: allow their clocks to differ a little.
const CLOCK_SKEW_MS = 5_000;

/** The messages this trace sent: its PRODUCER spans that carry a message id, by that id. */
function sentMessages(tree: TraceTree): Map<string, string> {
  const byMessageId = new Map<string, string>();
  for (const span of tree.spans) {
    const id = span.attributes[MESSAGING.ATTR_MESSAGING_MESSAGE_ID];
    if (span.kind === SpanKind.PRODUCER && typeof id === 'string' && byMessageId.size < MAX_MESSAGES_SEARCHED) byMessageId.set(id, span.spanId);
  }
  return byMessageId;
}

// The consumer span carries the id of the message it processes, the same id its producer span
// recorded: searching by it finds exactly this checkout's deliveries, however busy the queue was.
async function findConsumerTrees(jaeger: JaegerClient, tree: TraceTree, messageIds: string[], now: Date): Promise<TraceTree[]> {
  const startMs = Number(BigInt(tree.originUnixNano) / 1_000_000n);
  const startTimeMin = new Date(startMs - CLOCK_SKEW_MS);
  const startTimeMax = new Date(Math.max(startTimeMin.getTime(), Math.min(now.getTime(), startMs + CONSUMER_WINDOW_MS)));
  const answers = await Promise.all(
    messageIds.map((id) =>
      jaeger.findTraces({
        serviceName: CONSUMER_SERVICE,
        operationName: MESSAGING.CONSUMER_SPAN_NAME,
        startTimeMin,
        startTimeMax,
        searchDepth: MAX_TRACES_PER_MESSAGE,
        attributes: { [MESSAGING.ATTR_MESSAGING_MESSAGE_ID]: id },
      }),
    ),
  );
  return answers.flatMap((data) => buildTraceTree(data));
}

/**
 * The trace's links across the queue, both ways: the traces its spans link to (a consumer's
 * checkout) from the trace itself, and the consumer traces that link to it from a search of
 * the consumer's deliveries of each message it sent. A failed search leaves `unavailable`.
 */
export async function findCrossTraceLinks(jaeger: JaegerClient, tree: TraceTree, now: Date = new Date()): Promise<TraceLinksView> {
  const linksTo = linkedTraceIds(tree);
  const sent = sentMessages(tree);
  if (sent.size === 0) return { linksTo, linkedFrom: [], pendingMessageIds: [], unavailable: null };
  let linkedFrom: TraceLinksView['linkedFrom'];
  try {
    linkedFrom = tracesLinkingTo(await findConsumerTrees(jaeger, tree, [...sent.keys()], now), tree.traceId);
  } catch (error) {
    if (!(error instanceof JaegerQueryError || error instanceof TraceAnalysisError)) throw error;
    return { linksTo, linkedFrom: [], pendingMessageIds: [], unavailable: `the consumer traces could not be searched: ${error.message}` };
  }
  const consumed = new Set(linkedFrom.flatMap((entry) => entry.links.map((link) => link.toSpanId)));
  const pendingMessageIds = [...sent].filter(([, spanId]) => !consumed.has(spanId)).map(([id]) => id);
  return { linksTo, linkedFrom, pendingMessageIds, unavailable: null };
}
