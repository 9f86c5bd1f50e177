interface Read<T> {
  readonly startedAt: number;
  readonly result: Promise<T>;
  settled?: { readonly value: T };
}

/**
 * Reads that answer "what does it look like now?" for callers who each need a read begun no
 * earlier than a moment of theirs (a statement's start). The latest read serves every caller
 * whose moment came before it began, in flight or answered, so under load reads stay rare:
 * a new one starts only when the latest began too early for the caller asking.
 */
export class CoalescedReads<T> {
  private latest?: Read<T>;

  /** `read` never rejects; `now` is the clock the callers' moments come from. */
  constructor(private readonly read: () => Promise<T>, private readonly now: () => number = () => performance.now()) {}

  /** The answer of a read begun at or after `since`: the latest one if it qualifies, else a new one. */
  after(since: number): Promise<T> {
    if (this.latest && this.latest.startedAt >= since) return this.latest.result;
    const read: Read<T> = { startedAt: this.now(), result: this.read() };
    void read.result.then((value) => (read.settled = { value }));
    this.latest = read;
    return read.result;
  }

  /** The answer of a read begun at or after `since` that has already answered, if there is one; starts none. */
  answeredAfter(since: number): { readonly value: T } | undefined {
    return this.latest && this.latest.startedAt >= since ? this.latest.settled : undefined;
  }
}
