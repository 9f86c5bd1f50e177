import type { FixName, ProblemName } from './definitions';

/**
 * The fix switch that removes each problem switch's cause. `satisfies` makes a new problem
 * without a fix a compile error, so the challenge can always check an answer.
 */
export const PROBLEM_FIXES = {
  'problem.sync-cpu': 'fix.offload',
  'problem.pool': 'fix.pool',
  'problem.hot-row': 'fix.lock',
  'problem.retries': 'fix.retries',
  'problem.slow-consumer': 'fix.consumers',
} as const satisfies Record<ProblemName, FixName>;

/** A fix switch that answers some problem. */
export type ProblemFixName = (typeof PROBLEM_FIXES)[ProblemName];

/** The fixes a challenge accepts as answers, in the problems' order. */
export const PROBLEM_FIX_NAMES: readonly ProblemFixName[] = Object.values(PROBLEM_FIXES);

/** True when name is the fix of some problem. */
export function isProblemFixName(name: string): name is ProblemFixName {
  return (PROBLEM_FIX_NAMES as readonly string[]).includes(name);
}
