import express, { type Express } from 'express';
import type { Logger } from '@tracecart/tracing';
import { createAppMetrics, metricsRoute, recordRequestMetrics, type AppMetrics } from './metrics';
import { isMeasuredPool, registerMeasuredPoolMetrics, type PoolCounts } from './measured-pool-metrics';
import { errorMiddleware, notFoundHandler } from './error-middleware';

/** An Express app with what every tracecart service has first: request metrics and /metrics. */
export interface ServiceApp {
  app: Express;
  metrics: AppMetrics;
}

/** The pools whose metrics a service exposes. */
export interface ServicePools {
  /** The service's own pool. */
  pool?: PoolCounts;
  /** Further pools, e.g. inventory's report pool. */
  extraPools?: readonly PoolCounts[];
}

/** Starts a service's app: request duration histogram, /metrics, and the pools' metrics when given. */
export function createServiceApp(service: string, options: ServicePools = {}): ServiceApp {
  const metrics = createAppMetrics(service);
  // Pools that time their checkouts (every pool createPool opens) get the per-pool
  // db_client_connection_* metrics, labelled with the pool's name.
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
