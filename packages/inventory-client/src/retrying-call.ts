import type { RetryPolicy } from './retry-policy';

/** Time, injected so the retry loop is tested without a wall clock. */
export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock: Date.now and a timer. */
export const SYSTEM_CLOCK: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs a call under a retry policy within timeoutMs overall: `attempt` gets its resend ordinal
 * (0 for the first try) and the timeout the policy gives it; a failure the policy does not
 * resend is thrown as it came.
 */
export async function callWithRetries<T>(
  policy: RetryPolicy,
  timeoutMs: number,
  attempt: (resendCount: number, attemptTimeoutMs: number) => Promise<T>,
  clock: RetryClock = SYSTEM_CLOCK,
): Promise<T> {
  const deadlineAt = clock.now() + timeoutMs;
  policy.onCall();
  for (let resendCount = 0; ; resendCount++) {
    const started = clock.now();
    try {
      return await attempt(resendCount, policy.attemptTimeoutMs(deadlineAt - started));
    } catch (error) {
      const ended = clock.now();
      const delayMs = policy.retryDelayMs({ resendCount, error, elapsedMs: ended - started, remainingMs: deadlineAt - ended });
      if (delayMs === undefined) throw error;
      if (delayMs > 0) await clock.sleep(delayMs);
    }
  }
}
