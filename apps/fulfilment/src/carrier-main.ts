import { createLogger } from '@tracecart/tracing';
import { serve } from '@tracecart/http-kit';
import { readCarrierConfig } from './carrier-config';
import { createCarrierApp } from './carrier-app';

// A process of its own, so its latency is a network call in fulfilment's traces, like a real carrier's.
async function main(): Promise<void> {
  const logger = createLogger('carrier');
  const config = readCarrierConfig(process.env);
  await serve(createCarrierApp({ logger, latencyMs: config.CARRIER_LATENCY_MS }), { port: config.CARRIER_PORT, host: config.HOST, logger });
}

main().catch((error: Error) => {
  console.error(`carrier: ${error.message}`);
  process.exit(1);
});
