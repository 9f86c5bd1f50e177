import { Gauge } from 'prom-client';
import type { AppMetrics } from './metrics';

/** The counts a pg Pool exposes. */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Gauges of a connection pool, read at scrape time: total, idle, and requests waiting for one. */
export function registerPoolMetrics(metrics: AppMetrics, pool: PoolCounts): void {
  new Gauge({
    name: 'db_client_connections',
    help: 'Postgres pool connections by state (used, idle) and requests waiting for a connection.',
    labelNames: ['state'] as const,
    registers: [metrics.registry],
    collect() {
      this.set({ state: 'used' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
}
