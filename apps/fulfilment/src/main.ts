import { createLogger } from '@tracecart/tracing';
import { createPool } from '@tracecart/db';
import { serve } from '@tracecart/http-kit';
import { InventoryClient } from '@tracecart/inventory-client';
import { startQueue } from '@tracecart/queue';
import { readFulfilmentConfig, type FulfilmentConfig } from './config';
import { createApp } from './app';
import { CarrierClient } from './carrier-client';
import { FulfilmentRepo } from './fulfilment-repo';
import { fulfilOrder, type FulfilmentDeps } from './fulfil-order';
import { FulfilmentWorker } from './fulfilment-worker';
import { lookupLinesOneByOne } from './line-lookup';

// The queue's pool serves every worker slot's poll plus the supervisor; a floor of 10 leaves room
// for a concurrency raised at run time (pg opens connections only as they are needed).
const QUEUE_POOL_FLOOR = 10;
const QUEUE_SPARE_CONNECTIONS = 3;
// Deliveries in flight get this long to finish on SIGTERM; those still running are failed and retried.
const QUEUE_STOP_TIMEOUT_MS = 10_000;

function startWorkerQueue(config: Readonly<FulfilmentConfig>, logger: ReturnType<typeof createLogger>) {
  return startQueue({
    connectionString: config.DATABASE_URL,
    applicationName: 'fulfilment-queue',
    role: 'worker',
    logger,
    poolMax: Math.max(QUEUE_POOL_FLOOR, config.FULFILMENT_CONCURRENCY + QUEUE_SPARE_CONNECTIONS),
    retry: { limit: config.QUEUE_RETRY_LIMIT },
    expireInSeconds: config.QUEUE_EXPIRE_SECONDS,
    superviseIntervalSeconds: config.QUEUE_SUPERVISE_SECONDS,
  });
}

async function main(): Promise<void> {
  const logger = createLogger('fulfilment');
  const config = readFulfilmentConfig(process.env);
  const pool = createPool(config.DATABASE_URL, { applicationName: 'fulfilment', max: config.PG_POOL_MAX });
  const queue = await startWorkerQueue(config, logger);
  const deps: FulfilmentDeps = {
    inventory: new InventoryClient(config.INVENTORY_URL),
    carrier: new CarrierClient(config.CARRIER_URL),
    repo: new FulfilmentRepo(pool),
    lookupLines: lookupLinesOneByOne,
    timeoutMs: config.DOWNSTREAM_TIMEOUT_MS,
  };
  const worker = new FulfilmentWorker({ queue, fulfil: (message) => fulfilOrder(deps, message), onFulfilled: (message) => recordLag(message) });
  const { app, recordLag } = createApp({ pool, logger, queue, worker });
  await worker.setConcurrency(config.FULFILMENT_CONCURRENCY);
  const onShutdown = async () => {
    // Deliveries in flight finish before the pools they write through close.
    await worker.stop();
    await queue.stop({ timeoutMs: QUEUE_STOP_TIMEOUT_MS });
    await pool.end();
  };
  await serve(app, { port: config.PORT, host: config.HOST, logger, onShutdown });
}

main().catch((error: Error) => {
  console.error(`fulfilment: ${error.message}`);
  process.exit(1);
});
