import express, { type Express } from 'express';
import type { Logger } from '@tracecart/tracing';
import { createAppMetrics, metricsRoute, recordRequestMetrics, type AppMetrics } from './metrics';
import { registerPoolMetrics, type PoolCounts } from './pool-metrics';
import { errorMiddleware, notFoundHandler } from './error-middleware';

/** An Express app with what every tracecart service has first: request metrics and /metrics. */
export interface ServiceApp {
  app: Express;
  metrics: AppMetrics;
}

/** Starts a service's app: request duration histogram, /metrics, and the pool's gauges when given. */
export function createServiceApp(service: string, options: { pool?: PoolCounts } = {}): ServiceApp {
  const metrics = createAppMetrics(service);
  if (options.pool) registerPoolMetrics(metrics, options.pool);
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
