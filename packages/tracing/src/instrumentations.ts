import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { nameQuerySpan } from './pg-span-hook';
import { isUntracedPath } from './untraced-paths';

/**
 * The official OpenTelemetry instrumentations, configured once for every service:
 * - http: SERVER and CLIENT spans with W3C propagation; probes and scrapes untraced.
 * - express: only the route. Its per-layer spans (middleware, router, handler) would repeat
 *   the server span once per layer, so every layer type is ignored; `http.route` and the
 *   server span's name (`GET /api/products/:sku`) still come from it.
 * - pg: a span per query inside a trace, renamed `SELECT products` by its request hook; the
 *   `pg-pool.connect` spans show the time a query waited for a pooled connection.
 * - ioredis and undici (fetch): spans only inside a trace.
 */
export function createInstrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => isUntracedPath(request.url) }),
    new ExpressInstrumentation({
      ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER, ExpressLayerType.REQUEST_HANDLER],
    }),
    new PgInstrumentation({ requireParentSpan: true, requestHook: nameQuerySpan }),
    new IORedisInstrumentation({ requireParentSpan: true }),
    new UndiciInstrumentation({ requireParentforSpans: true }),
  ];
}

