// Names of the query-plan telemetry. They live in @tracecart/contracts (evidence-names), the
// one place the tracing that writes them, the analysis that reads them and the console that
// shows them all take them from; re-exported here for the instrumentation's own files.
import { EVIDENCE } from '@tracecart/contracts';

export const {
  PLAN_EVENT,
  PLAN_ERROR_EVENT,
  PLAN_SPAN_NAME,
  ATTR_PLAN_NODES,
  ATTR_PLAN_NODE_TYPES,
  ATTR_PLAN_RELATIONS,
  ATTR_PLAN_INDEXES,
  ATTR_PLAN_TOTAL_COST,
  ATTR_PLAN_JSON,
  PLAN_JSON_CUT_MARKER,
  ATTR_PLAN_CACHED,
  ATTR_PLAN_ERROR_MESSAGE,
} = EVIDENCE;
