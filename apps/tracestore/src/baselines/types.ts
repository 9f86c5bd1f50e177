/** What a baseline is kept for: a service's operation (span name), and a DB span's normalized statement. */
export interface BaselineKey {
  service: string;
  operation: string;
  statement?: string;
}

/** The recent durations of one key, in milliseconds. */
export interface BaselineSummary extends BaselineKey {
  count: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Where one duration falls: the share of recent durations at or below it (0-100), null with none. */
export interface PercentileAnswer {
  percentile: number | null;
  count: number;
}

/** Bounds and clock of the baselines. */
export interface BaselineOptions {
  /** Keys kept; the least recently updated is evicted first. */
  maxKeys: number;
  /** How far back durations count. */
  windowMs: number;
  /** Sub-histograms the window rotates through (the window forgets a slot's worth at a time). */
  slots: number;
  /** Milliseconds since the epoch; tests pass their own. */
  now: () => number;
}
