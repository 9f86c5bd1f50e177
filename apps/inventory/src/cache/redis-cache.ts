import Redis from 'ioredis';
import type { CatalogEntry } from '@tracecart/contracts';
import { catalogKey, type ProductCache } from './product-cache';

/** Read-through cache of catalog entries in Redis; they expire after ttlSeconds. */
export class RedisProductCache implements ProductCache {
  readonly backend = 'redis' as const;
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly ttlSeconds: number,
    private readonly prefix: string,
  ) {
    // Fail fast instead of queueing while Redis is away: the caller falls back to Postgres.
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 500,
      commandTimeout: 250,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Connection errors surface as failed commands; without a listener ioredis logs each one.
    this.redis.on('error', () => undefined);
  }

  /** Resolves once the first connection is up: commands fail fast before it, by design. */
  whenConnected(): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => this.redis.once('ready', () => resolve()));
  }

  async getMany(skus: readonly string[]): Promise<Map<string, CatalogEntry>> {
    const values = await this.redis.mget(skus.map((sku) => catalogKey(this.prefix, sku)));
    const found = new Map<string, CatalogEntry>();
    values.forEach((value, i) => {
      if (value !== null) found.set(skus[i], JSON.parse(value) as CatalogEntry);
    });
    return found;
  }

  async setMany(entries: readonly CatalogEntry[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const entry of entries) pipeline.set(catalogKey(this.prefix, entry.sku), JSON.stringify(entry), 'EX', this.ttlSeconds);
    await pipeline.exec();
  }

  async delete(skus: readonly string[]): Promise<void> {
    if (skus.length > 0) await this.redis.del(...skus.map((sku) => catalogKey(this.prefix, sku)));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
