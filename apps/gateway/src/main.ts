import { createLogger } from '@tracecart/tracing';
import { createPool } from '@tracecart/db';
import { serve } from '@tracecart/http-kit';
import { startServiceFlags } from '@tracecart/flags';
import { readGatewayConfig } from './config';
import { createApp } from './app';

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  const config = readGatewayConfig(process.env);
  const pool = createPool(config.DATABASE_URL, { applicationName: 'gateway', max: 2 });
  const flags = await startServiceFlags(pool, config.DATABASE_URL, logger);
  const app = createApp({ logger, config, flags: flags.values });
  await serve(app, { port: config.PORT, host: config.HOST, logger, onShutdown: flags.close });
}

main().catch((error: Error) => {
  console.error(`gateway: ${error.message}`);
  process.exit(1);
});
