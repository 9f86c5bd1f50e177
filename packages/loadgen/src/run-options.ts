import { createDefaultSlo } from './slo';
import { requireLoopbackTarget } from './target';
import type { LoadOptions, ProgressSnapshot, RequestFactory, SloSpec } from './types';

/** Concurrency cap unless told otherwise: high, so only a badly stuck target reaches it. */
export const DEFAULT_MAX_IN_FLIGHT = 10_000;
/** Total-request cap unless told otherwise. */
export const DEFAULT_MAX_REQUESTS = 5_000_000;
/** How long in-flight requests may finish after the schedule ends, unless told otherwise. */
export const DEFAULT_GRACE_MS = 10_000;

/** Warm-up GETs unless told otherwise: enough for V8 to optimise the request path before timing starts. */
export const DEFAULT_WARMUP_REQUESTS = 500;
/** How many warm-up GETs run at once at most (never more than the connections). */
export const WARMUP_CONCURRENCY = 16;
/** How long warm-up may take in all before the schedule starts anyway. */
export const WARMUP_TIMEOUT_MS = 2000;

/** LoadOptions with every default filled in and every value checked. */
export interface ResolvedOptions {
  target: string;
  rate: number;
  durationMs: number;
  factory: RequestFactory;
  slo: SloSpec;
  maxInFlight: number;
  maxRequests: number;
  graceMs: number;
  connections: number;
  warmupRequests: number;
  warmupPath: string;
  onProgress?: (snapshot: ProgressSnapshot) => void;
  progressIntervalMs: number;
  signal?: AbortSignal;
}

/**
 * Keep-alive sockets for a quarter second of arrivals in flight, from 8 to 64. The client opens them
 * only when all are busy. More sockets made things worse, not better: at thousands of requests per
 * second every socket costs its own reads and wake-ups, so a backlog drained several times slower
 * through 128 sockets than through 32. A slower target queues its excess in the client, where it
 * is still timed from the intended send time.
 */
export function sizeConnections(rate: number): number {
  return Math.min(64, Math.max(8, Math.ceil(rate / 4)));
}

/** Fills defaults and validates; throws RangeError naming the bad option. */
export function resolveOptions(options: LoadOptions): ResolvedOptions {
  requirePositive('rate', options.rate);
  requirePositive('durationMs', options.durationMs);
  const resolved: ResolvedOptions = {
    ...options,
    target: requireLoopbackTarget(options.target, options.allowedHosts),
    slo: options.slo ?? createDefaultSlo(),
    maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
    maxRequests: options.maxRequests ?? DEFAULT_MAX_REQUESTS,
    graceMs: options.graceMs ?? DEFAULT_GRACE_MS,
    connections: options.connections ?? sizeConnections(options.rate),
    progressIntervalMs: options.progressIntervalMs ?? 1000,
    warmupPath: options.warmupPath ?? '/healthz',
    warmupRequests: options.warmupRequests ?? DEFAULT_WARMUP_REQUESTS,
  };
  for (const name of ['maxInFlight', 'maxRequests', 'connections'] as const) requireWhole(name, resolved[name]);
  requireWhole('graceMs', resolved.graceMs, 0);
  requireWhole('warmupRequests', resolved.warmupRequests, 0);
  if (!resolved.warmupPath.startsWith('/')) throw new RangeError(`warmupPath must start with /, not ${resolved.warmupPath}`);
  requirePositive('progressIntervalMs', resolved.progressIntervalMs);
  return resolved;
}

function requirePositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a number above 0, not ${value}`);
}

function requireWhole(name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number of at least ${min}, not ${value}`);
}
