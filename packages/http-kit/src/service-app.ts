import express, { type Express } from 'express';
import type { Logger } from '@tracecart/tracing';
import { createAppMetrics, metricsRoute, recordRequestMetrics, type AppMetrics } from './metrics';
import { registerPoolMetrics, type PoolCounts } from './pool-metrics';
import { isMeasuredPool, registerMeasuredPoolMetrics } from './measured-pool-metrics';
import { errorMiddleware, notFoundHandler } from './error-middleware';

/** An Express app with what every tracecart service has first: request metrics and /metrics. */
export interface ServiceApp {
  app: Express;
  metrics: AppMetrics;
}

/** The pools whose metrics a service exposes. */
export interface ServicePools {
  /** The service's own pool: its gauges are db_client_connections (no pool label, as dashboards read them). */
  pool?: PoolCounts;
  /** Further pools, e.g. inventory's report pool: only in the per-pool metrics, labelled by name. */
  extraPools?: readonly PoolCounts[];
}

/** Starts a service's app: request duration histogram, /metrics, and the pools' metrics when given. */
export function createServiceApp(service: string, options: ServicePools = {}): ServiceApp {
  const metrics = createAppMetrics(service);
  if (options.pool) registerPoolMetrics(metrics, options.pool);
  // Pools that time their checkouts (createPool's) also get the per-pool timings and counts.
  const measured = [options.pool, ...(options.extraPools ?? [])].filter((p) => p !== undefined).filter(isMeasuredPool);
  if (measured.length > 0) registerMeasuredPoolMetrics(metrics, measured);
  const app = express();
  app.disable('x-powered-by');
  app.use(recordRequestMetrics(metrics));
  app.use(metricsRoute(metrics));
  return { app, metrics };
}

/** Ends a service's app the same way everywhere: 404 not_found, then the JSON error contract. */
export function finishServiceApp(app: Express, logger: Logger): Express {
  app.use(notFoundHandler());
  app.use(errorMiddleware(logger));
  return app;
}
