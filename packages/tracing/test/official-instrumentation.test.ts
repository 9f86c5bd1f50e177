import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '@tracecart/testkit';

const REGISTER = path.join(__dirname, '..', 'dist', 'register.js');
const SERVER = path.join(__dirname, 'fixtures', 'express-pg-server.js');
const SERVER_KIND = 2;
const CLIENT_KIND = 3;

/** Starts the fixture app under the preload, makes the requests, stops it, returns its spans. */
async function traceRequests(receiver: OtlpReceiver, paths: string[]): Promise<ReceivedSpan[]> {
  const child = spawn(process.execPath, ['--require', REGISTER, SERVER], {
    env: { ...process.env, OTEL_SERVICE_NAME: 'official-test', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '600000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  for (const p of paths) expect((await fetch(`http://127.0.0.1:${port}${p}`)).status).toBe(200);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return receiver.spans();
}

describe('the official instrumentation set', () => {
  let receiver: OtlpReceiver;
  let spans: ReceivedSpan[];
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    spans = await traceRequests(receiver, ['/healthz', '/products/pg_class']);
  }, 30_000);
  afterAll(() => receiver.close());

  const server = (route: string) => spans.find((s) => s.span.kind === SERVER_KIND && s.attributes['http.route'] === route);

  it('names server spans after the Express route, with the stable HTTP attributes', () => {
    const product = server('/products/:sku');
    expect(product?.span.name).toBe('GET /products/:sku');
    expect(product?.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.response.status_code': 200, 'url.path': '/products/pg_class' });
  });

  it('leaves probes untraced and makes no per-layer Express spans', () => {
    expect(spans.filter((s) => s.attributes['url.path'] === '/healthz')).toEqual([]);
    expect(spans.filter((s) => s.attributes['express.type'] !== undefined)).toEqual([]);
  });

  it('names a query span {operation} {collection}, child of the server span', () => {
    const query = spans.find((s) => s.attributes['db.system.name'] === 'postgresql' && s.attributes['db.query.text'] !== undefined)!;
    expect(query.span.name).toBe('SELECT pg_class');
    expect(query.span.kind).toBe(CLIENT_KIND);
    expect(query.attributes).toMatchObject({
      'db.query.text': 'SELECT relname FROM pg_class WHERE relname = $1',
      'db.operation.name': 'SELECT',
      'db.collection.name': 'pg_class',
      'db.namespace': 'postgres',
    });
    expect(query.span.parentSpanId).toBe(server('/products/:sku')?.span.spanId);
  });

  it('traces fetch and carries the context to the called route, in one trace', () => {
    const call = spans.find((s) => s.span.kind === CLIENT_KIND && String(s.attributes['url.full']).includes('/echo/'))!;
    const echo = server('/echo/:word')!;
    expect(call.span.parentSpanId).toBe(server('/products/:sku')?.span.spanId);
    expect(echo.span.parentSpanId).toBe(call.span.spanId);
    expect(new Set(spans.map((s) => s.span.traceId)).size).toBe(1);
  });
});
