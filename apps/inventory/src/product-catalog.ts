import { LAB_ATTRIBUTES, LAB_EVENTS, LAB_SPANS, type Product } from '@tracecart/contracts';
import { ATTR_EXCEPTION_MESSAGE } from '@opentelemetry/semantic-conventions';
import { addSpanEvent, withSpan } from '@tracecart/tracing';
import type { ProductRepo } from './product-repo';
import type { ProductCache } from './cache/product-cache';

/** How a cache lookup went, per key, for the cache hit/miss counters. */
export type CacheResult = 'hit' | 'miss' | 'error';

/**
 * Catalog reads: straight from Postgres, or read-through the cache while fix.cache is on.
 * A cache that fails is skipped (fail open) and the failure is recorded on the span.
 */
export class ProductCatalog {
  constructor(
    private readonly repo: ProductRepo,
    private readonly cache: ProductCache | undefined,
    private readonly cacheEnabled: () => boolean,
    private readonly countCacheResult: (result: CacheResult, count: number) => void = () => undefined,
  ) {}

  /** One product, or undefined when the SKU is not in the catalog. */
  async findOne(sku: string): Promise<Product | undefined> {
    if (!this.useCache()) return this.repo.findBySku(sku);
    const found = await this.findMany([sku]);
    return found.get(sku);
  }

  /** Many products; with the cache only the misses go to Postgres, in one query. */
  async findMany(skus: readonly string[]): Promise<Map<string, Product>> {
    if (!this.useCache()) return this.repo.findBySkus(skus);
    const cached = await this.readCache(skus);
    const misses = skus.filter((sku) => !cached.has(sku));
    if (misses.length === 0) return cached;
    const loaded = misses.length === 1 ? await this.loadOne(misses[0]) : await this.repo.findBySkus(misses);
    await this.guard('write', () => this.cache!.setMany([...loaded.values()]));
    return new Map([...cached, ...loaded]);
  }

  /** Drops cached entries whose stock changed; always, so re-enabling the cache never serves stale stock. */
  async invalidate(skus: readonly string[]): Promise<void> {
    if (this.cache) await this.guard('invalidate', () => this.cache!.delete(skus));
  }

  private useCache(): boolean {
    return this.cache !== undefined && this.cacheEnabled();
  }

  private async loadOne(sku: string): Promise<Map<string, Product>> {
    const product = await this.repo.findBySku(sku);
    return new Map(product ? [[sku, product]] : []);
  }

  private readCache(skus: readonly string[]): Promise<Map<string, Product>> {
    const { cacheBackend, cacheKeys, cacheHit, cacheHits } = LAB_ATTRIBUTES;
    return withSpan(LAB_SPANS.cacheLookup, { [cacheBackend]: this.cache!.backend, [cacheKeys]: skus.length }, async (span) => {
      const found = await this.guard('read', () => this.cache!.getMany(skus));
      if (!found) {
        this.countCacheResult('error', skus.length);
        span.setAttributes({ [cacheHit]: false, [cacheHits]: 0 });
        return new Map<string, Product>();
      }
      this.countCacheResult('hit', found.size);
      this.countCacheResult('miss', skus.length - found.size);
      span.setAttributes({ [cacheHit]: found.size === skus.length, [cacheHits]: found.size });
      return found;
    });
  }

  private async guard<T>(operation: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (error) {
      addSpanEvent(LAB_EVENTS.cacheUnavailable, { [LAB_ATTRIBUTES.cacheOperation]: operation, [ATTR_EXCEPTION_MESSAGE]: (error as Error).message });
      return undefined;
    }
  }
}
