// The retry policies and their budget, on an injected clock and random source: the storm resends
// at once up to its limit; the fix backs off with full jitter, stays within its budget and gives
// up when the deadline cannot fit another attempt.
import { HttpError } from '@tracecart/http-kit';
import { RetryBudget, callWithRetries, deadlineAwareRetries, immediateRetries, isRetryable, type RetryClock } from '../src';

const unavailable = () => new HttpError(503, 'dependency_unavailable', 'inventory is unavailable: no answer within 100 ms');
const refused = () => new HttpError(409, 'insufficient_stock', 'not enough stock');

/** A clock that moves only when told to: an attempt takes `attemptMs`, a sleep its own length. */
function fakeClock(): RetryClock & { t: number; slept: number[] } {
  const clock = {
    t: 0,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

/** An attempt function that fails `failures` times (taking attemptMs each), then answers. */
function flaky(clock: { t: number }, failures: number, attemptMs: number, error: () => Error = unavailable) {
  const seen: Array<{ resendCount: number; timeoutMs: number }> = [];
  const attempt = async (resendCount: number, timeoutMs: number) => {
    seen.push({ resendCount, timeoutMs });
    clock.t += attemptMs;
    if (seen.length <= failures) throw error();
    return 'ok';
  };
  return { attempt, seen };
}

describe('isRetryable', () => {
  it('retries 5xx, 429 and unreachable callees, never an answer in 4xx or a programming error', () => {
    expect(isRetryable(unavailable())).toBe(true);
    expect(isRetryable(new HttpError(429, 'slow_down', 'x'))).toBe(true);
    expect(isRetryable(refused())).toBe(false);
    expect(isRetryable(new TypeError('bug'))).toBe(false);
  });
});

describe('RetryBudget', () => {
  it('allows its saved retries, then one per 1/ratio calls', () => {
    const budget = new RetryBudget({ ratio: 0.1, maxTokens: 2 });
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
    for (let i = 0; i < 9; i++) budget.recordCall();
    expect(budget.tryRetry()).toBe(false);
    budget.recordCall();
    expect(budget.tryRetry()).toBe(true);
  });

  it('caps what it saves, so a quiet spell cannot fund a burst of retries', () => {
    const budget = new RetryBudget({ ratio: 0.1, maxTokens: 3 });
    for (let i = 0; i < 1000; i++) budget.recordCall();
    expect(budget.available()).toBe(3);
  });

  it('keeps retries within 10% of the calls over a long run of failures', () => {
    const budget = new RetryBudget({ ratio: 0.1, maxTokens: 10 });
    let retries = 0;
    for (let i = 0; i < 1000; i++) {
      budget.recordCall();
      if (budget.tryRetry()) retries++;
    }
    expect(retries).toBeLessThanOrEqual(10 + 100);
  });
});

describe('immediateRetries (problem.retries)', () => {
  it('resends at once on a short timeout until its attempts are spent, whatever the deadline', async () => {
    const clock = fakeClock();
    const { attempt, seen } = flaky(clock, 10, 100);
    const call = callWithRetries(immediateRetries({ attemptTimeoutMs: 100, maxAttempts: 5 }), 20_000, attempt, clock);
    await expect(call).rejects.toThrow('no answer within 100 ms');
    expect(seen).toEqual([0, 1, 2, 3, 4].map((resendCount) => ({ resendCount, timeoutMs: 100 })));
    expect(clock.slept).toEqual([]);
  });

  it('does not resend a 4xx answer', async () => {
    const clock = fakeClock();
    const { attempt, seen } = flaky(clock, 1, 5, refused);
    await expect(callWithRetries(immediateRetries(), 20_000, attempt, clock)).rejects.toThrow('not enough stock');
    expect(seen).toHaveLength(1);
  });
});

describe('deadlineAwareRetries (fix.retries)', () => {
  const policy = (budget: RetryBudget, random = () => 0.5) =>
    deadlineAwareRetries({ budget, random, maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 });

  it('gives an attempt the whole remaining deadline and backs off with full jitter, doubling the cap', async () => {
    const clock = fakeClock();
    const { attempt, seen } = flaky(clock, 2, 10);
    await expect(callWithRetries(policy(new RetryBudget(), () => 0.5), 5000, attempt, clock)).resolves.toBe('ok');
    // Cap 100 ms then 200 ms; the jitter draws half of each.
    expect(clock.slept).toEqual([50, 100]);
    expect(seen.map((s) => s.resendCount)).toEqual([0, 1, 2]);
    expect(seen.map((s) => s.timeoutMs)).toEqual([5000, 5000 - 10 - 50, 5000 - 10 - 50 - 10 - 100]);
  });

  it('stops at maxAttempts', async () => {
    const clock = fakeClock();
    const { attempt, seen } = flaky(clock, 10, 10);
    await expect(callWithRetries(policy(new RetryBudget()), 5000, attempt, clock)).rejects.toThrow(HttpError);
    expect(seen).toHaveLength(3);
  });

  it('does not resend when the deadline cannot fit the backoff and another attempt as long as the last', async () => {
    const clock = fakeClock();
    const budget = new RetryBudget({ ratio: 0.1, maxTokens: 10 });
    const { attempt, seen } = flaky(clock, 10, 400);
    // 1000 ms: the first attempt fails after 400, the wait is up to 50 (random 0.5 of 100), 600 left fits 400 more;
    // the second fails at 850 ms, and 150 left cannot fit another 400.
    await expect(callWithRetries(policy(budget), 1000, attempt, clock)).rejects.toThrow(HttpError);
    expect(seen).toHaveLength(2);
    // The refused retry did not spend the budget: 10 saved (+0.1 for the call), one spent.
    expect(budget.available()).toBe(9);
  });

  it('does not resend once the budget is spent, however many calls fail', async () => {
    const clock = fakeClock();
    const budget = new RetryBudget({ ratio: 0.1, maxTokens: 1 });
    let attempts = 0;
    const calls = 20;
    for (let i = 0; i < calls; i++) {
      const attempt = async () => {
        attempts++;
        clock.t += 10;
        throw unavailable();
      };
      await expect(callWithRetries(policy(budget, () => 0), 5000, attempt, clock)).rejects.toThrow(HttpError);
    }
    // One saved retry and two earned by 20 calls at 10%: at most 3 resends for 20 calls.
    expect(attempts - calls).toBeLessThanOrEqual(3);
    expect(attempts - calls).toBeGreaterThanOrEqual(1);
  });

  it('does not resend a 4xx answer', async () => {
    const clock = fakeClock();
    const { attempt, seen } = flaky(clock, 1, 5, refused);
    await expect(callWithRetries(policy(new RetryBudget()), 5000, attempt, clock)).rejects.toThrow('not enough stock');
    expect(seen).toHaveLength(1);
  });
});
