/** The open-model timetable: request i is due at t0 + i / rate, whatever happened to earlier ones. */
export class ArrivalSchedule {
  private readonly intervalMs: number;

  constructor(
    readonly t0: number,
    readonly rate: number,
    /** How many requests the schedule holds; lowered when a run stops early. */
    public total: number,
  ) {
    this.intervalMs = 1000 / rate;
  }

  /** The intended send time of request `index`, on the same clock as t0. */
  intendedTime(index: number): number {
    return this.t0 + index * this.intervalMs;
  }

  /** How many requests are due by `now` (never more than total). */
  dueCount(now: number): number {
    if (now < this.t0) return 0;
    return Math.min(this.total, Math.floor((now - this.t0) / this.intervalMs) + 1);
  }

  /** When the last request is due. */
  get endTime(): number {
    return this.intendedTime(Math.max(0, this.total - 1));
  }
}

/** How many requests rate x duration asks for, at least one, at most `cap`. */
export function countScheduledRequests(rate: number, durationMs: number, cap: number): number {
  // The epsilon keeps 4000 ms x 200/s from becoming 799 through float rounding.
  const wanted = Math.floor((rate * durationMs) / 1000 + 1e-9);
  return Math.max(1, Math.min(cap, wanted));
}
