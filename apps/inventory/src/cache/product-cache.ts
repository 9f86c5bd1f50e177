import type { Product } from '@tracecart/contracts';

/** Where cached products live: Redis, or this process when Redis is not there. */
export type CacheBackend = 'redis' | 'memory';

/** A product cache keyed by SKU. Every method may reject when the backend is down. */
export interface ProductCache {
  readonly backend: CacheBackend;
  getMany(skus: readonly string[]): Promise<Map<string, Product>>;
  setMany(products: readonly Product[]): Promise<void>;
  delete(skus: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** The cache key of one product under a prefix (one key space per lab or test stack). */
export function productKey(prefix: string, sku: string): string {
  return `${prefix}product:${sku}`;
}
