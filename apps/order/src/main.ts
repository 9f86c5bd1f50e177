import { createLogger } from '@tracecart/tracing';
import { createPool } from '@tracecart/db';
import { serve } from '@tracecart/http-kit';
import { startServiceFlags } from '@tracecart/flags';
import { readOrderConfig } from './config';
import { createApp } from './app';
import { OrphanSweeper } from './orphan-sweeper';
import { InventoryClient } from '@tracecart/inventory-client';
import { startQueue } from '@tracecart/queue';

// How often abandoned reservations are looked for; they are rare (a crash mid-checkout).
const SWEEP_PERIOD_MS = 30_000;

async function main(): Promise<void> {
  const logger = createLogger('order');
  const config = readOrderConfig(process.env);
  const pool = createPool(config.DATABASE_URL, { applicationName: 'order', max: config.PG_POOL_MAX });
  const flags = await startServiceFlags(pool, config.DATABASE_URL, logger);
  // Before listening: every checkout sends its order.placed message on the queue.
  // startQueue retries a Postgres that is still starting; a queue that cannot start stops the process.
  const queue = await startQueue({ connectionString: config.DATABASE_URL, applicationName: 'order-queue', role: 'producer', logger });
  const app = createApp({
    pool,
    logger,
    inventoryUrl: config.INVENTORY_URL,
    checkoutTimeoutMs: config.CHECKOUT_TIMEOUT_MS,
    inventoryAttemptTimeoutMs: config.INVENTORY_ATTEMPT_TIMEOUT_MS,
    flags: flags.values,
    testFaults: { exitAfterCommitFor: config.TEST_FAULT_EXIT_AFTER_COMMIT },
    outbox: queue,
  });
  const sweeper = new OrphanSweeper(pool, new InventoryClient(config.INVENTORY_URL), logger, 2 * config.CHECKOUT_TIMEOUT_MS);
  sweeper.start(SWEEP_PERIOD_MS);
  const onShutdown = async () => {
    sweeper.stop();
    await queue.stop();
    await flags.close();
  };
  await serve(app, { port: config.PORT, host: config.HOST, logger, onShutdown });
}

main().catch((error: Error) => {
  console.error(`order: ${error.message}`);
  process.exit(1);
});
