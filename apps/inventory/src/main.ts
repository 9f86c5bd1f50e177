import { createLogger } from '@tracecart/tracing';
import { createPool } from '@tracecart/db';
import { serve } from '@tracecart/http-kit';
import { startServiceFlags } from '@tracecart/flags';
import { readInventoryConfig, type InventoryConfig } from './config';
import { createApp } from './app';
import { RedisProductCache } from './cache/redis-cache';
import { MemoryProductCache } from './cache/memory-cache';
import { StockDashboard } from './stock-report/dashboard';

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
  // The stock report's own pool, the bulkhead fix.pool puts it in: one connection, so reports
  // wait for each other, never for the checkouts' connections. pg opens it on first use.
  const reportPool = createPool(config.DATABASE_URL, { applicationName: 'inventory-report', max: 1 });
  const dashboard = new StockDashboard({
    flags: flags.values,
    sharedPool: pool,
    reportPool,
    viewers: config.STOCK_REPORT_VIEWERS ?? config.PG_POOL_MAX,
    intervalMs: config.STOCK_REPORT_INTERVAL_MS,
    logger,
  });
  const app = createApp({ pool, reportPool, logger, cache, flags: flags.values });
  dashboard.start();
  const onShutdown = async () => {
    // Reports in flight finish first: they hold connections of both pools.
    await dashboard.stop();
    await reportPool.end();
    await cache.close();
    await flags.close();
  };
  await serve(app, { port: config.PORT, host: config.HOST, logger, onShutdown });
}

main().catch((error: Error) => {
  console.error(`inventory: ${error.message}`);
  process.exit(1);
});
