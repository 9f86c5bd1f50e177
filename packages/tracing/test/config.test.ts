import { readTracingConfig } from '../src/config';

describe('tracing config', () => {
  it('defaults to the local collector and a one-second batch', () => {
    expect(readTracingConfig({})).toMatchObject({
      serviceName: 'unknown_service',
      tracesUrl: 'http://localhost:4318/v1/traces',
      disabled: false,
      scheduledDelayMillis: 1000,
      explainMs: 50,
    });
    expect(readTracingConfig({ TRACING_EXPLAIN_MS: '0' })).toMatchObject({ explainMs: 0, waitsMs: 0 });
    expect(readTracingConfig({ TRACING_WAITS_MS: '20' })).toMatchObject({ explainMs: 50, waitsMs: 20 });
  });

  it('appends the OTLP path to the generic endpoint and takes a traces endpoint as is', () => {
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318/' }).tracesUrl).toBe('http://jaeger:4318/v1/traces');
    expect(readTracingConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://x:1/t' }).tracesUrl).toBe('http://x:1/t');
    expect(readTracingConfig({ OTEL_SDK_DISABLED: 'true' }).disabled).toBe(true);
  });

  it('names the variable when a value is unusable', () => {
    expect(() => readTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(() => readTracingConfig({ OTEL_BSP_SCHEDULE_DELAY: '-1' })).toThrow(/OTEL_BSP_SCHEDULE_DELAY/);
    expect(() => readTracingConfig({ OTEL_BSP_MAX_QUEUE_SIZE: 'lots' })).toThrow(/OTEL_BSP_MAX_QUEUE_SIZE/);
    expect(() => readTracingConfig({ TRACING_EXPLAIN_MS: '-5' })).toThrow(/TRACING_EXPLAIN_MS/);
  });
});
