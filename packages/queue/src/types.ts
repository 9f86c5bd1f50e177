import type { PoolClient } from 'pg';
import type { Logger } from '@tracecart/tracing';
import type { OrderPlacedMessage } from '@tracecart/contracts';

/** A producer only sends; a worker also consumes and reclaims the jobs of a worker that died. */
export type QueueRole = 'producer' | 'worker';

/** How a failed message is tried again before it goes to the dead-letter queue. */
export interface RetrySettings {
  /** Retries after the first attempt: a message is tried limit + 1 times in all. */
  limit: number;
  /** Seconds before a retry (the first, when backoff doubles it). */
  delaySeconds: number;
  /** Exponential backoff with jitter, capped at maxDelaySeconds. */
  backoff: boolean;
  maxDelaySeconds: number;
}

/** What startQueue needs; everything but the connection, the role and the logger has a default. */
export interface QueueOptions {
  connectionString: string;
  /** Postgres application_name of the queue's own connections. */
  applicationName: string;
  role: QueueRole;
  logger: Logger;
  /** Connections of the queue's own pool (2 for a producer, concurrency + 3 for a worker by default). */
  poolMax?: number;
  retry?: Partial<RetrySettings>;
  /** How long a delivery may stay active before it counts as failed (a crashed worker's, too). */
  expireInSeconds?: number;
  /** How often a worker looks for expired deliveries (and refreshes queue statistics). */
  superviseIntervalSeconds?: number;
}

/** A delivery of a message, as the handler sees it. */
export interface Delivery {
  /** The job id: `messaging.message.id`. */
  id: string;
  /** Deliveries before this one (0 on the first). */
  retryCount: number;
  createdOn: Date;
  startedOn: Date;
  /** Aborted when the delivery expires or the queue stops while it runs. */
  signal: AbortSignal;
}

/** Handles one order.placed message; a throw fails the delivery (retried, then dead-lettered). */
export type OrderPlacedHandler = (message: OrderPlacedMessage, delivery: Delivery) => Promise<void>;

/** How a worker consumes. */
export interface WorkOptions {
  /** Deliveries handled at once by this process. */
  concurrency: number;
}

/** Live counts of the order.placed queues, read from the job table. */
export interface QueueDepth {
  /** order.placed messages waiting (created or waiting for a retry). */
  queued: number;
  /** order.placed messages being handled now. */
  active: number;
  /** Dead letters not yet dealt with. */
  deadLettered: number;
}

/** A message that failed every attempt. */
export interface DeadLetter {
  /** The dead letter's own job id. */
  id: string;
  /** The job id of the failed order.placed message. */
  sourceId: string | null;
  orderId: string | null;
  /** The last attempt's error message. */
  error: string | null;
  createdOn: Date;
  /** Retries the failed message had. */
  retryCount: number | null;
}

/** The order.placed queue of one process. */
export interface OrderQueue {
  /** Sends order.placed on the caller's open transaction: it commits or rolls back with it. Returns the message id. */
  sendOrderPlaced(tx: PoolClient, message: OrderPlacedMessage): Promise<string>;
  /** Starts consuming (worker role only); returns the worker id for stopWork. */
  workOrderPlaced(options: WorkOptions, handler: OrderPlacedHandler): Promise<string>;
  /** Stops one worker from fetching, and waits for its deliveries in flight. */
  stopWork(workerId: string): Promise<void>;
  queueDepth(): Promise<QueueDepth>;
  /** The oldest dead letters first, at most limit. */
  deadLetters(limit?: number): Promise<DeadLetter[]>;
  /** Stops fetching, waits up to timeoutMs for deliveries in flight, closes the pool. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}
