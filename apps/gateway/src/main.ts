import { createLogger } from '@tracecart/tracing';
import { createPool } from '@tracecart/db';
import { serve } from '@tracecart/http-kit';
import { FlagWatcher } from '@tracecart/flags';
import { readGatewayConfig } from './config';
import { createApp } from './app';

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  const config = readGatewayConfig(process.env);
  const pool = createPool(config.DATABASE_URL, { applicationName: 'gateway', max: 2 });
  const watcher = new FlagWatcher({ pool, databaseUrl: config.DATABASE_URL, onError: (err) => logger.warn({ err }, 'flag watch') });
  await watcher.start();
  await serve(createApp({ logger, config, flags: () => watcher.current().flags }), {
    port: config.PORT,
    host: config.HOST,
    logger,
    onShutdown: async () => {
      await watcher.stop();
      await pool.end();
    },
  });
}

main().catch((error: Error) => {
  console.error(`gateway: ${error.message}`);
  process.exit(1);
});
