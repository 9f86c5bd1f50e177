import type { CatalogEntry } from '@tracecart/contracts';

/** Where cached catalog entries live: Redis, or this process when Redis is not there. */
export type CacheBackend = 'redis' | 'memory';

/**
 * A cache of catalog entries (name and price, never stock) keyed by SKU. Every method may
 * reject when the backend is down.
 */
export interface ProductCache {
  readonly backend: CacheBackend;
  getMany(skus: readonly string[]): Promise<Map<string, CatalogEntry>>;
  setMany(entries: readonly CatalogEntry[]): Promise<void>;
  delete(skus: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The cache key of one catalog entry under a prefix (one key space per lab or test stack).
 * Not `product:`: entries cached under that name by earlier versions held stock, and are left to expire.
 */
export function catalogKey(prefix: string, sku: string): string {
  return `${prefix}catalog:${sku}`;
}
