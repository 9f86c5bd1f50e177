// Names of the wait-sampling and pool-wait telemetry. They live in @tracecart/contracts
// (evidence-names), shared with the analysis and the console; re-exported here for the
// instrumentation's own files.
import { EVIDENCE } from '@tracecart/contracts';

export const {
  WAITS_EVENT,
  WAITS_SPAN_NAME,
  ATTR_WAITS_SUMMARY,
  ATTR_WAITS_TYPES,
  ATTR_WAITS_EVENTS,
  ATTR_WAITS_COUNTS,
  ATTR_WAITS_SAMPLES,
  ATTR_CONNECTION_WAIT_TIME,
} = EVIDENCE;

/**
 * `application_name` of the side connections the instrumentation opens: the EXPLAINs and the
 * wait samples show under these in pg_stat_activity, and are never traced themselves.
 */
export const SIDE_POOL_APPLICATIONS = { explain: 'tracing-explain', waits: 'tracing-waits' } as const;
