import { LAB_ATTRIBUTES, LAB_EVENTS, LAB_SPANS, type CatalogEntry, type Product } from '@tracecart/contracts';
import { ATTR_EXCEPTION_MESSAGE } from '@opentelemetry/semantic-conventions';
import { addSpanEvent, withSpan } from '@tracecart/tracing';
import type { ProductRepo } from './product-repo';
import type { ProductCache } from './cache/product-cache';

/** How a cache lookup went, per key, for the cache hit/miss counters. */
export type CacheResult = 'hit' | 'miss' | 'error';

/** A product's catalog entry: what pricing needs, without the stock. */
function toEntry(product: Product): CatalogEntry {
  return { sku: product.sku, name: product.name, priceCents: product.priceCents };
}

function toEntries(products: Map<string, Product>): Map<string, CatalogEntry> {
  return new Map([...products].map(([sku, product]) => [sku, toEntry(product)]));
}

/**
 * Catalog reads. The cache (while fix.cache is on) holds catalog entries, name and price, which
 * no checkout changes, so repeated checkouts of the same SKUs hit it and a reservation leaves it
 * alone; stock is never cached: the reservation's atomic UPDATE is the stock check. A cache that
 * fails is skipped (fail open) and the failure is recorded on the span.
 */
export class ProductCatalog {
  constructor(
    private readonly repo: ProductRepo,
    private readonly cache: ProductCache | undefined,
    private readonly cacheEnabled: () => boolean,
    private readonly countCacheResult: (result: CacheResult, count: number) => void = () => undefined,
  ) {}

  /**
   * One product with its stock, always the row from Postgres: the product page shows onHand, and
   * reading that fresh costs the same single-row query as reading the whole row, so taking name and
   * price from the cache as well would only add a round trip. The page is truthful; checkouts gain.
   */
  async findProduct(sku: string): Promise<Product | undefined> {
    return this.repo.findBySku(sku);
  }

  /** One catalog entry, or undefined when the SKU is not in the catalog. */
  async findEntry(sku: string): Promise<CatalogEntry | undefined> {
    if (!this.useCache()) return this.load([sku]).then((found) => found.get(sku));
    const found = await this.findEntries([sku]);
    return found.get(sku);
  }

  /** Many catalog entries; with the cache only the misses go to Postgres, in one query. */
  async findEntries(skus: readonly string[]): Promise<Map<string, CatalogEntry>> {
    if (!this.useCache()) return toEntries(await this.repo.findBySkus(skus));
    const cached = await this.readCache(skus);
    const misses = skus.filter((sku) => !cached.has(sku));
    if (misses.length === 0) return cached;
    const loaded = await this.load(misses);
    await this.guard('write', () => this.cache!.setMany([...loaded.values()]));
    return new Map([...cached, ...loaded]);
  }

  /**
   * Changes a name and price, then drops the cached entry: the one invalidation point, since
   * reservations and releases change only stock, which is not cached. Dropped even while fix.cache
   * is off, so turning it back on never serves an old price.
   */
  async updateEntry(entry: CatalogEntry): Promise<boolean> {
    const updated = await this.repo.updateCatalogEntry(entry);
    if (this.cache) await this.guard('invalidate', () => this.cache!.delete([entry.sku]));
    return updated;
  }

  private useCache(): boolean {
    return this.cache !== undefined && this.cacheEnabled();
  }

  // One SKU takes the single-row statement, so the N+1 path shows one lookup query per line.
  private async load(skus: readonly string[]): Promise<Map<string, CatalogEntry>> {
    if (skus.length !== 1) return toEntries(await this.repo.findBySkus(skus));
    const product = await this.repo.findBySku(skus[0]);
    return new Map(product ? [[product.sku, toEntry(product)]] : []);
  }

  private readCache(skus: readonly string[]): Promise<Map<string, CatalogEntry>> {
    const { cacheBackend, cacheKeys, cacheHit, cacheHits } = LAB_ATTRIBUTES;
    return withSpan(LAB_SPANS.cacheLookup, { [cacheBackend]: this.cache!.backend, [cacheKeys]: skus.length }, async (span) => {
      const found = await this.guard('read', () => this.cache!.getMany(skus));
      if (!found) {
        this.countCacheResult('error', skus.length);
        span.setAttributes({ [cacheHit]: false, [cacheHits]: 0 });
        return new Map<string, CatalogEntry>();
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
