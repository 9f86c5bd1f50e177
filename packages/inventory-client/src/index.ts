/** The typed client of the inventory service, and the budget a release gets by default. */
export { InventoryClient, RELEASE_TIMEOUT_MS } from './inventory-client';
/** Which held reservations listHeldReservations asks for; how the checkout's calls are retried. */
export type { HeldReservationsRequest, InventoryClientOptions } from './inventory-client';
/** Retry policies: the storm (problem.retries) and deadline-aware retries with a budget (fix.retries). */
export {
  immediateRetries,
  deadlineAwareRetries,
  isRetryable,
  IMMEDIATE_RETRIES,
  DEADLINE_AWARE_DEFAULTS,
} from './retry-policy';
export type { RetryPolicy, FailedAttempt, ImmediateRetryOptions, DeadlineAwareRetryOptions } from './retry-policy';
export { RetryBudget, DEFAULT_RETRY_BUDGET } from './retry-budget';
export type { RetryBudgetOptions } from './retry-budget';
export { callWithRetries, SYSTEM_CLOCK } from './retrying-call';
export type { RetryClock } from './retrying-call';
