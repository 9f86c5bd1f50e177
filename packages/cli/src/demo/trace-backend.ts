import type { ServiceSpec } from './child-service';
import { DEMO_PORTS, requireBuiltApp } from './components';
import { DEMO_HOST } from './ports';

/**
 * The embedded Jaeger stand-in as the demo runs it: a process like the apps, on the DESIGN
 * ports, but without the tracing preload (a trace backend must not trace itself).
 */
export function traceBackendSpec(): ServiceSpec {
  return {
    name: 'tracestore',
    packageDir: requireBuiltApp('tracestore'),
    traced: false,
    env: {
      TRACESTORE_HOST: DEMO_HOST,
      OTLP_HTTP_PORT: String(DEMO_PORTS.otlp),
      OTLP_GRPC_PORT: String(DEMO_PORTS.otlpGrpc),
      QUERY_HTTP_PORT: String(DEMO_PORTS.query),
      // The demo prints its own line for it; only its problems are worth a log line.
      LOG_LEVEL: 'warn',
    },
  };
}

/** The demo's line for a started tracestore, from the ports it reported. */
export function describeTraceBackend(ports: Readonly<Record<string, number>>): string {
  const grpc = ports.grpc === undefined ? '' : `, OTLP/gRPC :${ports.grpc}`;
  return `listening: OTLP :${ports.otlp}${grpc}, query API :${ports.query}`;
}
