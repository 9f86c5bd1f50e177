/** Starts the order.placed queue of a process (producer or worker). */
export { startQueue } from './start-queue';
/** The defaults of retries, expiry and supervision. */
export { DEFAULT_RETRY, DEFAULT_EXPIRE_IN_SECONDS, DEFAULT_SUPERVISE_INTERVAL_SECONDS } from './queue-settings';
/** The W3C trace context a message carries: injected by the producer, extracted for the consumer's link. */
export { injectMessageTrace, extractMessageTrace } from './message-trace';
export type {
  OrderQueue,
  QueueOptions,
  QueueRole,
  RetrySettings,
  WorkOptions,
  Delivery,
  OrderPlacedHandler,
  QueueDepth,
  DeadLetter,
} from './types';
