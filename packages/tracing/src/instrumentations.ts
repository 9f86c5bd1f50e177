import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { installClientTracing } from './http-client-tracing';
import { installServerTracing } from './http-server-tracing';

/** The SDK-managed instrumentations: pg and ioredis spans, only inside a trace. */
export function createInstrumentations() {
  return [
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ];
}

/** tracecart's own HTTP server and client spans (see http-server-tracing.ts for why). */
export function installHttpTracing(): void {
  installServerTracing();
  installClientTracing();
}
