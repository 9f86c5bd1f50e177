import type { OtlpSpan, TracesData } from '@tracecart/otlp';
import { startLoadedTracestore, BASE_NS, type CheckoutDataset } from './support/checkout-dataset';
import { searchParams, type RunningTracestore } from './support/running-tracestore';

let tracestore: RunningTracestore;
let data: CheckoutDataset;

beforeAll(async () => ({ tracestore, data } = await startLoadedTracestore()));
afterAll(() => tracestore.close());

async function expectJaegerError(response: Response, status: number, message: string | RegExp): Promise<void> {
  expect(response.status).toBe(status);
  // Jaeger writes these with Go's http.Error: text/plain, JSON inside, trailing newline.
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  const text = await response.text();
  expect(text.endsWith('}\n')).toBe(true);
  const body = JSON.parse(text) as { error: { httpCode: number; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.httpCode).toBe(status);
  expect(body.error.message).toMatch(message);
}

describe('services and operations', () => {
  it('lists the services, sorted', async () => {
    await expect((await tracestore.get('/api/v3/services')).json()).resolves.toEqual({ services: ['gateway', 'inventory', 'order'] });
  });

  it('lists the operations of a service, with Jaeger span-kind names', async () => {
    const body = (await (await tracestore.get('/api/v3/operations?service=inventory')).json()) as { operations: unknown[] };
    expect(body.operations).toEqual([
      { name: 'POST /internal/lookup', spanKind: 'server' },
      { name: 'POST /internal/reservations', spanKind: 'server' },
      { name: 'pg.query:SELECT tracecart', spanKind: 'client' },
      { name: 'pg.query:UPDATE tracecart', spanKind: 'client' },
    ]);
  });

  it('filters operations by spanKind (or the span_kind alias)', async () => {
    const servers = await (await tracestore.get('/api/v3/operations?service=order&spanKind=server')).json();
    expect(servers).toEqual({ operations: [{ name: 'POST /orders', spanKind: 'server' }] });
    await expect((await tracestore.get('/api/v3/operations?service=order&span_kind=server')).json()).resolves.toEqual(servers);
  });

  it('answers an unknown service with empty lists, as Jaeger does', async () => {
    await expect((await tracestore.get('/api/v3/operations?service=nope')).json()).resolves.toEqual({ operations: [] });
  });
});

describe('trace by id', () => {
  it('returns exactly that trace, every span under its own service', async () => {
    const response = await tracestore.get(`/api/v3/traces/${data.indexed.traceId}?startTime=2026-01-01T00:00:00Z&endTime=2026-01-02T00:00:00.5Z&rawTraces=false`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const { result } = (await response.json()) as { result: TracesData };
    const spansByService = new Map<string, OtlpSpan[]>();
    for (const rs of result.resourceSpans ?? []) {
      const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value?.stringValue ?? '?';
      spansByService.set(service, [...(spansByService.get(service) ?? []), ...(rs.scopeSpans ?? []).flatMap((ss) => ss.spans ?? [])]);
    }
    expect([...spansByService.keys()].sort()).toEqual(['gateway', 'inventory', 'order']);
    const spans = [...spansByService.values()].flat();
    expect(spans).toHaveLength(58);
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([data.indexed.traceId]));
    expect(spansByService.get('gateway')?.map((s) => s.name).sort()).toEqual(['POST', 'POST /api/checkout']);
  });

  it('serves spans the way Jaeger marshals OTLP JSON', async () => {
    const { result } = (await (await tracestore.get(`/api/v3/traces/${data.slow.traceId}`)).json()) as { result: TracesData };
    const pgSpan = result.resourceSpans?.flatMap((rs) => rs.scopeSpans ?? []).flatMap((ss) => ss.spans ?? []).find((s) => s.name.startsWith('pg.query:SELECT'));
    // int64 as strings, empty lists and zero counts left out, status always present.
    expect(pgSpan?.attributes?.find((a) => a.key === 'server.port')?.value).toEqual({ intValue: '5432' });
    expect(pgSpan).toMatchObject({ kind: 3, flags: 257, status: {} });
    expect(typeof pgSpan?.startTimeUnixNano).toBe('string');
    expect(pgSpan).not.toHaveProperty('events');
    expect(pgSpan).not.toHaveProperty('droppedAttributesCount');
  });

  it('accepts upper-case and short hex ids the way Jaeger parses them', async () => {
    expect((await tracestore.get(`/api/v3/traces/${data.slow.traceId.toUpperCase()}`)).status).toBe(200);
    await expectJaegerError(await tracestore.get('/api/v3/traces/1'), 404, /^No traces found$/);
  });

  it('refuses a malformed id or time hint with 400', async () => {
    await expectJaegerError(await tracestore.get('/api/v3/traces/xyz'), 400, /^malformed parameter trace_id: /);
    await expectJaegerError(await tracestore.get(`/api/v3/traces/${data.slow.traceId}?startTime=yesterday`), 400, /^malformed parameter startTime: /);
    await expectJaegerError(await tracestore.get(`/api/v3/traces/${data.slow.traceId}?raw_traces=maybe`), 400, /^malformed parameter raw_traces: /);
  });
});

describe('trace summaries', () => {
  it('summarizes matching traces newest first, leaving out zero values like proto3 JSON', async () => {
    const body = (await (await tracestore.get(`/api/v3/trace-summaries?${searchParams({ 'query.serviceName': 'gateway' }, BASE_NS)}`)).json()) as {
      summaries: Array<Record<string, unknown>>;
    };
    expect(body.summaries.map((s) => s.traceId)).toEqual([data.latest, data.failed, data.indexed, data.slow].map((t) => t.traceId));
    const failed = body.summaries[1];
    expect(failed).toEqual({
      traceId: data.failed.traceId,
      rootServiceName: 'gateway',
      rootOperationName: 'POST /api/checkout',
      minStartTimeUnixNano: String(BASE_NS + 2n * 60_000_000_000n),
      maxEndTimeUnixNano: expect.stringMatching(/^\d+$/),
      spanCount: data.failed.entries.length,
      // A failed 2-item checkout: every HTTP span errs, the pg lookups themselves succeed.
      errorSpanCount: 7,
      services: [
        { name: 'gateway', spanCount: 2, errorSpanCount: 2 },
        { name: 'inventory', spanCount: 4, errorSpanCount: 2 },
        { name: 'order', spanCount: 3, errorSpanCount: 3 },
      ],
    });
    expect(body.summaries[0]).not.toHaveProperty('errorSpanCount');
  });

  it('answers no match with an empty list (not 404)', async () => {
    const response = await tracestore.get(`/api/v3/trace-summaries?${searchParams({ 'query.serviceName': 'nope' }, BASE_NS)}`);
    await expect(response.json()).resolves.toEqual({ summaries: [] });
  });
});

describe('errors in Jaeger shape', () => {
  it('answers a search without matches with 404 "No traces found"', async () => {
    const response = await tracestore.get(`/api/v3/traces?${searchParams({ 'query.serviceName': 'nope' }, BASE_NS)}`);
    expect(await response.clone().text()).toBe('{"error":{"httpCode":404,"message":"No traces found"}}\n');
    await expectJaegerError(response, 404, 'No traces found');
  });

  it('refuses a search without service, time range or well-formed values with 400', async () => {
    const get = (params: Record<string, string>) => tracestore.get(`/api/v3/traces?${searchParams(params, BASE_NS)}`);
    await expectJaegerError(await get({}), 400, /^query\.serviceName is required$/);
    await expectJaegerError(await tracestore.get('/api/v3/traces?query.serviceName=gateway'), 400, /^query\.startTimeMin and query\.startTimeMax are required$/);
    await expectJaegerError(await get({ 'query.serviceName': 'gateway', 'query.durationMin': '150' }), 400, /^malformed parameter query\.durationMin: time: invalid duration "150"$/);
    await expectJaegerError(await get({ 'query.serviceName': 'gateway', 'query.searchDepth': 'ten' }), 400, /^malformed parameter query\.searchDepth: /);
    await expectJaegerError(await get({ 'query.serviceName': 'gateway', 'query.attributes': '{"a":1}' }), 400, /^malformed parameter query\.attributes: /);
    await expectJaegerError(await get({ 'query.serviceName': 'gateway', 'query.startTimeMin': '2026-01-01 00:00' }), 400, /^malformed parameter query\.startTimeMin: /);
    const backwards = new URLSearchParams({ 'query.serviceName': 'gateway', 'query.startTimeMin': '2026-01-02T00:00:00Z', 'query.startTimeMax': '2026-01-01T00:00:00Z' });
    await expectJaegerError(await tracestore.get(`/api/v3/traces?${backwards}`), 400, /^query\.startTimeMin must be before query\.startTimeMax$/);
  });

  it('answers unknown routes in the tracecart error contract', async () => {
    const response = await tracestore.get('/api/traces');
    expect(response.status).toBe(404);
    await expect(response.json()).resolves.toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('CORS and health', () => {
  it('lets another origin read the API and answers preflights', async () => {
    const read = await tracestore.get('/api/v3/services', { headers: { origin: 'http://localhost:8088' } });
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await tracestore.get('/api/v3/traces', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8088', 'access-control-request-method': 'GET', 'access-control-request-headers': 'accept' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('accept');
  });

  it('answers /healthz and /readyz on both ports', async () => {
    for (const base of [tracestore.otlpUrl, tracestore.queryUrl]) {
      await expect((await fetch(`${base}/healthz`)).json()).resolves.toEqual({ status: 'ok' });
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
    }
  });
});
