import { z } from 'zod';
import { readConfig } from '@tracecart/http-kit';

/** Settings of the tracestore. */
export interface TracestoreConfig {
  /** Interface both servers bind to; loopback by default, since the API has no auth. */
  readonly host: string;
  /** OTLP/HTTP receiver (JSON and protobuf). */
  readonly otlpPort: number;
  /** OTLP/gRPC receiver (TraceService/Export). */
  readonly grpcPort: number;
  readonly queryPort: number;
  /** Traces kept in memory; the oldest arrival is evicted first (Jaeger's max_traces). */
  readonly maxTraces: number;
  /** Largest OTLP request body accepted, after decompression. */
  readonly maxPayloadBytes: number;
}

/** The defaults: Jaeger's ports, 10,000 traces, 16 MiB bodies. */
export const DEFAULT_CONFIG: TracestoreConfig = Object.freeze({
  host: '127.0.0.1',
  otlpPort: 4318,
  grpcPort: 4317,
  queryPort: 16686,
  maxTraces: 10_000,
  maxPayloadBytes: 16 * 1024 * 1024,
});

// An empty variable means "use the default", not 0 (which would pick a random port).
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

function integer(fallback: number, min: number, max: number) {
  return z.preprocess(unsetIfEmpty, z.coerce.number().int().min(min).max(max).default(fallback));
}

const envSchema = z
  .object({
    TRACESTORE_HOST: z.preprocess(unsetIfEmpty, z.string().default(DEFAULT_CONFIG.host)),
    OTLP_HTTP_PORT: integer(DEFAULT_CONFIG.otlpPort, 0, 65_535),
    OTLP_GRPC_PORT: integer(DEFAULT_CONFIG.grpcPort, 0, 65_535),
    QUERY_HTTP_PORT: integer(DEFAULT_CONFIG.queryPort, 0, 65_535),
    MAX_TRACES: integer(DEFAULT_CONFIG.maxTraces, 1, 10_000_000),
    MAX_PAYLOAD_BYTES: integer(DEFAULT_CONFIG.maxPayloadBytes, 1024, 1024 * 1024 * 1024),
  })
  .transform(
    (env): TracestoreConfig => ({
      host: env.TRACESTORE_HOST,
      otlpPort: env.OTLP_HTTP_PORT,
      grpcPort: env.OTLP_GRPC_PORT,
      queryPort: env.QUERY_HTTP_PORT,
      maxTraces: env.MAX_TRACES,
      maxPayloadBytes: env.MAX_PAYLOAD_BYTES,
    }),
  );

/** Reads TRACESTORE_HOST, OTLP_HTTP_PORT, OTLP_GRPC_PORT, QUERY_HTTP_PORT, MAX_TRACES, MAX_PAYLOAD_BYTES; ConfigError names a bad one. */
export function readTracestoreConfig(env: NodeJS.ProcessEnv): Readonly<TracestoreConfig> {
  return readConfig(envSchema, env);
}
