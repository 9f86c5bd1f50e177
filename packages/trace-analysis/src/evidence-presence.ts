import { EVIDENCE } from '@tracecart/contracts';
import { queueAgeOf } from './queue-age';
import type { TraceTree } from './types';

const { PLAN_EVENT, WAITS_EVENT, ATTR_CONNECTION_WAIT_TIME, ATTR_EVENT_LOOP_DELAY_TOTAL, ATTR_EVENT_LOOP_DELAY_MAX } = EVIDENCE;

/** Which kinds of evidence a trace holds at all, so detectors skip what is not there. */
export interface EvidencePresence {
  plans: boolean;
  waits: boolean;
  connectionWaits: boolean;
  eventLoopDelays: boolean;
  events: boolean;
  /** A consumer span records how long its message waited in the queue. */
  queueAges: boolean;
}

const perTree = new WeakMap<TraceTree, EvidencePresence>();

/** One pass over the spans, once per tree: a trace with no evidence costs its detectors nothing. */
export function evidencePresenceOf(tree: TraceTree): EvidencePresence {
  let presence = perTree.get(tree);
  if (!presence) {
    presence = { plans: false, waits: false, connectionWaits: false, eventLoopDelays: false, events: false, queueAges: false };
    for (const span of tree.spans) {
      if (span.attributes[ATTR_CONNECTION_WAIT_TIME] !== undefined) presence.connectionWaits = true;
      if (span.attributes[ATTR_EVENT_LOOP_DELAY_TOTAL] !== undefined || span.attributes[ATTR_EVENT_LOOP_DELAY_MAX] !== undefined) presence.eventLoopDelays = true;
      if (queueAgeOf(span, tree) !== undefined) presence.queueAges = true;
      for (const e of span.events) {
        presence.events = true;
        if (e.name === PLAN_EVENT) presence.plans = true;
        else if (e.name === WAITS_EVENT) presence.waits = true;
      }
    }
    perTree.set(tree, presence);
  }
  return presence;
}
