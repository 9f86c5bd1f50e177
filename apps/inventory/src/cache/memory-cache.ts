import type { Product } from '@tracecart/contracts';
import type { ProductCache } from './product-cache';

const MAX_ENTRIES = 100_000;

/** In-process stand-in for Redis when none is reachable; bounded, oldest entries dropped first. */
export class MemoryProductCache implements ProductCache {
  readonly backend = 'memory' as const;
  private readonly entries = new Map<string, { product: Product; expiresAt: number }>();

  constructor(private readonly ttlSeconds: number) {}

  async getMany(skus: readonly string[]): Promise<Map<string, Product>> {
    const now = Date.now();
    const found = new Map<string, Product>();
    for (const sku of skus) {
      const entry = this.entries.get(sku);
      if (entry && entry.expiresAt > now) found.set(sku, entry.product);
    }
    return found;
  }

  async setMany(products: readonly Product[]): Promise<void> {
    const expiresAt = Date.now() + this.ttlSeconds * 1000;
    for (const product of products) {
      this.entries.delete(product.sku);
      this.entries.set(product.sku, { product, expiresAt });
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
