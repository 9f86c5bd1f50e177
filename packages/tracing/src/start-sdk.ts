import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingConfig } from './config';
import { createInstrumentations } from './instrumentations';
import { storeSdkHandle } from './sdk-handle';

/** Starts the NodeSDK: OTLP/HTTP JSON export in batches, W3C propagation, the chosen instrumentations. */
export function startSdk(config: TracingConfig): void {
  // NodeSDK would otherwise add OTLP metric and log exporters by default: metrics are served by
  // prom-client on /metrics, and the extra providers cost CPU on every request.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  // The stable HTTP and database attribute names (http.request.method, db.query.text), which the
  // trace analysis and the console read; set before the instrumentations read it.
  process.env.OTEL_SEMCONV_STABILITY_OPT_IN ??= 'http,database';
  const exporter = new OTLPTraceExporter({ url: config.tracesUrl });
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
    autoDetectResources: false,
    spanProcessors: [
      new BatchSpanProcessor(exporter, {
        scheduledDelayMillis: config.scheduledDelayMillis,
        maxQueueSize: config.maxQueueSize,
        maxExportBatchSize: config.maxExportBatchSize,
      }),
    ],
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    instrumentations: createInstrumentations(config),
  });
  sdk.start();
  storeSdkHandle(sdk);
}
