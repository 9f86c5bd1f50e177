import { EVIDENCE, MESSAGING } from '@tracecart/contracts';
import { formatMs, formatPerSecond } from '@tracecart/units';
import { numberOf, stringOf } from './attribute-values';
import type { EvidenceScope } from './evidence-scope';
import { evidencePresenceOf } from './evidence-presence';
import { queueAgeOf } from './queue-age';
import type { Finding, TraceSpan, TraceTree } from './types';

const { ATTR_CONSUMER_CONCURRENCY } = EVIDENCE;
const { ATTR_MESSAGING_DESTINATION_NAME } = MESSAGING;

// A message that waited this long waited for other messages, not for its consumer to look: a
// polling consumer that finds its queue empty looks again after its interval (pg-boss every 2 s
// by default, Kafka's fetch.max.wait 0.5 s), so an idle worker's messages wait up to that long
// without any lag. It stays below the lab's 5 s freshness SLO, so a message that breaks the SLO
// for waiting is always explained.
const MIN_QUEUE_AGE_MS = 3_000;
// The wait against the message's own processing: with one worker a steady queue's wait is
// ρ/(1−ρ) service times (M/M/1), so 5 service times means the worker was busy over 5/6 of the
// time, where waits climb steeply with every extra message. Processing that took as long as the
// wait is a slow message, not a queue that cannot keep up.
const MIN_AGE_TO_SERVICE = 5;

/** What one consumer span says about its message's wait and its consumers' capacity. */
export interface ConsumerLag {
  index: number;
  destination: string;
  /** The attribute the wait was read from. */
  attribute: string;
  queueAgeMs: number;
  /** The consumer span's own duration: the time this message took to process. */
  serviceMs: number;
  /** Workers that take messages at once, when the span says. */
  workers: number | undefined;
  /** Little's Law: workers ÷ service time, in messages per second (one worker when unknown). */
  capacityPerSecond: number;
}

/** The workers a consumer span says took messages at once (`messaging.consumer.concurrency`), if it says. */
export function consumerWorkersOf(span: TraceSpan): number | undefined {
  const concurrency = numberOf(span.attributes[ATTR_CONSUMER_CONCURRENCY]);
  return concurrency !== undefined && concurrency >= 1 ? Math.floor(concurrency) : undefined;
}

/** The consumer span's wait and capacity when its message waited long against its processing. */
export function consumerLagOf(tree: TraceTree, index: number): ConsumerLag | undefined {
  const span = tree.spans[index];
  const age = queueAgeOf(span, tree);
  const serviceMs = (span.endNs - span.startNs) / 1e6;
  if (!age || age.ms < MIN_QUEUE_AGE_MS || age.ms < MIN_AGE_TO_SERVICE * serviceMs) return undefined;
  const workers = consumerWorkersOf(span);
  // A zero-length span drains without bound; the finding then says so rather than dividing by 0.
  const capacityPerSecond = serviceMs > 0 ? ((workers ?? 1) * 1000) / serviceMs : Infinity;
  const destination = stringOf(span.attributes[ATTR_MESSAGING_DESTINATION_NAME]) ?? 'its queue';
  return { index, destination, attribute: age.attribute, queueAgeMs: age.ms, serviceMs, workers, capacityPerSecond };
}

/** True when the message's wait dwarfs the whole trace: then no span of the trace explains its lateness. */
export function lagDwarfsTrace(tree: TraceTree, lag: ConsumerLag): boolean {
  return lag.queueAgeMs >= MIN_AGE_TO_SERVICE * (tree.durationNs / 1e6);
}

/** The first consumer span (waterfall order) whose message's wait dwarfs the trace, if any. */
export function findLaggingConsumer(tree: TraceTree): ConsumerLag | undefined {
  if (!evidencePresenceOf(tree).queueAges) return undefined;
  for (let i = 0; i < tree.spans.length; i++) {
    const lag = consumerLagOf(tree, i);
    if (lag && lagDwarfsTrace(tree, lag)) return lag;
  }
  return undefined;
}

function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return 'without a bound';
  return `at most ${formatPerSecond(perSecond)}`;
}

function describeCapacity(lag: ConsumerLag): string {
  const rate = formatRate(lag.capacityPerSecond);
  if (lag.workers === undefined) return `workers unknown: 1 worker drains ${rate}`;
  return `${lag.workers} ${lag.workers === 1 ? 'worker drains' : 'workers drain'} ${rate}`;
}

/** The finding for a consumer span whose message waited long against its processing. */
export function consumerLagFinding(tree: TraceTree, lag: ConsumerLag): Finding {
  const { destination, queueAgeMs, serviceMs, workers, capacityPerSecond, attribute } = lag;
  const evidence = `waited ${formatMs(queueAgeMs)} in ${destination} before ${formatMs(serviceMs)} of processing (${attribute}) · ${describeCapacity(lag)}`;
  const details: Finding['details'] = { destination, queueAgeMs, serviceMs, workers: workers ?? 'unknown', capacityPerSecond: Number.isFinite(capacityPerSecond) ? Math.round(capacityPerSecond * 100) / 100 : 'unbounded' };
  return {
    kind: 'consumer_lag',
    title: 'consumer lag',
    evidence,
    advice: 'messages arrive faster than the consumers finish them: add consumers (more workers, or more messages at once per worker), or batch the calls each message makes one by one',
    details,
    spanIds: [tree.spans[lag.index].spanId],
  };
}

/**
 * Consumer lag: the culprit is a CONSUMER span whose message waited in its queue (the
 * `messaging.message.queue_age` it records) far longer than it took to process. The wait is
 * not in the trace, which starts when processing starts, so the span's attribute is the only
 * evidence of it.
 */
export function findConsumerLag(scope: EvidenceScope): Finding | undefined {
  const { tree, choice } = scope;
  if (!evidencePresenceOf(tree).queueAges) return undefined;
  const lag = consumerLagOf(tree, choice.primary);
  return lag ? consumerLagFinding(tree, lag) : undefined;
}
