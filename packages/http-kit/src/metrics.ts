import type { RequestHandler, Request, Router } from 'express';
import { Router as createRouter } from 'express';
import client, { Registry, Histogram, type LabelValues, type OpenMetricsContentType } from 'prom-client';
import { currentTraceId } from '@tracecart/tracing';

/** The OpenTelemetry semantic-convention buckets for http.server.request.duration, in seconds. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** One app's metrics: its own registry (OpenMetrics, so exemplars are exposed). */
export interface AppMetrics {
  registry: Registry<OpenMetricsContentType>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** A counter registered on this app's registry. */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): AppCounter<L>;
}

/**
 * A counter with exemplars. prom-client swaps such a counter's inc for one that takes
 * `{ labels, value, exemplarLabels }` while its type still offers `inc(labels, value)`, which
 * then counts calls in one unlabelled series; this narrow type leaves only the call that works.
 */
export interface AppCounter<L extends string> {
  /** Adds value (1 when omitted) to the series of these labels; the current trace is its exemplar. */
  inc(labels: LabelValues<L>, value?: number): void;
}

/** Creates the registry and the http_server_request_duration_seconds histogram of one app. */
export function createAppMetrics(service: string): AppMetrics {
  const registry = new Registry<OpenMetricsContentType>();
  registry.setContentType(client.openMetricsContentType);
  registry.setDefaultLabels({ service });
  const httpDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP server requests, by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
    enableExemplars: true,
  });
  return {
    registry,
    // Exemplar-enabled too: observe only with { labels, value, exemplarLabels }, as recordRequestMetrics does.
    httpDuration,
    counter: (name, help, labelNames) =>
      exemplarCounter(new client.Counter({ name, help, labelNames, registers: [registry], enableExemplars: true })),
  };
}

function exemplarCounter<L extends string>(counter: client.Counter<L>): AppCounter<L> {
  return {
    inc(labels, value = 1) {
      const traceId = currentTraceId();
      // Without a trace there is nothing to link to; and prom-client would show a 0 exemplar as 1.
      const exemplar = traceId && value > 0 ? { exemplarLabels: traceExemplar<L>(traceId) } : {};
      counter.inc({ labels, value, ...exemplar });
    },
  };
}

// The route template keeps the label set small: /products/:sku, never /products/SKU-0000042.
function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}

// prom-client types exemplar labels with the metric's own label names, though exemplars carry
// other keys (trace_id); this one cast bridges that typing gap.
function traceExemplar<L extends string>(traceId: string | undefined): LabelValues<L> {
  return (traceId ? { trace_id: traceId } : {}) as LabelValues<L>;
}

/** Records every request's duration; the exemplar links the sample to its trace. */
export function recordRequestMetrics(metrics: AppMetrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const traceId = currentTraceId();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const labels = { method: req.method, route: routeOf(req), status: String(res.statusCode) };
      metrics.httpDuration.observe({ labels, value: seconds, exemplarLabels: traceExemplar(traceId) });
    });
    next();
  };
}

/** GET /metrics in OpenMetrics text. */
export function metricsRoute(metrics: AppMetrics): Router {
  const router = createRouter();
  router.get('/metrics', async (_req, res) => {
    res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
