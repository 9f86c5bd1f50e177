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
    // Middleware and router layers (json parser, health router, ...) add spans but no insight:
    // only request handlers get spans, and http.route still lands on the server span.
    new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER] }),
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ];
}
