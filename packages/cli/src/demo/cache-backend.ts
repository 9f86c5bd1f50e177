import type { Progress } from './progress';
import { probeRedis } from './redis-probe';

/** Which cache inventory runs with (its CACHE_BACKEND). */
export type CacheBackend = 'redis' | 'memory';

/** Redis when REDIS_URL answers a PING, else the in-process cache, said out loud so nobody mistakes it for Redis. */
export async function chooseCacheBackend(redisUrl: string, progress: Progress): Promise<CacheBackend> {
  if (await probeRedis(redisUrl)) {
    progress.note(`Redis answers at ${redisUrl}: inventory caches there`);
    return 'redis';
  }
  progress.note('Redis not reachable: using an in-process cache (not Redis)');
  return 'memory';
}
