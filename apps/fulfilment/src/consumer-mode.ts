import type { FlagValues } from '@tracecart/flags';

/** How the order.placed consumer runs: deliveries at once, and how each reads its lines' products. */
export interface ConsumerMode {
  concurrency: number;
  lookup: 'batched' | 'per-line';
}

/** The worker counts the switches choose between, from the configuration. */
export interface ConsumerConcurrency {
  /** Both switches off: the consumer as it should run. */
  healthy: number;
  /** fix.consumers on: sized for a backlog. */
  fixed: number;
}

// The slow consumer the lab teaches: one delivery at a time, one inventory call per line.
const SLOW_CONCURRENCY = 1;

/**
 * The consumer mode the switches ask for. fix.consumers wins over problem.slow-consumer, as every
 * fix does over its problem: the fix is what a person turned on to cure it.
 */
export function consumerModeOf(flags: Pick<FlagValues, 'problem.slow-consumer' | 'fix.consumers'>, sizes: ConsumerConcurrency): ConsumerMode {
  if (flags['fix.consumers']) return { concurrency: sizes.fixed, lookup: 'batched' };
  if (flags['problem.slow-consumer']) return { concurrency: SLOW_CONCURRENCY, lookup: 'per-line' };
  return { concurrency: sizes.healthy, lookup: 'batched' };
}
