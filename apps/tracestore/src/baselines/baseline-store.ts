import { findInvalidSpanId, serviceNameOf, type DecodedTraces } from '@tracecart/otlp';
import type { JsHistogram } from 'hdr-histogram-js';
import { createDurationHistogram, SlidingHistogram } from './sliding-histogram';
import { statementOf } from './span-statement';
import { percentileAtOrBelow, summarize } from './histogram-stats';
import type { BaselineKey, BaselineOptions, BaselineSummary, PercentileAnswer } from './types';

/** 2,000 keys, a 10-minute window in 5 two-minute sub-histograms, the wall clock. */
export const DEFAULT_BASELINE_OPTIONS: BaselineOptions = Object.freeze({ maxKeys: 2000, windowMs: 600_000, slots: 5, now: Date.now });

interface Entry {
  key: BaselineKey;
  window: SlidingHistogram;
}

// By code unit, not locale, so the order is the same on every machine.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const keyOf = (service: string, operation: string, statement: string | undefined) => `${service}\u0000${operation}\u0000${statement ?? ''}`;

/**
 * Recent span durations per service, operation and (for DB spans) normalized statement. At most
 * maxKeys keys; the least recently updated is evicted first. Only the last windowMs count.
 */
export class BaselineStore {
  // Map order is update order: a record moves its key to the end, so eviction takes the first.
  private readonly entries = new Map<string, Entry>();
  private readonly options: BaselineOptions;

  constructor(options: Partial<BaselineOptions> = {}) {
    this.options = { ...DEFAULT_BASELINE_OPTIONS, ...options };
    const { maxKeys, windowMs, slots } = this.options;
    if (!(maxKeys >= 1 && slots >= 1 && windowMs >= slots)) throw new RangeError(`bad baseline options: maxKeys ${maxKeys}, windowMs ${windowMs}, slots ${slots}`);
  }

  /** Records the duration of every span an export carried that the trace store keeps. */
  observe(data: DecodedTraces): void {
    const now = this.options.now();
    for (const resourceSpans of data.resourceSpans) {
      const service = serviceNameOf(resourceSpans.resource.attributes);
      for (const scopeSpans of resourceSpans.scopeSpans) {
        for (const span of scopeSpans.spans) {
          if (findInvalidSpanId(span)) continue;
          const { startTimeUnixNano: start, endTimeUnixNano: end } = span;
          // Like the store, a span that ends before it starts lasted 0 (recorded as 1 µs).
          const durationUs = end > start ? Number(end - start) / 1000 : 0;
          this.record(service, span.name, statementOf(span.attributes), durationUs, now);
        }
      }
    }
  }

  private record(service: string, operation: string, statement: string | undefined, durationUs: number, now: number): void {
    const id = keyOf(service, operation, statement);
    let entry = this.entries.get(id);
    if (entry) this.entries.delete(id);
    else {
      if (this.entries.size >= this.options.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
      const key = statement === undefined ? { service, operation } : { service, operation, statement };
      entry = { key, window: new SlidingHistogram(this.options.windowMs / this.options.slots, this.options.slots) };
    }
    this.entries.set(id, entry);
    entry.window.record(durationUs, now);
  }

  /** How far back durations count, so an answer can say what "recent" meant. */
  get windowMs(): number {
    return this.options.windowMs;
  }

  /** How many keys are kept. */
  get size(): number {
    return this.entries.size;
  }

  /** The baselines of a service (of one operation if given) with durations in the window, sorted. */
  list(service: string, operation?: string): BaselineSummary[] {
    const now = this.options.now();
    const out: BaselineSummary[] = [];
    for (const { key, window } of this.entries.values()) {
      if (key.service !== service || (operation !== undefined && key.operation !== operation)) continue;
      const histogram = createDurationHistogram();
      if (window.addTo(histogram, now) > 0) out.push({ ...key, ...summarize(histogram) });
    }
    return out.sort((a, b) => compare(a.operation, b.operation) || compare(a.statement ?? '', b.statement ?? ''));
  }

  /** Where durationMs falls among the window's durations of the key (every statement of the operation when none is given). */
  percentileOf(key: BaselineKey, durationMs: number): PercentileAnswer {
    const histogram = this.merged(key);
    if (histogram.totalCount === 0) return { percentile: null, count: 0 };
    return { percentile: percentileAtOrBelow(histogram, durationMs * 1000), count: histogram.totalCount };
  }

  private merged({ service, operation, statement }: BaselineKey): JsHistogram {
    const now = this.options.now();
    const histogram = createDurationHistogram();
    for (const { key, window } of this.entries.values()) {
      if (key.service !== service || key.operation !== operation) continue;
      if (statement === undefined || key.statement === statement) window.addTo(histogram, now);
    }
    return histogram;
  }
}
