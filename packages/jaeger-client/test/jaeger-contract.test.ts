import { createJaegerClient, JaegerQueryError, splitTracesById, type JaegerClient } from '../src';
import { readJaegerFixtureText as readJaegerFixture } from '@tracecart/testkit';
import { readLocalFixture, startFixtureServer, type FixtureServer } from './fixture-server';

// The client's parsing held to Jaeger 2.20's own response snapshots, served over real HTTP.
const TRACE_ID = '00000000000000000000000000000001';
const JAEGER_ERROR = { contentType: 'text/plain; charset=utf-8' };

let server: FixtureServer;
let client: JaegerClient;

beforeAll(async () => {
  server = await startFixtureServer();
  client = createJaegerClient(`${server.baseUrl}/`, { timeoutMs: 2000 });
});
afterAll(() => server.close());

function lastQuery(): URLSearchParams {
  return new URL(server.requests[server.requests.length - 1], 'http://x').searchParams;
}

describe('parsing Jaeger 2.20 success bodies', () => {
  it('reads GetServices', async () => {
    server.answer('/api/v3/services', { status: 200, body: readJaegerFixture('GetServices') });
    await expect(client.getServices()).resolves.toEqual(['foo']);
  });

  it('reads GetOperations and sends service and spanKind', async () => {
    server.answer('/api/v3/operations', { status: 200, body: readJaegerFixture('GetOperations') });
    await expect(client.getOperations('foo', 'server')).resolves.toEqual([{ name: 'get_users', spanKind: 'server' }]);
    expect(Object.fromEntries(lastQuery())).toEqual({ service: 'foo', spanKind: 'server' });
  });

  it('reads GetTrace as OTLP TracesData', async () => {
    server.answer(`/api/v3/traces/${TRACE_ID}`, { status: 200, body: readJaegerFixture('GetTrace') });
    const trace = await client.getTrace(TRACE_ID);
    const span = trace?.resourceSpans?.[0].scopeSpans?.[0].spans?.[0];
    expect(span).toMatchObject({ traceId: TRACE_ID, spanId: '0000000000000002', name: 'foobar', kind: 2, status: { code: 2 } });
  });

  it('reads FindTraces, which splits into one TracesData per trace', async () => {
    server.answer('/api/v3/traces', { status: 200, body: readJaegerFixture('FindTraces') });
    const data = await client.findTraces({ serviceName: 'foo' });
    const byTrace = splitTracesById(data);
    expect([...byTrace.keys()]).toEqual([TRACE_ID]);
    expect(byTrace.get(TRACE_ID)?.resourceSpans?.[0].scopeSpans?.[0].spans?.[0].name).toBe('foobar');
  });

  it('reads FindTraceSummaries and fills in the zero values proto3 JSON leaves out', async () => {
    server.answer('/api/v3/trace-summaries', { status: 200, body: readJaegerFixture('FindTraceSummaries') });
    const [summary] = await client.findTraceSummaries({ serviceName: 'frontend' });
    expect(summary).toEqual({
      traceId: TRACE_ID,
      rootServiceName: 'frontend',
      rootOperationName: 'HTTP GET /',
      minStartTimeUnixNano: '1000000000000',
      maxEndTimeUnixNano: '1001000000000',
      spanCount: 2,
      errorSpanCount: 1,
      orphanSpanCount: 0,
      services: [{ name: 'frontend', spanCount: 2, errorSpanCount: 1 }],
    });
  });
});

describe('Jaeger error bodies', () => {
  it('turns 404 "No traces found" into undefined for a trace and empty for a search', async () => {
    const notFound = { status: 404, body: readLocalFixture('not-found-body.txt'), ...JAEGER_ERROR };
    server.answer('/api/v3/traces/abc', notFound);
    server.answer('/api/v3/traces', notFound);
    await expect(client.getTrace('abc')).resolves.toBeUndefined();
    await expect(client.findTraces({ serviceName: 'foo' })).resolves.toEqual({ resourceSpans: [] });
  });

  it("throws a JaegerQueryError carrying the status and Jaeger's message on 400", async () => {
    server.answer('/api/v3/traces', { status: 400, body: readLocalFixture('bad-request-body.txt'), ...JAEGER_ERROR });
    const error = await client.findTraces({ serviceName: 'foo' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JaegerQueryError);
    expect(error).toMatchObject({ status: 400, jaegerMessage: 'query.startTimeMin and query.startTimeMax are required' });
  });

  it('treats a plain-text 404 (no such route, wrong base URL) as an error, not as "not found"', async () => {
    const error = await client.getTrace('0123').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'JaegerQueryError', status: 404, jaegerMessage: '404 page not found' });
  });

  it('rejects a 2xx body of the wrong shape, naming the field', async () => {
    server.answer('/api/v3/services', { status: 200, body: '{"services":"foo"}' });
    await expect(client.getServices()).rejects.toMatchObject({ status: 200, jaegerMessage: expect.stringContaining('services') });
  });

  it('reports status 0 when Jaeger does not answer within the timeout', async () => {
    server.answer('/api/v3/services', 'hang');
    const impatient = createJaegerClient(server.baseUrl, { timeoutMs: 150 });
    await expect(impatient.getServices()).rejects.toMatchObject({ status: 0, jaegerMessage: 'no answer within 150 ms' });
  });

  it('reports status 0 when nothing listens', async () => {
    const closed = await startFixtureServer();
    await closed.close();
    const error = await createJaegerClient(closed.baseUrl).getServices().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, jaegerMessage: 'cannot connect (ECONNREFUSED)' });
  });
});
