import express, { type Express } from 'express';
import { errorMiddleware, healthRoutes, notFoundHandler } from '@tracecart/http-kit';
import { createLogger, type Logger } from '@tracecart/tracing';
import { baselineRoutes } from './baselines/baseline-routes';
import type { BaselineStore } from './baselines/baseline-store';
import { DEFAULT_CONFIG } from './config';
import { otlpRoutes } from './otlp/receive-traces';
import { allowAnyOrigin } from './query/cors';
import { jaegerErrorHandler } from './query/jaeger-error';
import { queryRoutes } from './query/query-routes';
import type { TraceStore } from './store/trace-store';

/** What the two apps need besides the store. */
export interface AppOptions {
  /** Largest accepted OTLP body after decompression (default 16 MiB). */
  maxPayloadBytes?: number;
  logger?: Logger;
  /** Served as /api/lab/baselines on the query port when given. */
  baselines?: BaselineStore;
}

function createBaseApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  // Responses can be megabytes of trace JSON; hashing them for an ETag is wasted work.
  app.set('etag', false);
  app.set('query parser', 'simple');
  return app;
}

/** The OTLP/HTTP receiver (POST /v1/traces, /healthz, /readyz); does not listen. */
export function createOtlpApp(store: TraceStore, options: AppOptions = {}): Express {
  const logger = options.logger ?? createLogger('tracestore');
  const app = createBaseApp();
  app.use(healthRoutes({}));
  // Its refusals answer in OTLP's google.rpc.Status; the rest in the tracecart contract.
  app.use(otlpRoutes(store, options.maxPayloadBytes ?? DEFAULT_CONFIG.maxPayloadBytes, logger));
  app.use(notFoundHandler());
  app.use(errorMiddleware(logger));
  return app;
}

/** The Jaeger /api/v3 query API with CORS (plus /healthz, /readyz, and the lab's baselines); does not listen. */
export function createQueryApp(store: TraceStore, options: AppOptions = {}): Express {
  const logger = options.logger ?? createLogger('tracestore');
  const app = createBaseApp();
  app.use(allowAnyOrigin());
  app.use(healthRoutes({}));
  app.use(queryRoutes(store));
  // Errors of the /api/v3 routes above answer in Jaeger's shape; the rest in the tracecart contract.
  app.use(jaegerErrorHandler(logger));
  // The lab's routes come after it, so their errors answer in the tracecart contract.
  if (options.baselines) app.use(baselineRoutes(options.baselines));
  app.use(notFoundHandler());
  app.use(errorMiddleware(logger));
  return app;
}
