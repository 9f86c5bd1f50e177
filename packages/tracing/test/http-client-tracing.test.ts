import http from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { installTracingHarness, isServerSpan, listen, request, type TracingHarness } from './fixtures/tracing-harness';

describe('client spans', () => {
  let harness: TracingHarness;
  let downstream: Awaited<ReturnType<typeof listen>>;
  const seenHeaders: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    harness = installTracingHarness();
    downstream = await listen((req, res) => {
      seenHeaders.push(req.headers);
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end('{}');
    });
  });
  afterAll(async () => {
    await downstream.close();
    harness.close();
  });
  beforeEach(() => {
    harness.reset();
    seenHeaders.length = 0;
  });

  const isClientSpan = (span: { kind: SpanKind }): boolean => span.kind === SpanKind.CLIENT;

  it('is a child of the active span and sends its own context downstream', async () => {
    const parent = trace.getTracer('test').startSpan('caller');
    await context.with(trace.setSpan(context.active(), parent), () => request(`${downstream.url}/stock?sku=1`));
    parent.end();
    const spans = await harness.spans(1, isClientSpan);
    const client = spans.find(isClientSpan)!;
    expect(client.name).toBe('GET');
    expect(client.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(client.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.full': `http://127.0.0.1:${downstream.port}/stock?sku=1`,
      'server.address': '127.0.0.1',
      'server.port': downstream.port,
      'http.response.status_code': 200,
    });
    const { traceId, spanId } = client.spanContext();
    expect(seenHeaders[0].traceparent).toBe(`00-${traceId}-${spanId}-01`);
    // The downstream server span continues the same trace under the client span.
    const server = (await harness.spans(1, isServerSpan)).find(isServerSpan)!;
    expect(server.parentSpanContext?.spanId).toBe(spanId);
  });

  it('passes the active baggage on', async () => {
    const baggage = propagation.createBaggage({ synthetic_request: { value: 'true' } });
    await context.with(propagation.setBaggage(context.active(), baggage), () => request(`${downstream.url}/`));
    expect(seenHeaders[0].baggage).toBe('synthetic_request=true');
  });

  it('traces http.get as well', async () => {
    await new Promise<void>((resolve) => http.get(`${downstream.url}/get`, (res) => res.resume().on('end', resolve)));
    const client = (await harness.spans(1, isClientSpan)).find(isClientSpan)!;
    expect(client.attributes['url.full']).toBe(`http://127.0.0.1:${downstream.port}/get`);
    expect(seenHeaders[0].traceparent).toContain(client.spanContext().spanId);
  });

  it('marks a 4xx answer as a failed call', async () => {
    expect((await request(`${downstream.url}/missing`)).status).toBe(404);
    const client = (await harness.spans(1, isClientSpan)).find(isClientSpan)!;
    expect(client.status.code).toBe(SpanStatusCode.ERROR);
    expect(client.attributes['error.type']).toBe('404');
  });

  it('records a refused connection', async () => {
    const closed = await listen(() => undefined);
    await closed.close();
    await expect(request(`${closed.url}/`)).rejects.toThrow(/ECONNREFUSED/);
    const client = (await harness.spans(1, isClientSpan)).find(isClientSpan)!;
    expect(client.status.code).toBe(SpanStatusCode.ERROR);
    expect(client.attributes['error.type']).toBe('ECONNREFUSED');
    expect(client.events.map((e) => e.name)).toContain('exception');
  });

  it('watches for errors without becoming the request error handler', async () => {
    const req = http.request(`${downstream.url}/`);
    expect(req.listenerCount('error')).toBe(0);
    req.on('error', () => undefined);
    const closed = new Promise((resolve) => req.on('close', resolve));
    req.destroy();
    await closed;
  });

  it('leaves requests made with tracing suppressed alone (the exporter sends that way)', async () => {
    await context.with(suppressTracing(context.active()), () => request(`${downstream.url}/v1/traces`));
    await harness.spans(1, isServerSpan);
    expect(harness.exporter.getFinishedSpans().filter(isClientSpan)).toHaveLength(0);
    expect(seenHeaders[0].traceparent).toBeUndefined();
  });
});
