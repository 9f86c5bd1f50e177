import { createLogger } from '@tracecart/tracing';
import { createPool } from '@tracecart/db';
import { serve } from '@tracecart/http-kit';
import { readInventoryConfig } from './config';
import { createApp } from './app';

async function main(): Promise<void> {
  const logger = createLogger('inventory');
  const config = readInventoryConfig(process.env);
  const pool = createPool(config.DATABASE_URL, { applicationName: 'inventory', max: config.PG_POOL_MAX });
  await serve(createApp({ pool, logger }), {
    port: config.PORT,
    host: config.HOST,
    logger,
    onShutdown: () => pool.end(),
  });
}

main().catch((error: Error) => {
  console.error(`inventory: ${error.message}`);
  process.exit(1);
});
