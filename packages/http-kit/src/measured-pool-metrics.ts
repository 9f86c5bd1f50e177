import { Gauge, Histogram } from 'prom-client';
import { POOL_METRICS } from '@tracecart/contracts';
import { DURATION_BUCKETS, type AppMetrics } from './metrics';
import type { PoolCounts } from './pool-metrics';

const { POOL_LABEL, CONNECTION_WAIT_TIME, CONNECTION_USE_TIME, CONNECTION_COUNT, CONNECTION_PENDING_REQUESTS, CONNECTION_MAX } = POOL_METRICS;

/**
 * A pool that is named, knows its size and times its checkouts: @tracecart/db's MeasuredPool,
 * described by shape so the kit does not depend on the database package.
 */
export interface MeasuredPoolLike extends PoolCounts {
  readonly name: string;
  readonly options: { max?: number };
  onCheckout(listener: { waited(seconds: number): void; used(seconds: number): void }): void;
}

/** True for a pool that times its checkouts (every pool createPool opens does). */
export function isMeasuredPool(pool: PoolCounts): pool is MeasuredPoolLike {
  const candidate = pool as Partial<MeasuredPoolLike>;
  return typeof candidate.onCheckout === 'function' && typeof candidate.name === 'string';
}

function timeHistogram(metrics: AppMetrics, name: string, help: string): Histogram<string> {
  // The HTTP durations' buckets: a checkout's wait and use are parts of a request's duration.
  return new Histogram({ name, help, labelNames: [POOL_LABEL], buckets: DURATION_BUCKETS, registers: [metrics.registry] });
}

type Series = Array<[labels: Record<string, string>, value: number]>;

// A gauge read at scrape time, one set of series per pool.
function poolGauge(metrics: AppMetrics, pools: readonly MeasuredPoolLike[], name: string, help: string, read: (pool: MeasuredPoolLike) => Series): void {
  new Gauge({
    name,
    help,
    labelNames: ['state', POOL_LABEL],
    registers: [metrics.registry],
    collect() {
      for (const pool of pools) for (const [labels, value] of read(pool)) this.set({ ...labels, [POOL_LABEL]: pool.name }, value);
    },
  });
}

/**
 * Per-pool metrics, labelled pool="<name>", after OpenTelemetry's db.client.connection.*: how long
 * checkouts waited and held a connection (histograms: their _count and _sum give λ and W of
 * Little's Law), and, read at scrape time, connections by state, requests waiting and the size.
 */
export function registerMeasuredPoolMetrics(metrics: AppMetrics, pools: readonly MeasuredPoolLike[]): void {
  const waitTime = timeHistogram(metrics, CONNECTION_WAIT_TIME, 'Seconds a connect() waited for a pooled connection (or until it gave up), by pool.');
  const useTime = timeHistogram(metrics, CONNECTION_USE_TIME, 'Seconds a pooled connection was held, from checkout to release, by pool.');
  for (const pool of pools) {
    pool.onCheckout({ waited: (s) => waitTime.observe({ [POOL_LABEL]: pool.name }, s), used: (s) => useTime.observe({ [POOL_LABEL]: pool.name }, s) });
  }
  const used = (pool: MeasuredPoolLike) => pool.totalCount - pool.idleCount;
  poolGauge(metrics, pools, CONNECTION_COUNT, 'Open pooled connections by state (used, idle), by pool.', (pool) => [
    [{ state: 'used' }, used(pool)],
    [{ state: 'idle' }, pool.idleCount],
  ]);
  poolGauge(metrics, pools, CONNECTION_PENDING_REQUESTS, 'connect() calls waiting for a pooled connection, by pool.', (pool) => [[{}, pool.waitingCount]]);
  // pg opens up to 10 when no max is given.
  poolGauge(metrics, pools, CONNECTION_MAX, 'The most connections the pool may open, by pool.', (pool) => [[{}, pool.options.max ?? 10]]);
}
