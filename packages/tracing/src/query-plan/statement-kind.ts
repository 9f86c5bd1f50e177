import { dbOperationName } from '../db-span-name';

// EXPLAIN accepts these without running them; BEGIN, COMMIT, SET, DDL and EXPLAIN itself have
// no plan worth fetching, and EXPLAIN of a transaction-control statement would be an error.
const PLANNABLE = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH']);
// Statements that can change what the planner chooses: a new or dropped index, fresh
// statistics, a rewritten table. Seeing one makes every cached plan suspect.
const PLAN_CHANGING = new Set(['CREATE', 'DROP', 'ALTER', 'REINDEX', 'ANALYZE', 'VACUUM', 'CLUSTER']);

/** True for one SELECT/INSERT/UPDATE/DELETE/WITH statement, which EXPLAIN can plan. */
export function isPlannable(text: string): boolean {
  const operation = dbOperationName(text);
  // Several statements in one text (`SELECT 1; SELECT 2`) cannot be explained as one.
  return operation !== undefined && PLANNABLE.has(operation) && !/;\s*\S/.test(text);
}

/** True for DDL and maintenance statements after which a cached plan may be wrong. */
export function changesPlans(text: string): boolean {
  const operation = dbOperationName(text);
  return operation !== undefined && PLAN_CHANGING.has(operation);
}
