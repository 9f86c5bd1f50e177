import type { LabPools } from '../api-types';
import { poolViews } from './pool-window';
import { readPoolMetrics, type PoolSample } from './read-pool-metrics';

// Often enough to see a pool fill and drain; each sample is one small /metrics read.
const SAMPLE_EVERY_MS = 1000;
// Long enough to average several samples and many checkouts, short enough to follow a switch.
const WINDOW_MS = 10_000;
// Nobody has asked for this long: the page is closed, so inventory is left alone.
const IDLE_AFTER_MS = 15_000;
const SCRAPE_TIMEOUT_MS = 900;

/** Where the sampler reads; the timings are for tests that cannot wait a window out. */
export interface PoolSamplerOptions {
  inventoryUrl: string;
  sampleEveryMs?: number;
  windowMs?: number;
}

// Counts only grow while inventory runs: a smaller one means it restarted and began again.
function restarted(previous: PoolSample, next: PoolSample): boolean {
  return [...next.pools].some(([name, reading]) => {
    const before = previous.pools.get(name);
    return before !== undefined && (reading.waitCount < before.waitCount || reading.useCount < before.useCount);
  });
}

/**
 * Samples inventory's pool metrics every second, but only while someone asks (the page polls):
 * the first ask starts sampling and it stops once asks stop. Keeps the last window of samples.
 */
export class PoolSampler {
  private samples: PoolSample[] = [];
  private failure: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private lastAskedMs = 0;
  private pending: Promise<void> | undefined;

  constructor(private readonly options: PoolSamplerOptions) {}

  /** Little's Law figures over the window so far; the first ask waits for a first sample. */
  async current(): Promise<LabPools> {
    this.lastAskedMs = Date.now();
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.tick(), this.options.sampleEveryMs ?? SAMPLE_EVERY_MS);
      // Sampling is for a person looking; it never keeps the process alive.
      this.timer.unref();
      await this.sample();
    }
    return this.answer();
  }

  private tick(): void {
    if (Date.now() - this.lastAskedMs > IDLE_AFTER_MS) {
      clearInterval(this.timer);
      this.timer = undefined;
      // Old samples would make the next window span the gap.
      this.samples = [];
      return;
    }
    void this.sample();
  }

  // One scrape at a time: a slow inventory is not asked again before it answers.
  private sample(): Promise<void> {
    this.pending ??= readPoolMetrics(this.options.inventoryUrl, SCRAPE_TIMEOUT_MS)
      .then(
        (sample) => this.keep(sample),
        (error: Error) => {
          this.failure = error.message;
          this.samples = [];
        },
      )
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  private keep(sample: PoolSample): void {
    this.failure = null;
    const previous = this.samples.at(-1);
    if (previous && restarted(previous, sample)) this.samples = [];
    const windowMs = this.options.windowMs ?? WINDOW_MS;
    this.samples = [...this.samples, sample].filter((s) => sample.atMs - s.atMs <= windowMs);
  }

  private answer(): LabPools {
    if (this.failure !== null) return { unavailable: this.failure, windowSeconds: 0, samples: 0, pools: [] };
    const first = this.samples[0];
    const last = this.samples.at(-1);
    const windowSeconds = first && last ? (last.atMs - first.atMs) / 1000 : 0;
    return { unavailable: null, windowSeconds, samples: this.samples.length, pools: poolViews(this.samples) };
  }
}
