import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** Finished spans of a small checkout recorded by the real SDK: server → client → server, with an event, a link and an error. */
export async function recordCheckoutSpans(): Promise<ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'gateway' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('otlp-test', '1.0.0');
  const within = (parent: Span) => trace.setSpan(context.active(), parent);

  const root = tracer.startSpan('POST /api/checkout', {
    kind: SpanKind.SERVER,
    attributes: { [ATTR_HTTP_ROUTE]: '/api/checkout', [ATTR_HTTP_RESPONSE_STATUS_CODE]: 201, 'lab.ratio': 0.25, 'lab.fix.index': true },
  });
  const call = tracer.startSpan('POST', { kind: SpanKind.CLIENT, attributes: { 'lab.skus': ['SKU-0000001', 'SKU-0000002'], 'lab.counts': [1, 2] } }, within(root));
  call.addEvent('retry', { 'lab.attempt': 2 });
  call.setStatus({ code: SpanStatusCode.ERROR, message: 'order answered 503' });
  call.end();
  const background = tracer.startSpan('sweep', { kind: SpanKind.INTERNAL, links: [{ context: root.spanContext(), attributes: { 'lab.reason': 'follows' } }] });
  background.end();
  root.end();
  await provider.forceFlush();
  // Read before shutdown: shutting the in-memory exporter down empties it.
  const finished = exporter.getFinishedSpans();
  await provider.shutdown();
  return finished;
}
