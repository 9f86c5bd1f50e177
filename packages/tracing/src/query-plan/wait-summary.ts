import type { Attributes } from '@opentelemetry/api';
import { ATTR_WAITS_COUNTS, ATTR_WAITS_EVENTS, ATTR_WAITS_SAMPLES, ATTR_WAITS_SUMMARY, ATTR_WAITS_TYPES } from './wait-names';

/** One pg_stat_activity sample: both null while the backend runs on the CPU (or idles). */
export interface WaitSample {
  wait_event_type?: string | null;
  wait_event?: string | null;
}

/** A sample's `type:event` key; a backend not waiting counts as `CPU:running`. */
export function waitKey(sample: WaitSample): string {
  return sample.wait_event_type ? `${sample.wait_event_type}:${sample.wait_event ?? ''}` : 'CPU:running';
}

/** Event attributes for the counted waits, most sampled first. */
export function summarizeWaits(counts: ReadonlyMap<string, number>, samples: number): Attributes {
  const entries = [...counts].sort((a, b) => b[1] - a[1]);
  const split = entries.map(([key]) => key.split(':'));
  return {
    [ATTR_WAITS_SUMMARY]: entries.map(([key, count]) => `${key} ×${count}`).join(', '),
    [ATTR_WAITS_TYPES]: split.map(([type]) => type),
    [ATTR_WAITS_EVENTS]: split.map(([, event]) => event),
    [ATTR_WAITS_COUNTS]: entries.map(([, count]) => count),
    [ATTR_WAITS_SAMPLES]: samples,
  };
}
