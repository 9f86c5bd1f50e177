import { EVIDENCE } from '@tracecart/contracts';
import { numberOf } from './attribute-values';
import { spanKey, unixMsOf } from './linked-span-ends';
import type { TraceSpan, TraceTree } from './types';

const { ATTR_MESSAGE_QUEUE_AGE, ATTR_MESSAGE_RECEIVE_LATENCY } = EVIDENCE;

/** OTLP span kind of a span that processes a message it received. */
export const CONSUMER_KIND = 5;

// The queue-age attributes read, first found wins: the OpenTelemetry-style name the lab writes,
// then Sentry's name for the same wait (both in ms).
const QUEUE_AGE_ATTRIBUTES = [ATTR_MESSAGE_QUEUE_AGE, ATTR_MESSAGE_RECEIVE_LATENCY];

/** Where the wait was read from when no attribute says it: the linked producer span's end. */
export const QUEUE_AGE_FROM_LINK = 'from the end of the linked producer span';

// The wait measured across the link: from the producer span's end (the message sent) to this
// span's start. Clocks of two hosts may differ; a negative wait says so and is not used.
function waitAfterProducer(tree: TraceTree, span: TraceSpan): number | undefined {
  const ends = tree.linkedSpanEnds;
  if (!ends || ends.size === 0) return undefined;
  const start = unixMsOf(tree, span.startNs);
  const waits = span.links.map((link) => ends.get(spanKey(link.traceId, link.spanId))).flatMap((end) => (end === undefined ? [] : [start - end]));
  const longest = Math.max(...waits);
  return waits.length > 0 && longest >= 0 ? longest : undefined;
}

/**
 * How long a consumer span's message waited in its queue (ms), and where that was read: an
 * attribute of the span, else the span link to its producer when the producer's trace was
 * passed beside this one (foreign consumers rarely record the wait themselves).
 */
export function queueAgeOf(span: TraceSpan, tree?: TraceTree): { attribute: string; ms: number } | undefined {
  if (span.kind !== CONSUMER_KIND) return undefined;
  for (const attribute of QUEUE_AGE_ATTRIBUTES) {
    const ms = numberOf(span.attributes[attribute]);
    if (ms !== undefined && ms >= 0) return { attribute, ms };
  }
  const ms = tree ? waitAfterProducer(tree, span) : undefined;
  return ms === undefined ? undefined : { attribute: QUEUE_AGE_FROM_LINK, ms };
}
