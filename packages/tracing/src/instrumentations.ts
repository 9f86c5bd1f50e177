import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { installClientTracing } from './http-client-tracing';
import { installServerTracing } from './http-server-tracing';
import { PgQueryInstrumentation } from './pg-tracing';

/** The SDK-managed instrumentations: pg and ioredis spans, only inside a trace. */
export function createInstrumentations() {
  return [new PgQueryInstrumentation(), new IORedisInstrumentation({ requireParentSpan: true })];
}

/** tracecart's own HTTP server and client spans (see http-server-tracing.ts for why). */
export function installHttpTracing(): void {
  installServerTracing();
  installClientTracing();
}
