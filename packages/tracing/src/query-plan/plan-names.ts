// Names of the query-plan telemetry, in one place for the instrumentation, its tests and
// whoever reads the traces. Generic database names, not the lab's: none starts with `lab.`.

/** Event carrying the plan of a slow statement. */
export const PLAN_EVENT = 'db.query.plan';
/** Event left when the EXPLAIN of a slow statement failed or timed out. */
export const PLAN_ERROR_EVENT = 'db.query.plan.error';
/** Name of the short CLIENT span that carries a plan fetched after its statement ended. */
export const PLAN_SPAN_NAME = 'EXPLAIN';
/** The top plan nodes as one line each: `Seq Scan on products (rows≈1000, cost 20.00, …)`. */
export const ATTR_PLAN_NODES = 'db.query.plan.nodes';
/** The node types of those top nodes, in the same order (`Seq Scan`, `Index Scan`). */
export const ATTR_PLAN_NODE_TYPES = 'db.query.plan.node_types';
/** The tables those nodes read, where a node names one. */
export const ATTR_PLAN_RELATIONS = 'db.query.plan.relations';
/** The indexes those nodes use, where a node uses one. */
export const ATTR_PLAN_INDEXES = 'db.query.plan.indexes';
/** Estimated total cost of the whole plan (the planner's unit). */
export const ATTR_PLAN_TOTAL_COST = 'db.query.plan.total_cost';
/** The plan as compact JSON, cut at a bound with a marker. */
export const ATTR_PLAN_JSON = 'db.query.plan.json';
/** True when the plan came from the cache rather than an EXPLAIN run for this statement. */
export const ATTR_PLAN_CACHED = 'db.query.plan.cached';
/** Why the EXPLAIN failed. */
export const ATTR_PLAN_ERROR_MESSAGE = 'db.query.plan.error.message';
