import { PgBoss } from 'pg-boss';
import { MESSAGING } from '@tracecart/contracts';
import { DEAD_LETTER_RETENTION_SECONDS, DEFAULT_SUPERVISE_INTERVAL_SECONDS, START_ATTEMPTS, orderPlacedQueueSettings } from './queue-settings';
import { sendOrderPlaced } from './send-order-placed';
import { workOrderPlaced } from './work-order-placed';
import { readQueueDepth } from './queue-depth';
import { listDeadLetters } from './dead-letters';
import type { OrderQueue, QueueOptions } from './types';

const PRODUCER_POOL_MAX = 2;
const DEFAULT_STOP_TIMEOUT_MS = 10_000;

function createBoss(options: QueueOptions): PgBoss {
  const worker = options.role === 'worker';
  const superviseSeconds = options.superviseIntervalSeconds ?? DEFAULT_SUPERVISE_INTERVAL_SECONDS;
  return new PgBoss({
    connectionString: options.connectionString,
    application_name: options.applicationName,
    schema: MESSAGING.QUEUE_SCHEMA,
    max: options.poolMax ?? PRODUCER_POOL_MAX,
    // Only a worker reclaims expired deliveries: a producer has none of its own, and one
    // supervisor per role keeps the maintenance queries out of the checkout's service. Expiry
    // runs in the monitor pass, so both intervals move together.
    supervise: worker,
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
    schedule: false,
    registerInstance: false,
    // The producer and consumer spans are our own (messaging semantic conventions, a link, not a parent).
    openTelemetry: { enabled: false },
  });
}

// The dead-letter queue first: pg-boss refuses a deadLetter that does not exist yet.
async function createQueues(boss: PgBoss, options: QueueOptions): Promise<void> {
  await boss.createQueue(MESSAGING.ORDER_PLACED_DEAD_LETTER_QUEUE, { retentionSeconds: DEAD_LETTER_RETENTION_SECONDS });
  const settings = orderPlacedQueueSettings(options);
  await boss.createQueue(MESSAGING.ORDER_PLACED_QUEUE, { ...settings, deadLetter: MESSAGING.ORDER_PLACED_DEAD_LETTER_QUEUE });
  // createQueue leaves an existing queue as it was; the consumer owns how deliveries are retried
  // and expire, so a worker applies its settings. Messages take them when they are sent.
  if (options.role === 'worker') await boss.updateQueue(MESSAGING.ORDER_PLACED_QUEUE, settings);
}

/**
 * Starts the order.placed queue of one process: a pg-boss instance on a small pool of its own
 * (its tables in the schema MESSAGING.QUEUE_SCHEMA, created on first start), the queue and its
 * dead-letter queue.
 */
export async function startQueue(options: QueueOptions): Promise<OrderQueue> {
  const boss = createBoss(options);
  // Without a listener an 'error' event (a failed poll, a lost connection) would crash the process.
  boss.on('error', (err) => options.logger.error({ err }, 'queue error'));
  await boss.start({ attempts: START_ATTEMPTS });
  try {
    await createQueues(boss, options);
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return {
    sendOrderPlaced: (tx, message) => sendOrderPlaced(boss, tx, message),
    workOrderPlaced: (workOptions, handler) => {
      if (options.role !== 'worker') throw new Error('only a worker-role queue consumes');
      return workOrderPlaced(boss, workOptions, handler);
    },
    stopWork: (workerId) => boss.offWork(MESSAGING.ORDER_PLACED_QUEUE, { id: workerId, wait: true }),
    queueDepth: () => readQueueDepth(boss),
    deadLetters: (limit) => listDeadLetters(boss, limit),
    stop: (stopOptions) => boss.stop({ graceful: true, timeout: stopOptions?.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS }),
  };
}
