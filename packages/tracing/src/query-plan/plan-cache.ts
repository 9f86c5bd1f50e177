import type { Attributes } from '@opentelemetry/api';
import type { CatalogStamp } from './catalog-snapshot';

/** What a slow statement's span gets: the plan event or the plan error event, with attributes. */
export interface PlanOutcome {
  readonly event: string;
  readonly attributes: Attributes;
  /** The catalog the plan was made under; absent when no index can make it stale (an error, no table read). */
  readonly catalog?: CatalogStamp;
}

/** A cached EXPLAIN: its outcome once it answered, and the promise of it until then. */
export interface PlanEntry {
  readonly pending: Promise<PlanOutcome>;
  outcome?: PlanOutcome;
}

interface Slot {
  readonly entry: PlanEntry;
  readonly expiresAt: number;
}

/**
 * Plans by statement text, for a bounded time and a bounded number of texts: a slow statement
 * under load costs one EXPLAIN per period, and a failed one is not retried on every request.
 * Cleared when a plan-changing statement (CREATE INDEX, ANALYZE …) is seen; an entry whose
 * catalog stamp no longer matches (an index changed by another process) is replaced by its user.
 */
export class PlanCache {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly ttlMs: number, private readonly maxEntries: number) {}

  /** The live entry for this text, if any. */
  get(text: string, now = Date.now()): PlanEntry | undefined {
    const slot = this.slots.get(text);
    if (slot && slot.expiresAt > now) return slot.entry;
    if (slot) this.slots.delete(text);
    return undefined;
  }

  /** Starts caching the EXPLAIN of this text; the oldest text goes when the cache is full. */
  put(text: string, pending: Promise<PlanOutcome>, now = Date.now()): PlanEntry {
    const entry: PlanEntry = { pending };
    void pending.then((outcome) => (entry.outcome = outcome));
    this.slots.delete(text);
    this.slots.set(text, { entry, expiresAt: now + this.ttlMs });
    while (this.slots.size > this.maxEntries) this.slots.delete(this.slots.keys().next().value as string);
    return entry;
  }

  /** Forgets every plan: an index or the statistics may have changed. */
  clear(): void {
    this.slots.clear();
  }
}
