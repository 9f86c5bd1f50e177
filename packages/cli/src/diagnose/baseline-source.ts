/** What a baseline is kept for: a service's operation (span name) and, for a DB span, its normalized statement. */
export interface BaselineKey {
  service: string;
  operation: string;
  statement: string | undefined;
}

/** Where one duration falls among the recent durations of its key. */
export interface BaselinePlacement {
  /** Share of recent durations at or below it, 0-100. */
  percentile: number;
  /** How many recent durations the key has. */
  count: number;
  /** How far back "recent" reaches; null when the source does not say. */
  windowMs: number | null;
}

/** Where a run's baselines came from, or why there are none. */
export type BaselineOrigin =
  | { kind: 'tracestore' }
  | { kind: 'computed'; traceCount: number; lookbackMs: number }
  | { kind: 'none'; reason: string };

/** Per-operation duration baselines, whatever serves them. */
export interface BaselineSource {
  /** Where durationMs falls for its key; undefined when the key has no recent durations. */
  percentileOf(key: BaselineKey, durationMs: number): Promise<BaselinePlacement | undefined>;
  /** Where the answers came from, as of the calls made so far. */
  origin(): BaselineOrigin;
}
