import { createDefaultSlo } from './slo';
import { requireLoopbackTarget } from './target';
import type { LoadOptions, ProgressSnapshot, RequestFactory, RunContext, SloSpec } from './types';

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
  context?: RunContext;
}

/** Most keep-alive connections sizeConnections asks for, whatever the rate. */
export const MAX_CONNECTIONS = 512;

/**
 * Keep-alive connections for one second of arrivals, from 8 to MAX_CONNECTIONS. With one request
 * per connection, requests in flight = rate x response time, so the schedule holds while responses
 * take up to a second; a slower target has long broken any SLO the lab sets. Connections open only
 * when every open one is busy, so a fast target uses a handful. The cap keeps a stalled target from
 * being handed thousands of sockets; beyond it requests wait in the client, still timed from their
 * intended send time, and the wait shows as send lag.
 */
export function sizeConnections(rate: number): number {
  return Math.min(MAX_CONNECTIONS, Math.max(8, Math.ceil(rate)));
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
