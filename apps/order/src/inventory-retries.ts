import type { FlagValues } from '@tracecart/flags';
import {
  DEADLINE_AWARE_DEFAULTS,
  DEFAULT_RETRY_BUDGET,
  IMMEDIATE_RETRIES,
  RetryBudget,
  deadlineAwareRetries,
  immediateRetries,
  type RetryPolicy,
} from '@tracecart/inventory-client';

/**
 * How the checkout's calls to inventory are retried, from the live switches: not at all by
 * default; with problem.retries, at once on a short per-attempt timeout (the storm); with
 * fix.retries too, deadline-aware with backoff, jitter and a budget of 10% extra attempts.
 * One budget for the whole process: it bounds the retries of every checkout together.
 */
export function inventoryRetries(flags: () => FlagValues, attemptTimeoutMs: number = IMMEDIATE_RETRIES.attemptTimeoutMs): () => RetryPolicy | undefined {
  const storm = immediateRetries({ ...IMMEDIATE_RETRIES, attemptTimeoutMs });
  const fixed = deadlineAwareRetries({ ...DEADLINE_AWARE_DEFAULTS, budget: new RetryBudget(DEFAULT_RETRY_BUDGET), random: Math.random });
  return () => {
    const values = flags();
    if (!values['problem.retries']) return undefined;
    return values['fix.retries'] ? fixed : storm;
  };
}
