import { createLogger } from '@tracecart/tracing';
import { createPool } from '@tracecart/db';
import { serve } from '@tracecart/http-kit';
import { startServiceFlags } from '@tracecart/flags';
import { readInventoryConfig, type InventoryConfig } from './config';
import { createApp } from './app';
import { RedisProductCache } from './cache/redis-cache';
import { MemoryProductCache } from './cache/memory-cache';

// Long enough for Redis on this machine to answer, short enough that a Redis that is away does
// not hold up the start: the cache fails open and reconnects on its own.
const REDIS_FIRST_CONNECT_WAIT_MS = 2_000;

// The first checkouts after a start are cached like the rest, instead of racing the connection.
async function waitForFirstConnection(cache: RedisProductCache): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, REDIS_FIRST_CONNECT_WAIT_MS)));
  await Promise.race([cache.whenConnected(), timeout]);
  clearTimeout(timer);
}

function createCache(config: Readonly<InventoryConfig>) {
  return config.CACHE_BACKEND === 'redis'
    ? new RedisProductCache(config.REDIS_URL, config.CACHE_TTL_SECONDS, config.CACHE_KEY_PREFIX)
    : new MemoryProductCache(config.CACHE_TTL_SECONDS);
}

async function main(): Promise<void> {
  const logger = createLogger('inventory');
  const config = readInventoryConfig(process.env);
  const pool = createPool(config.DATABASE_URL, { applicationName: 'inventory', max: config.PG_POOL_MAX });
  const flags = await startServiceFlags(pool, config.DATABASE_URL, logger);
  const cache = createCache(config);
  if (cache.backend === 'memory') logger.warn('using an in-process cache, not Redis');
  else await waitForFirstConnection(cache);
  const app = createApp({ pool, logger, cache, flags: flags.values });
  const onShutdown = async () => {
    await cache.close();
    await flags.close();
  };
  await serve(app, { port: config.PORT, host: config.HOST, logger, onShutdown });
}

main().catch((error: Error) => {
  console.error(`inventory: ${error.message}`);
  process.exit(1);
});
