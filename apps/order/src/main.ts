import { createLogger } from '@tracecart/tracing';
import { createPool } from '@tracecart/db';
import { serve } from '@tracecart/http-kit';
import { startServiceFlags } from '@tracecart/flags';
import { readOrderConfig } from './config';
import { createApp } from './app';

async function main(): Promise<void> {
  const logger = createLogger('order');
  const config = readOrderConfig(process.env);
  const pool = createPool(config.DATABASE_URL, { applicationName: 'order', max: config.PG_POOL_MAX });
  const flags = await startServiceFlags(pool, config.DATABASE_URL, logger);
  const app = createApp({
    pool,
    logger,
    inventoryUrl: config.INVENTORY_URL,
    checkoutTimeoutMs: config.CHECKOUT_TIMEOUT_MS,
    flags: flags.values,
  });
  await serve(app, { port: config.PORT, host: config.HOST, logger, onShutdown: flags.close });
}

main().catch((error: Error) => {
  console.error(`order: ${error.message}`);
  process.exit(1);
});
