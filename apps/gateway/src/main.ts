import { createLogger } from '@tracecart/tracing';
import { serve } from '@tracecart/http-kit';
import { readGatewayConfig } from './config';
import { createApp } from './app';

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  const config = readGatewayConfig(process.env);
  await serve(createApp({ logger, config }), { port: config.PORT, host: config.HOST, logger });
}

main().catch((error: Error) => {
  console.error(`gateway: ${error.message}`);
  process.exit(1);
});
