import { EVIDENCE } from '@tracecart/contracts';
import { numberOf } from './attribute-values';
import type { TraceSpan } from './types';

const { ATTR_MESSAGE_QUEUE_AGE, ATTR_MESSAGE_RECEIVE_LATENCY } = EVIDENCE;

/** OTLP span kind of a span that processes a message it received. */
export const CONSUMER_KIND = 5;

// The queue-age attributes read, first found wins: the OpenTelemetry-style name the lab writes,
// then Sentry's name for the same wait (both in ms).
const QUEUE_AGE_ATTRIBUTES = [ATTR_MESSAGE_QUEUE_AGE, ATTR_MESSAGE_RECEIVE_LATENCY];

/** How long a consumer span's message waited in its queue (ms), and the attribute that says so. */
export function queueAgeOf(span: TraceSpan): { attribute: string; ms: number } | undefined {
  if (span.kind !== CONSUMER_KIND) return undefined;
  for (const attribute of QUEUE_AGE_ATTRIBUTES) {
    const ms = numberOf(span.attributes[attribute]);
    if (ms !== undefined && ms >= 0) return { attribute, ms };
  }
  return undefined;
}
