/** What the switchboard drives and reads. */
export interface SwitchboardDeps {
  worker: { setConcurrency(concurrency: number): Promise<void> };
  /** The concurrency the switches want now. */
  concurrency: () => number;
  onError: (error: Error) => void;
}

// A failed restart (the database away for a moment) can leave no worker running: try again soon
// rather than at the flag watcher's next safety-net refresh.
const RETRY_AFTER_FAILURE_MS = 1_000;

/**
 * Keeps the worker's concurrency where the switches want it. A change restarts the worker (its
 * deliveries in flight finish first); restarts run one at a time, each reading the switches when
 * its turn comes, so the last change wins and no two workers are started at once.
 */
export class ConsumerSwitchboard {
  private applying: Promise<void> = Promise.resolve();
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: SwitchboardDeps) {}

  /** Starts the worker with the concurrency the switches want now; rejects when it cannot. */
  async start(): Promise<void> {
    await this.deps.worker.setConcurrency(this.deps.concurrency());
  }

  /** Applies the switches' concurrency once any change under way is done. */
  apply(): Promise<void> {
    this.applying = this.applying.then(() => this.applyNow());
    return this.applying;
  }

  /** Applies no further change; waits for one under way, so the worker can then be stopped. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.applying;
  }

  private async applyNow(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.deps.worker.setConcurrency(this.deps.concurrency());
    } catch (error) {
      this.deps.onError(error as Error);
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => void this.apply(), RETRY_AFTER_FAILURE_MS);
      this.retryTimer.unref();
    }
  }
}
