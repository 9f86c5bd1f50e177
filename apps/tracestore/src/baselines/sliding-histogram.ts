import { PackedHistogram, type JsHistogram } from 'hdr-histogram-js';

/** Two significant digits: a reported duration is within 1% of a recorded one. */
const SIGNIFICANT_DIGITS = 2;
// Starts small and grows with the longest duration seen; packed counts keep a key with few
// distinct durations to a few hundred bytes, which is what bounds memory at thousands of keys.
const INITIAL_HIGHEST_US = 1024;

/** An empty microsecond histogram that grows as longer durations arrive. */
export function createDurationHistogram(): JsHistogram {
  const histogram = new PackedHistogram(1, INITIAL_HIGHEST_US, SIGNIFICANT_DIGITS);
  histogram.autoResize = true;
  return histogram;
}

interface Slot {
  /** Which slot-length period since the epoch this slot holds; -1 while unused. */
  period: number;
  histogram: JsHistogram | undefined;
}

/**
 * Durations of the last `slots` periods of `slotMs` each: recording goes into the current
 * period's sub-histogram, reading merges the periods still in the window, and a period that has
 * left the window is cleared when its slot comes round again, so old durations are forgotten.
 */
export class SlidingHistogram {
  private readonly ring: Slot[];

  constructor(
    private readonly slotMs: number,
    slots: number,
  ) {
    this.ring = Array.from({ length: slots }, () => ({ period: -1, histogram: undefined }));
  }

  /** Records a duration in microseconds (at least 1) at time nowMs. */
  record(durationUs: number, nowMs: number): void {
    const period = Math.floor(nowMs / this.slotMs);
    const slot = this.ring[period % this.ring.length];
    if (slot.period !== period) {
      // Reused rather than reallocated: a busy key keeps the same few histograms.
      slot.histogram?.reset();
      slot.period = period;
    }
    slot.histogram ??= createDurationHistogram();
    slot.histogram.recordValue(Math.max(1, Math.round(durationUs)));
  }

  /** Adds the durations still in the window at nowMs into target; returns how many were added. */
  addTo(target: JsHistogram, nowMs: number): number {
    const current = Math.floor(nowMs / this.slotMs);
    let added = 0;
    for (const slot of this.ring) {
      if (!slot.histogram || slot.period <= current - this.ring.length || slot.period > current) continue;
      added += slot.histogram.totalCount;
      if (slot.histogram.totalCount > 0) target.add(slot.histogram);
    }
    return added;
  }
}
