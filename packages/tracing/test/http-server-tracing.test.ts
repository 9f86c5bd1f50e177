import net from 'node:net';
import express from 'express';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { installTracingHarness, isServerSpan, listen, request, spanNamed, type TracingHarness } from './fixtures/tracing-harness';

describe('server spans', () => {
  let harness: TracingHarness;
  let app: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    harness = installTracingHarness();
    const routes = express();
    routes.use(express.json());
    routes.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
    routes.get('/items/:id', async (req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      // A span started after an await still belongs to the request's trace.
      trace.getTracer('test').startSpan('work').end();
      res.json({ id: req.params.id });
    });
    routes.post('/items', (req, res) => {
      trace.getTracer('test').startSpan('after-body').end();
      res.status(201).json(req.body);
    });
    routes.get('/broken', () => {
      throw new Error('boom');
    });
    routes.get('/slow', () => undefined); // never answers: the client gives up
    app = await listen(routes);
  });
  afterAll(async () => {
    await app.close();
    harness.close();
  });
  beforeEach(() => harness.reset());

  it('names the span by the Express route and keeps handler spans inside it', async () => {
    const res = await request(`${app.url}/items/42?full=1`, { agent: false });
    expect(res.status).toBe(200);
    const spans = await harness.spans(2, (s) => s.name !== 'GET');
    const server = spanNamed(spans, 'GET /items/:id');
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(server.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/items/:id',
      'url.path': '/items/42',
      'url.scheme': 'http',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
      'server.port': app.port,
      'client.address': '127.0.0.1',
    });
    expect(server.status.code).toBe(SpanStatusCode.UNSET);
    expect(spanNamed(spans, 'work').parentSpanContext?.spanId).toBe(server.spanContext().spanId);
  });

  it('keeps the context through a body that arrives after the headers', async () => {
    const body = JSON.stringify({ sku: 'SKU-1' });
    const answer = await rawExchange(app.port, [
      `POST /items HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      body.slice(0, 5),
      body.slice(5),
    ]);
    expect(answer).toMatch(/^HTTP\/1.1 201/);
    const spans = await harness.spans(2);
    const server = spanNamed(spans, 'POST /items');
    expect(spanNamed(spans, 'after-body').parentSpanContext?.spanId).toBe(server.spanContext().spanId);
  });

  it('continues the caller trace from traceparent', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    // Over a raw socket: a request made with node:http would carry its own client span's context.
    await rawExchange(app.port, [`GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\ntraceparent: 00-${traceId}-b7ad6b7169203331-01\r\nConnection: close\r\n\r\n`]);
    const server = spanNamed(await harness.spans(2), 'GET /items/:id');
    expect(server.spanContext().traceId).toBe(traceId);
    expect(server.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
  });

  it('marks a 5xx as an error and leaves a 4xx as the client mistake it is', async () => {
    expect((await request(`${app.url}/broken`, { agent: false })).status).toBe(500);
    expect((await request(`${app.url}/nowhere`, { agent: false })).status).toBe(404);
    const spans = await harness.spans(2, isServerSpan);
    const broken = spanNamed(spans, 'GET /broken');
    expect(broken.status.code).toBe(SpanStatusCode.ERROR);
    expect(broken.attributes['error.type']).toBe('500');
    // No route matched: the name is the method alone, with no http.route.
    const unrouted = spans.find((s) => s.kind === SpanKind.SERVER && s.attributes['url.path'] === '/nowhere')!;
    expect(unrouted.name).toBe('GET');
    expect(unrouted.attributes['http.route']).toBeUndefined();
    expect(unrouted.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('ends the span as failed when the client goes away before the answer', async () => {
    await rawExchange(app.port, ['GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'], 50);
    const isSlow = (s: ReadableSpan): boolean => s.attributes['url.path'] === '/slow';
    const span = (await harness.spans(1, isSlow)).find(isSlow)!;
    expect(span.name).toBe('GET');
    expect(span.attributes['error.type']).toBe('connection_closed');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('never traces probes and scrapes', async () => {
    await request(`${app.url}/healthz`, { agent: false });
    await request(`${app.url}/items/7`, { agent: false });
    const spans = await harness.spans(1, isServerSpan);
    expect(spans.map((s) => s.attributes['url.path'])).not.toContain('/healthz');
  });
});

/** Writes the parts with a pause between them, then returns what the server answered. */
function rawExchange(port: number, parts: string[], closeAfterMs?: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.once('connect', async () => {
      for (const part of parts) {
        socket.write(part);
        await new Promise((r) => setTimeout(r, 20));
      }
      if (closeAfterMs !== undefined) setTimeout(() => socket.destroy(), closeAfterMs);
    });
  });
}
