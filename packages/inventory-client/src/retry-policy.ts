import { HttpError } from '@tracecart/http-kit';
import { RetryBudget } from './retry-budget';

/** A failed attempt, as a policy sees it when deciding whether to send again. */
export interface FailedAttempt {
  /** 0 for the first attempt, then the ordinal of the resend (`http.request.resend_count`). */
  resendCount: number;
  error: unknown;
  /** How long the failed attempt took, ms: what another attempt may take too. */
  elapsedMs: number;
  /** What is left of the call's deadline now, ms (may be 0 or less). */
  remainingMs: number;
}

/** How a call is retried: each attempt's timeout, and whether (and after how long) to resend. */
export interface RetryPolicy {
  /** Called once per call, before its first attempt. */
  onCall(): void;
  /** The timeout of one attempt, given what is left of the call's deadline. */
  attemptTimeoutMs(remainingMs: number): number;
  /** Milliseconds to wait before resending, or undefined to give up and surface the error. */
  retryDelayMs(failure: FailedAttempt): number | undefined;
}

/**
 * Failures another attempt may not repeat: the callee did not answer in time or could not be
 * reached (503 dependency_unavailable), or answered 5xx or 429. A 4xx is the callee's answer.
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof HttpError && (error.status >= 500 || error.status === 429);
}

/** The problem's settings: a short timeout per attempt, and a few attempts. */
export interface ImmediateRetryOptions {
  attemptTimeoutMs: number;
  maxAttempts: number;
}

/** problem.retries: 100 ms per attempt, up to 5 attempts. */
export const IMMEDIATE_RETRIES: ImmediateRetryOptions = { attemptTimeoutMs: 100, maxAttempts: 5 };

/**
 * The retry storm: every attempt gets a short fixed timeout and a failure is resent at once,
 * up to maxAttempts, with no backoff, no budget and no look at the deadline. When the callee is
 * slower than the timeout, each call becomes maxAttempts requests: its load multiplies exactly
 * when it can least take it, and the abandoned attempts keep running there.
 */
export function immediateRetries(options: ImmediateRetryOptions = IMMEDIATE_RETRIES): RetryPolicy {
  return {
    onCall() {},
    attemptTimeoutMs: (remainingMs) => Math.max(1, Math.min(options.attemptTimeoutMs, remainingMs)),
    retryDelayMs: (failure) => (isRetryable(failure.error) && failure.resendCount + 1 < options.maxAttempts ? 0 : undefined),
  };
}

/** The fix's settings; random is injected so tests can fix the jitter. */
export interface DeadlineAwareRetryOptions {
  budget: RetryBudget;
  /** Uniform in [0, 1), e.g. Math.random. */
  random: () => number;
  maxAttempts: number;
  /** The backoff cap before jitter for the first resend; it doubles per resend up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Backoff from 25 ms, doubling to at most 1 s; at most 3 attempts. */
export const DEADLINE_AWARE_DEFAULTS = { maxAttempts: 3, baseDelayMs: 25, maxDelayMs: 1000 } as const;

/**
 * fix.retries: an attempt may use the whole remaining deadline (a slow answer in time beats a
 * fast resend), and a retryable failure is resent only when (1) attempts are left, (2) the
 * budget has a retry (at most its share of extra attempts), and (3) after the backoff the
 * deadline still leaves as long as the failed attempt took. The backoff is exponential with
 * full jitter (uniform between 0 and the cap), so callers that failed together do not come back
 * together.
 */
export function deadlineAwareRetries(options: DeadlineAwareRetryOptions): RetryPolicy {
  return {
    onCall: () => options.budget.recordCall(),
    attemptTimeoutMs: (remainingMs) => Math.max(1, remainingMs),
    retryDelayMs(failure) {
      if (!isRetryable(failure.error) || failure.resendCount + 1 >= options.maxAttempts) return undefined;
      const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** failure.resendCount);
      const delayMs = Math.floor(options.random() * cap);
      // The deadline must fit the wait and another attempt as long as the one that just failed.
      if (failure.remainingMs - delayMs < Math.max(1, failure.elapsedMs)) return undefined;
      // Spent last: a retry the deadline forbids does not use up the budget.
      if (!options.budget.tryRetry()) return undefined;
      return delayMs;
    },
  };
}
