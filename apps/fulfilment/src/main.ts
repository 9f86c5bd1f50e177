import type { Pool } from 'pg';
import { createLogger, type Logger } from '@tracecart/tracing';
import { createPool } from '@tracecart/db';
import type { OrderPlacedMessage } from '@tracecart/contracts';
import { serve } from '@tracecart/http-kit';
import { InventoryClient } from '@tracecart/inventory-client';
import { startServiceFlags, type ServiceFlags } from '@tracecart/flags';
import { startQueue, type OrderQueue } from '@tracecart/queue';
import { readFulfilmentConfig, type FulfilmentConfig } from './config';
import { createApp } from './app';
import { CarrierClient } from './carrier-client';
import { FulfilmentRepo } from './fulfilment-repo';
import { fulfilOrder, type FulfilmentDeps } from './fulfil-order';
import { FulfilmentWorker } from './fulfilment-worker';
import { ConsumerSwitchboard } from './consumer-switchboard';
import { consumerModeOf } from './consumer-mode';
import { LINE_LOOKUPS } from './line-lookup';
import { stampSwitchAttributes } from './switch-attributes';

// The queue's pool serves every worker slot's poll plus the supervisor; a floor of 10 leaves room
// for the switches' changes (pg opens connections only as they are needed).
const QUEUE_POOL_FLOOR = 10;
const QUEUE_SPARE_CONNECTIONS = 3;
// Deliveries in flight get this long to finish on SIGTERM; those still running are failed and retried.
const QUEUE_STOP_TIMEOUT_MS = 10_000;

// Sized for the highest concurrency a switch can set: a restart holds the old worker's last
// deliveries and the new worker's polls for a moment, but the old worker fetches no more by then.
function startWorkerQueue(config: Readonly<FulfilmentConfig>, logger: Logger) {
  const highest = Math.max(config.FULFILMENT_CONCURRENCY, config.FULFILMENT_FIXED_CONCURRENCY);
  return startQueue({
    connectionString: config.DATABASE_URL,
    applicationName: 'fulfilment-queue',
    role: 'worker',
    logger,
    poolMax: Math.max(QUEUE_POOL_FLOOR, highest + QUEUE_SPARE_CONNECTIONS),
    retry: { limit: config.QUEUE_RETRY_LIMIT },
    expireInSeconds: config.QUEUE_EXPIRE_SECONDS,
    superviseIntervalSeconds: config.QUEUE_SUPERVISE_SECONDS,
  });
}

// The consumer as the switches want it: the lookup read per delivery, the concurrency applied
// by the switchboard whenever the switches change.
function startConsumer(config: Readonly<FulfilmentConfig>, pool: Pool, flags: ServiceFlags, queue: OrderQueue, logger: Logger) {
  const sizes = { healthy: config.FULFILMENT_CONCURRENCY, fixed: config.FULFILMENT_FIXED_CONCURRENCY };
  const modeNow = () => consumerModeOf(flags.values(), sizes);
  const deps: FulfilmentDeps = {
    inventory: new InventoryClient(config.INVENTORY_URL),
    carrier: new CarrierClient(config.CARRIER_URL),
    repo: new FulfilmentRepo(pool),
    lookupLines: (inventory, items, timeoutMs) => LINE_LOOKUPS[modeNow().lookup](inventory, items, timeoutMs),
    timeoutMs: config.DOWNSTREAM_TIMEOUT_MS,
  };
  const fulfil = (message: OrderPlacedMessage) => {
    // The delivery's consumer span is the active span here.
    stampSwitchAttributes(flags.values());
    return fulfilOrder(deps, message);
  };
  const worker = new FulfilmentWorker({ queue, fulfil, onFulfilled: (message) => recordLag(message) });
  const switchboard = new ConsumerSwitchboard({ worker, concurrency: () => modeNow().concurrency, onError: (err) => logger.warn({ err }, 'applying the consumer switches') });
  const { app, recordLag } = createApp({ pool, logger, queue, worker });
  return { app, worker, switchboard };
}

async function main(): Promise<void> {
  const logger = createLogger('fulfilment');
  const config = readFulfilmentConfig(process.env);
  const pool = createPool(config.DATABASE_URL, { applicationName: 'fulfilment', max: config.PG_POOL_MAX });
  const flags = await startServiceFlags(pool, config.DATABASE_URL, logger);
  const queue = await startWorkerQueue(config, logger);
  const { app, worker, switchboard } = startConsumer(config, pool, flags, queue, logger);
  await switchboard.start();
  flags.watcher.onChange(() => void switchboard.apply());
  const onShutdown = async () => {
    // No restart after this; deliveries in flight finish before the pools they write through close.
    await switchboard.stop();
    await worker.stop();
    await queue.stop({ timeoutMs: QUEUE_STOP_TIMEOUT_MS });
    await flags.close();
  };
  await serve(app, { port: config.PORT, host: config.HOST, logger, onShutdown });
}

main().catch((error: Error) => {
  console.error(`fulfilment: ${error.message}`);
  process.exit(1);
});
