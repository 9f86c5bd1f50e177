import { Gauge, Histogram } from 'prom-client';
import { POOL_METRICS } from '@tracecart/contracts';
import { DURATION_BUCKETS, type AppMetrics } from './metrics';

const { POOL_LABEL, CONNECTION_WAIT_TIME, CONNECTION_USE_TIME, CONNECTION_COUNT, CONNECTION_PENDING_REQUESTS, CONNECTION_MAX } = POOL_METRICS;

/** The counts a pg Pool exposes. */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

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

/**
 * Per-pool metrics, labelled pool="<name>", after OpenTelemetry's db.client.connection.*: how long
 * checkouts waited and held a connection (histograms: their _count and _sum give λ and W of
 * Little's Law), and, read at scrape time, connections by state, requests waiting and the size.
 * Each is declared in full (name, labels, buckets) so the infra checks can read it from source.
 */
export function registerMeasuredPoolMetrics(metrics: AppMetrics, pools: readonly MeasuredPoolLike[]): void {
  const registers = [metrics.registry];
  // The HTTP durations' buckets: a checkout's wait and use are parts of a request's duration.
  const waitTime = new Histogram({
    name: CONNECTION_WAIT_TIME,
    help: 'Seconds a connect() waited for a pooled connection (or until it gave up), by pool.',
    labelNames: [POOL_LABEL],
    buckets: DURATION_BUCKETS,
    registers,
  });
  const useTime = new Histogram({
    name: CONNECTION_USE_TIME,
    help: 'Seconds a pooled connection was held, from checkout to release, by pool.',
    labelNames: [POOL_LABEL],
    buckets: DURATION_BUCKETS,
    registers,
  });
  for (const pool of pools) {
    const labels = { [POOL_LABEL]: pool.name };
    pool.onCheckout({ waited: (s) => waitTime.observe(labels, s), used: (s) => useTime.observe(labels, s) });
  }
  new Gauge({
    name: CONNECTION_COUNT,
    help: 'Open pooled connections by state (used, idle), by pool.',
    labelNames: ['state', POOL_LABEL],
    registers,
    collect() {
      for (const pool of pools) {
        this.set({ state: 'used', [POOL_LABEL]: pool.name }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle', [POOL_LABEL]: pool.name }, pool.idleCount);
      }
    },
  });
  new Gauge({
    name: CONNECTION_PENDING_REQUESTS,
    help: 'connect() calls waiting for a pooled connection, by pool.',
    labelNames: [POOL_LABEL],
    registers,
    collect() {
      for (const pool of pools) this.set({ [POOL_LABEL]: pool.name }, pool.waitingCount);
    },
  });
  new Gauge({
    name: CONNECTION_MAX,
    help: 'The most connections the pool may open, by pool.',
    labelNames: [POOL_LABEL],
    registers,
    collect() {
      // pg opens up to 10 when no max is given.
      for (const pool of pools) this.set({ [POOL_LABEL]: pool.name }, pool.options.max ?? 10);
    },
  });
}
