import type { QueueOptions, RetrySettings } from './types';

/** Three retries with backoff from 1 s to 30 s: a downstream blip heals, a poison message parks in the DLQ within a minute. */
export const DEFAULT_RETRY: RetrySettings = Object.freeze({ limit: 3, delaySeconds: 1, backoff: true, maxDelaySeconds: 30 });
/** A delivery active this long is taken as lost (its worker died) and tried again. */
export const DEFAULT_EXPIRE_IN_SECONDS = 60;
/** How often the worker reclaims expired deliveries; pg-boss's own default (60 s) would add a minute to a crash. */
export const DEFAULT_SUPERVISE_INTERVAL_SECONDS = 10;
/** Dead letters are kept a month, for a person to look at. */
export const DEAD_LETTER_RETENTION_SECONDS = 30 * 24 * 3600;
/** Tries of pg-boss's start (1 s, then doubling), for a Postgres that is still starting. */
export const START_ATTEMPTS = 4;

/** The settings of order.placed itself, as pg-boss's createQueue and updateQueue take them. */
export function orderPlacedQueueSettings(options: Pick<QueueOptions, 'retry' | 'expireInSeconds'>) {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  return {
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff,
    // pg-boss refuses a cap without backoff: a fixed delay needs none.
    ...(retry.backoff ? { retryDelayMax: retry.maxDelaySeconds } : {}),
    expireInSeconds: options.expireInSeconds ?? DEFAULT_EXPIRE_IN_SECONDS,
  };
}
