const MILLI = 1000;

/** How many retries a budget allows: a share of the calls, with a little saved up. */
export interface RetryBudgetOptions {
  /** Retries earned per call: 0.1 allows at most 10% more attempts than calls. */
  ratio: number;
  /** The most retries saved up; with ratio it sets the window the share is kept over. */
  maxTokens: number;
}

/** At most 10% extra attempts, over roughly the last 100 calls. */
export const DEFAULT_RETRY_BUDGET: RetryBudgetOptions = { ratio: 0.1, maxTokens: 10 };

/**
 * A retry budget as a token bucket: every call deposits `ratio` of a token, every retry spends a
 * whole one. Retries therefore stay within `ratio` of the calls made lately (the bucket's cap
 * is the window: older deposits overflow), whatever fails, so when the callee slows down the
 * retries cannot multiply its load. It counts calls, not time: no clock to drift or mock.
 */
export class RetryBudget {
  // Counted in thousandths of a retry: ten deposits of 0.1 make exactly one, as in decimal.
  private milli: number;
  private readonly depositMilli: number;
  private readonly maxMilli: number;

  constructor(options: RetryBudgetOptions = DEFAULT_RETRY_BUDGET) {
    if (!(options.ratio >= 0) || !(options.maxTokens >= 1)) throw new RangeError('a retry budget needs ratio >= 0 and maxTokens >= 1');
    this.depositMilli = Math.round(options.ratio * MILLI);
    this.maxMilli = Math.round(options.maxTokens * MILLI);
    // Starts full, so a quiet service can still retry the odd failure before it has earned any.
    this.milli = this.maxMilli;
  }

  /** A call is about to make its first attempt. */
  recordCall(): void {
    this.milli = Math.min(this.maxMilli, this.milli + this.depositMilli);
  }

  /** Spends one retry if the budget has one; false when retrying now would exceed it. */
  tryRetry(): boolean {
    if (this.milli < MILLI) return false;
    this.milli -= MILLI;
    return true;
  }

  /** Retries left right now (whole ones). */
  available(): number {
    return Math.floor(this.milli / MILLI);
  }
}
