import { diag } from '@opentelemetry/api';
import { waitKey, type WaitSample } from './wait-summary';

/** What a sampler saw: the count per `type:event` key and the number of samples. */
export interface WaitCounts {
  readonly counts: ReadonlyMap<string, number>;
  readonly samples: number;
}

/** The bounds of one statement's sampling. */
export interface SamplerBounds {
  /** Milliseconds between the end of one sample and the start of the next. */
  readonly intervalMs: number;
  /** The most samples taken, however long the statement runs. */
  readonly maxSamples: number;
}

/**
 * Samples one backend's wait event until stopped, the bound is reached, `isRunning` turns
 * false or a sample fails. `stop` answers at once with what was seen so far: the statement's
 * span is still open in the response hook, and a sample in flight would arrive too late.
 */
export class WaitSampler {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private stopped = false;

  constructor(private readonly sample: () => Promise<WaitSample | undefined>, private readonly bounds: SamplerBounds) {}

  /** Samples until the end; resolves with the counts when it stopped by itself, else undefined. */
  async run(isRunning: () => boolean): Promise<WaitCounts | undefined> {
    while (!this.stopped && this.samples < this.bounds.maxSamples && isRunning()) {
      let row: WaitSample | undefined;
      try {
        row = await this.sample();
      } catch (error) {
        diag.debug('wait sample failed', error);
        break;
      }
      if (this.stopped) return undefined;
      // No row: the backend is gone (the connection closed); nothing more to see.
      if (!row) break;
      this.samples += 1;
      this.counts.set(waitKey(row), (this.counts.get(waitKey(row)) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, this.bounds.intervalMs));
    }
    return this.stopped ? undefined : this.stop();
  }

  /** Stops sampling and answers with what was seen. */
  stop(): WaitCounts {
    this.stopped = true;
    return { counts: this.counts, samples: this.samples };
  }
}
