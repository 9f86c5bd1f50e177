import type { OrderPlacedMessage } from '@tracecart/contracts';
import type { OrderQueue } from '@tracecart/queue';

/** What the worker does with each message, and what it reports when one is done. */
export interface WorkerDeps {
  queue: Pick<OrderQueue, 'workOrderPlaced' | 'stopWork'>;
  fulfil: (message: OrderPlacedMessage) => Promise<void>;
  /** Called after an order is fulfilled (for the freshness histogram). */
  onFulfilled: (message: OrderPlacedMessage) => void;
}

/**
 * The consumer of order.placed, with a concurrency that can change at run time: a change stops
 * the current worker (its deliveries in flight finish) and registers a new one.
 */
export class FulfilmentWorker {
  private workerId: string | undefined;
  private current = 0;
  private inFlight = 0;

  constructor(private readonly deps: WorkerDeps) {}

  /** Deliveries this worker handles at once (0 when stopped). */
  get concurrency(): number {
    return this.current;
  }

  /** Deliveries being handled now. */
  get busy(): number {
    return this.inFlight;
  }

  /** Starts consuming with this concurrency, replacing the worker running with another. */
  async setConcurrency(concurrency: number): Promise<void> {
    if (this.workerId && concurrency === this.current) return;
    await this.stop();
    this.workerId = await this.deps.queue.workOrderPlaced({ concurrency }, (message) => this.handle(message));
    this.current = concurrency;
  }

  /** Stops fetching and waits for the deliveries in flight. */
  async stop(): Promise<void> {
    if (!this.workerId) return;
    const id = this.workerId;
    this.workerId = undefined;
    this.current = 0;
    await this.deps.queue.stopWork(id);
  }

  private async handle(message: OrderPlacedMessage): Promise<void> {
    this.inFlight++;
    try {
      await this.deps.fulfil(message);
      this.deps.onFulfilled(message);
    } finally {
      this.inFlight--;
    }
  }
}
