import type { IncomingMessage } from 'node:http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';

// Probes and scrapes would drown the checkout traces; they are never traced.
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function isUntracedRequest(request: IncomingMessage): boolean {
  const path = (request.url ?? '').split('?')[0];
  return UNTRACED_PATHS.has(path);
}

/** The four instrumentations tracecart uses: http, express, pg and ioredis, nothing else. */
export function createInstrumentations() {
  return [
    new HttpInstrumentation({ ignoreIncomingRequestHook: isUntracedRequest }),
    // Express layers get no spans of their own: a handler span would only repeat the server
    // span around it and cost every request. The instrumentation still sets http.route on the
    // server span, which is all it is here for.
    new ExpressInstrumentation({
      ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER, ExpressLayerType.REQUEST_HANDLER],
    }),
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ];
}
