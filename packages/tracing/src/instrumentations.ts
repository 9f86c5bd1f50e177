import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import type { TracingConfig } from './config';
import { nameQuerySpan } from './pg-span-hook';
import { PoolWaits } from './pool-wait';
import { QueryPlanInstrumentation } from './query-plan/query-plan-instrumentation';
import { isUntracedPath } from './untraced-paths';
import { recordRedisReturnedRows } from './redis-response-hook';
import { recordEventLoopDelay, trackEventLoopDelay } from './event-loop-delay';

/**
 * The official OpenTelemetry instrumentations, configured once for every service:
 * - http: SERVER and CLIENT spans with W3C propagation; probes and scrapes untraced; each
 *   carries the event-loop stalls it waited through (`nodejs.eventloop.delay.max`, `.total`).
 * - express: only the route. Its per-layer spans (middleware, router, handler) would repeat
 *   the server span once per layer, so every layer type is ignored; `http.route` and the
 *   server span's name (`GET /api/products/:sku`) still come from it.
 * - pg: a span per query inside a trace, renamed `SELECT products` by its request hook; the
 *   `pg-pool.connect` spans show the time a query waited for a pooled connection, and the
 *   query span carries that time as `db.client.connection.wait_time` (ms).
 * - ioredis and undici (fetch): spans only inside a trace; cache reads carry
 *   `db.response.returned_rows`, so a miss shows.
 * - query plans and waits: a statement slower than TRACING_EXPLAIN_MS gets its EXPLAIN plan,
 *   one running longer than TRACING_WAITS_MS its sampled wait events, fed by the pg
 *   instrumentation's hooks (off, and pg left alone, when both thresholds are 0).
 */
export function createInstrumentations(config: Pick<TracingConfig, 'explainMs' | 'waitsMs'>): Instrumentation[] {
  // Left out rather than disabled: registering enables every instrumentation it is given.
  const plans =
    config.explainMs > 0 || config.waitsMs > 0
      ? new QueryPlanInstrumentation({ thresholdMs: config.explainMs, waitsThresholdMs: config.waitsMs })
      : undefined;
  const poolWaits = new PoolWaits();
  return [
    // Every HTTP span records the event-loop stalls it waited through (nodejs.eventloop.delay.*).
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => isUntracedPath(request.url),
      requestHook: trackEventLoopDelay,
      applyCustomAttributesOnSpan: recordEventLoopDelay,
    }),
    new ExpressInstrumentation({
      ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER, ExpressLayerType.REQUEST_HANDLER],
    }),
    new PgInstrumentation({
      requireParentSpan: true,
      connectionHook: (span) => poolWaits.onConnect(span),
      requestHook: (span, info) => {
        nameQuerySpan(span, info);
        poolWaits.onQueryStart(span);
        plans?.onQueryStart(span, info);
      },
      responseHook: (span) => plans?.onQueryEnd(span),
    }),
    ...(plans ? [plans] : []),
    new IORedisInstrumentation({ requireParentSpan: true, responseHook: recordRedisReturnedRows }),
    new UndiciInstrumentation({ requireParentforSpans: true }),
  ];
}

