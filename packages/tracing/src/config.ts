/** Settings of the tracing preload, read from the OTEL_* environment. */
export interface TracingConfig {
  readonly serviceName: string;
  readonly tracesUrl: string;
  readonly disabled: boolean;
  readonly scheduledDelayMillis: number;
  readonly maxQueueSize: number;
  readonly maxExportBatchSize: number;
  /** A statement slower than this gets its query plan (TRACING_EXPLAIN_MS); 0 turns plans off. */
  readonly explainMs: number;
  /** A statement running longer than this gets its waits sampled (TRACING_WAITS_MS, default TRACING_EXPLAIN_MS); 0 turns sampling off. */
  readonly waitsMs: number;
}

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: 0 | 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a ${min === 0 ? 'non-negative' : 'positive'} integer, got "${raw}"`);
  }
  return value;
}

const readPositiveInt = (env: NodeJS.ProcessEnv, name: string, fallback: number) => readInt(env, name, fallback, 1);

/** Parses the tracing settings once; a bad value throws with the variable's name. */
export function readTracingConfig(env: NodeJS.ProcessEnv): TracingConfig {
  const endpoint = (env.OTEL_EXPORTER_OTLP_ENDPOINT || 'http://localhost:4318').replace(/\/+$/, '');
  try {
    new URL(endpoint);
  } catch {
    throw new Error(`OTEL_EXPORTER_OTLP_ENDPOINT must be a URL, got "${endpoint}"`);
  }
  const explainMs = readInt(env, 'TRACING_EXPLAIN_MS', 50, 0);
  return Object.freeze({
    serviceName: env.OTEL_SERVICE_NAME || 'unknown_service',
    // A signal-specific endpoint is used as is; the generic one gets the OTLP path appended.
    tracesUrl: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || `${endpoint}/v1/traces`,
    disabled: env.OTEL_SDK_DISABLED === 'true',
    scheduledDelayMillis: readPositiveInt(env, 'OTEL_BSP_SCHEDULE_DELAY', 1000),
    maxQueueSize: readPositiveInt(env, 'OTEL_BSP_MAX_QUEUE_SIZE', 4096),
    maxExportBatchSize: readPositiveInt(env, 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 512),
    explainMs,
    waitsMs: readInt(env, 'TRACING_WAITS_MS', explainMs, 0),
  });
}
