import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '@tracecart/testkit';
import { startTracedFixture } from './helpers/run-fixture';
const SERVER_KIND = 2;
const CLIENT_KIND = 3;
const TABLES = ['pg_class', 'pg_type', 'pg_proc'];

let bodies: unknown[] = [];

/** Starts the fixture app under the preload, makes the requests at once, stops it, returns its spans. */
async function traceRequests(receiver: OtlpReceiver, paths: string[]): Promise<ReceivedSpan[]> {
  const { port, stop } = await startTracedFixture(receiver);
  const answers = await Promise.all(paths.map((p) => fetch(`http://127.0.0.1:${port}${p}`)));
  expect(answers.map((a) => a.status)).toEqual(paths.map(() => 200));
  bodies = await Promise.all(answers.map((a) => a.json()));
  await stop();
  return receiver.spans();
}

describe('the official instrumentation set', () => {
  let receiver: OtlpReceiver;
  let spans: ReceivedSpan[];
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    spans = await traceRequests(receiver, ['/healthz', ...TABLES.map((t) => `/products/${t}`), '/detached/alone']);
  }, 30_000);
  afterAll(() => receiver.close());

  const productServer = (table: string) => spans.find((s) => s.span.kind === SERVER_KIND && s.attributes['url.path'] === `/products/${table}`)!;
  const inTrace = (server: ReceivedSpan) => spans.filter((s) => s.span.traceId === server.span.traceId);

  it('names server spans after the Express route, with the stable HTTP attributes', () => {
    const product = productServer('pg_class');
    expect(product.span.name).toBe('GET /products/:sku');
    expect(product.attributes).toMatchObject({ 'http.route': '/products/:sku', 'http.request.method': 'GET', 'http.response.status_code': 200 });
  });

  it('leaves probes untraced and makes no per-layer Express spans', () => {
    expect(spans.filter((s) => s.attributes['url.path'] === '/healthz')).toEqual([]);
    expect(spans.filter((s) => s.attributes['express.type'] !== undefined)).toEqual([]);
  });

  it('names a query span {operation} {collection}, child of the server span', () => {
    const server = productServer('pg_class');
    const query = inTrace(server).find((s) => s.attributes['db.query.text'] !== undefined)!;
    expect(query.span.name).toBe('SELECT pg_class');
    expect(query.span.kind).toBe(CLIENT_KIND);
    expect(query.attributes).toMatchObject({
      'db.system.name': 'postgresql',
      'db.query.text': 'SELECT relname FROM pg_class WHERE relname = $1',
      'db.operation.name': 'SELECT',
      'db.collection.name': 'pg_class',
      'db.namespace': 'postgres',
    });
    expect(query.span.parentSpanId).toBe(server.span.spanId);
  });

  it('keeps each query in its own trace while requests wait for the one pooled connection', () => {
    for (const table of TABLES) {
      const server = productServer(table);
      const queries = spans.filter((s) => s.span.parentSpanId === server.span.spanId && s.attributes['db.query.text'] !== undefined);
      expect(queries).toHaveLength(1);
      expect(queries[0].span.traceId).toBe(server.span.traceId);
    }
    expect(spans.filter((s) => s.span.name === 'pg-pool.connect')).toHaveLength(TABLES.length);
  });

  it('traces fetch and carries the context to the called route, one trace per request', () => {
    for (const table of TABLES) {
      const server = productServer(table);
      const trace = inTrace(server);
      const call = trace.find((s) => s.span.kind === CLIENT_KIND && String(s.attributes['url.full']).endsWith(`/echo/${table}`))!;
      const echo = trace.find((s) => s.span.kind === SERVER_KIND && s.attributes['http.route'] === '/echo/:word')!;
      expect(call.span.parentSpanId).toBe(server.span.spanId);
      expect(echo.span.parentSpanId).toBe(call.span.spanId);
    }
  });

  it('sends no trace context from runOutsideTrace: the called route starts a trace of its own', () => {
    expect(bodies.at(-1)).toEqual({ word: 'alone', traceparent: null });
    const detached = spans.find((s) => s.span.kind === SERVER_KIND && s.attributes['url.path'] === '/detached/alone')!;
    const called = spans.find((s) => s.span.kind === SERVER_KIND && s.attributes['url.path'] === '/echo/alone')!;
    expect(called.span.parentSpanId ?? '').toBe('');
    expect(called.span.traceId).not.toBe(detached.span.traceId);
    expect(inTrace(detached).filter((s) => s.span.kind === CLIENT_KIND)).toEqual([]);
    // One trace per product request, one for /detached and one that /echo/alone started alone.
    expect(new Set(spans.map((s) => s.span.traceId)).size).toBe(TABLES.length + 2);
  });
});
