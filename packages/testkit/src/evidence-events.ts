import { EVIDENCE } from '@tracecart/contracts';

/**
 * A `db.query.waits` event as the tracing package records it on a slow statement: the waits
 * (`types[k]:events[k]` sampled `counts[k]` times), most sampled first, and the sample total.
 */
export function waitsEvent(types: string[], events: string[], counts: number[]) {
  return {
    name: EVIDENCE.WAITS_EVENT,
    attributes: {
      [EVIDENCE.ATTR_WAITS_SUMMARY]: types.map((t, k) => `${t}:${events[k]} ×${counts[k]}`).join(', '),
      [EVIDENCE.ATTR_WAITS_TYPES]: types,
      [EVIDENCE.ATTR_WAITS_EVENTS]: events,
      [EVIDENCE.ATTR_WAITS_COUNTS]: counts,
      [EVIDENCE.ATTR_WAITS_SAMPLES]: counts.reduce((a, b) => a + b, 0),
    },
  };
}
