import Redis from 'ioredis';
import type { Product } from '@tracecart/contracts';
import { productKey, type ProductCache } from './product-cache';

/** Read-through cache in Redis; products expire after ttlSeconds. */
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

  async getMany(skus: readonly string[]): Promise<Map<string, Product>> {
    const values = await this.redis.mget(skus.map((sku) => productKey(this.prefix, sku)));
    const found = new Map<string, Product>();
    values.forEach((value, i) => {
      if (value !== null) found.set(skus[i], JSON.parse(value) as Product);
    });
    return found;
  }

  async setMany(products: readonly Product[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const product of products) pipeline.set(productKey(this.prefix, product.sku), JSON.stringify(product), 'EX', this.ttlSeconds);
    await pipeline.exec();
  }

  async delete(skus: readonly string[]): Promise<void> {
    if (skus.length > 0) await this.redis.del(...skus.map((sku) => productKey(this.prefix, sku)));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
