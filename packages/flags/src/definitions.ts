import { z } from 'zod';
import { fixAttributeOf, problemAttributeOf } from '@tracecart/contracts';

const rate = z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1');

/** Each switch and the value it accepts. */
export const flagSchemas = {
  'fix.index': z.boolean(),
  'fix.cache': z.boolean(),
  'fix.batch': z.boolean(),
  // A blocked event loop: the gateway signs each checkout's receipt synchronously; fix.offload
  // moves that work to libuv's thread pool.
  'problem.sync-cpu': z.boolean(),
  'fix.offload': z.boolean(),
  // Pool starvation: a slow stock report shares inventory's pool with checkouts; fix.pool gives
  // the report a small pool of its own (a bulkhead).
  'problem.pool': z.boolean(),
  'fix.pool': z.boolean(),
  // Lock contention: the reservation holds its row locks across further work before COMMIT;
  // fix.lock takes the locks last, right before COMMIT.
  'problem.hot-row': z.boolean(),
  'fix.lock': z.boolean(),
  // A retry storm: order retries inventory at once on a short per-attempt timeout, unbounded;
  // fix.retries brings backoff with jitter, a retry budget and deadline awareness.
  'problem.retries': z.boolean(),
  'fix.retries': z.boolean(),
  // Consumer lag: the fulfilment worker takes one order.placed message at a time down a slow
  // per-message path, so the queue grows while every checkout stays fast; fix.consumers raises
  // its concurrency and batches its per-line lookups.
  'problem.slow-consumer': z.boolean(),
  'fix.consumers': z.boolean(),
  'chaos.latency': z.strictObject({ ms: z.number().int().min(0).max(60_000), rate }),
  'chaos.errors': z.strictObject({ rate }),
} as const;

/** A switch's name. */
export type FlagName = keyof typeof flagSchemas;

/** The value of every switch. */
export type FlagValues = { [K in FlagName]: z.infer<(typeof flagSchemas)[K]> };

/** Every switch's name, in display order. */
export const FLAG_NAMES = Object.keys(flagSchemas) as FlagName[];

/** Everything off: the state of a fresh lab. */
export const DEFAULT_FLAGS: Readonly<FlagValues> = Object.freeze({
  'fix.index': false,
  'fix.cache': false,
  'fix.batch': false,
  'problem.sync-cpu': false,
  'fix.offload': false,
  'problem.pool': false,
  'fix.pool': false,
  'problem.hot-row': false,
  'fix.lock': false,
  'problem.retries': false,
  'fix.retries': false,
  'problem.slow-consumer': false,
  'fix.consumers': false,
  'chaos.latency': { ms: 0, rate: 0 },
  'chaos.errors': { rate: 0 },
});

/** True when name is a known switch. */
export function isFlagName(name: string): name is FlagName {
  return Object.prototype.hasOwnProperty.call(flagSchemas, name);
}

export type FixName = Extract<FlagName, `fix.${string}`>;

const FIX_NAMES = FLAG_NAMES.filter((name): name is FixName => name.startsWith('fix.'));

/** The span attributes that record the fix switches (lab.fix.*), for searching traces before/after. */
export function fixAttributes(flags: FlagValues): Record<string, boolean> {
  return Object.fromEntries(FIX_NAMES.map((name) => [fixAttributeOf(name), flags[name]]));
}

export type ProblemName = Extract<FlagName, `problem.${string}`>;

/** The problem switches: each turns a real latency problem on. */
export const PROBLEM_NAMES = FLAG_NAMES.filter((name): name is ProblemName => name.startsWith('problem.'));

/**
 * The objective each problem breaks: the checkout's own latency, or the freshness of what happens
 * behind the queue (a slow consumer leaves every checkout fast). `satisfies` makes a new problem
 * that does not say which a compile error.
 */
export const PROBLEM_OBJECTIVES = {
  'problem.sync-cpu': 'latency',
  'problem.pool': 'latency',
  'problem.hot-row': 'latency',
  'problem.retries': 'latency',
  'problem.slow-consumer': 'freshness',
} as const satisfies Record<ProblemName, 'latency' | 'freshness'>;

/**
 * The problems whose harm shows in the checkout's own latency, which is what a challenge's check
 * and `bench:problems` measure: a latency check could never tell a freshness problem's fix from a
 * wrong one (`bench:fulfilment` measures that one).
 */
export const REQUEST_PATH_PROBLEMS = PROBLEM_NAMES.filter((name) => PROBLEM_OBJECTIVES[name] === 'latency');

/**
 * The span attributes that record the problem switches (lab.problem.*). They say which problem
 * the lab had on, for searching traces; the diagnosis never reads them.
 */
export function problemAttributes(flags: FlagValues): Record<string, boolean> {
  return Object.fromEntries(PROBLEM_NAMES.map((name) => [problemAttributeOf(name), flags[name]]));
}
