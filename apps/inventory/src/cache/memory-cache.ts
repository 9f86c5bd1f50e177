import type { CatalogEntry } from '@tracecart/contracts';
import type { ProductCache } from './product-cache';

const MAX_ENTRIES = 100_000;

/** In-process stand-in for Redis when none is reachable; bounded, oldest entries dropped first. */
export class MemoryProductCache implements ProductCache {
  readonly backend = 'memory' as const;
  private readonly entries = new Map<string, { entry: CatalogEntry; expiresAt: number }>();

  constructor(private readonly ttlSeconds: number) {}

  async getMany(skus: readonly string[]): Promise<Map<string, CatalogEntry>> {
    const now = Date.now();
    const found = new Map<string, CatalogEntry>();
    for (const sku of skus) {
      const entry = this.entries.get(sku);
      if (entry && entry.expiresAt > now) found.set(sku, entry.entry);
    }
    return found;
  }

  async setMany(entries: readonly CatalogEntry[]): Promise<void> {
    const expiresAt = Date.now() + this.ttlSeconds * 1000;
    for (const entry of entries) {
      this.entries.delete(entry.sku);
      this.entries.set(entry.sku, { entry, expiresAt });
    }
    // Map iteration is insertion order, so the first keys are the oldest.
    for (const sku of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(sku);
    }
  }

  async delete(skus: readonly string[]): Promise<void> {
    for (const sku of skus) this.entries.delete(sku);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
