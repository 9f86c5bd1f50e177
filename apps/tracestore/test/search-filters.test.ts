import { startLoadedTracestore, BASE_NS, MINUTE_NS, type CheckoutDataset } from './support/checkout-dataset';
import { searchParams, type RunningTracestore } from './support/running-tracestore';
import type { TracesData } from '@tracecart/otlp';

// Realistic gateway → order → inventory traces ingested over HTTP, then found by each filter.
let tracestore: RunningTracestore;
let data: CheckoutDataset;

beforeAll(async () => ({ tracestore, data } = await startLoadedTracestore()));
afterAll(() => tracestore.close());

function traceIdsOf(body: { result: TracesData }): string[] {
  const ids = body.result.resourceSpans?.flatMap((rs) => rs.scopeSpans?.flatMap((ss) => ss.spans?.map((s) => s.traceId) ?? []) ?? []) ?? [];
  return [...new Set(ids)];
}

async function search(params: Record<string, string>, windowStartNs = BASE_NS, windowMinutes = 60): Promise<string[]> {
  const response = await tracestore.get(`/api/v3/traces?${searchParams(params, windowStartNs, windowMinutes)}`);
  if (response.status === 404) return [];
  expect(response.status).toBe(200);
  return traceIdsOf((await response.json()) as { result: TracesData });
}

it('finds every trace of a service, newest arrival first', async () => {
  const all = [data.latest, data.failed, data.indexed, data.slow].map((t) => t.traceId);
  await expect(search({ 'query.serviceName': 'gateway' })).resolves.toEqual(all);
  await expect(search({ 'query.serviceName': 'inventory' })).resolves.toEqual(all);
});

it('returns at most searchDepth traces, the newest', async () => {
  await expect(search({ 'query.serviceName': 'gateway', 'query.searchDepth': '2' })).resolves.toEqual([data.latest.traceId, data.failed.traceId]);
});

it('filters by operation name of a span of that service', async () => {
  const found = await search({ 'query.serviceName': 'inventory', 'query.operationName': 'POST /internal/reservations' });
  expect(found.sort()).toEqual([data.slow, data.indexed, data.latest].map((t) => t.traceId).sort());
  await expect(search({ 'query.serviceName': 'gateway', 'query.operationName': 'POST /internal/reservations' })).resolves.toEqual([]);
});

it('filters by span start time', async () => {
  // A one-minute window around the second checkout only.
  const windowStart = BASE_NS + MINUTE_NS - MINUTE_NS / 2n;
  const response = await tracestore.get(
    `/api/v3/traces?${new URLSearchParams({
      'query.serviceName': 'gateway',
      'query.startTimeMin': new Date(Number(windowStart / 1_000_000n)).toISOString(),
      'query.startTimeMax': new Date(Number((windowStart + MINUTE_NS) / 1_000_000n)).toISOString(),
    })}`,
  );
  expect(traceIdsOf((await response.json()) as { result: TracesData })).toEqual([data.indexed.traceId]);
});

it('filters by span duration, parsed as Go durations', async () => {
  const slowLookups = await search({ 'query.serviceName': 'inventory', 'query.operationName': 'pg.query:SELECT tracecart', 'query.durationMin': '10ms' });
  expect(slowLookups.sort()).toEqual([data.slow, data.failed, data.latest].map((t) => t.traceId).sort());
  const fastLookups = await search({ 'query.serviceName': 'inventory', 'query.operationName': 'pg.query:SELECT tracecart', 'query.durationMax': '1ms' });
  expect(fastLookups).toEqual([data.indexed.traceId]);
  await expect(search({ 'query.serviceName': 'inventory', 'query.durationMin': '0.5s' })).resolves.toEqual([]);
});

it('filters by span attributes of the searched service, compared as strings', async () => {
  await expect(search({ 'query.serviceName': 'inventory', 'query.attributes': '{"lab.sku":"SKU-0000010"}' })).resolves.toEqual([data.indexed.traceId]);
  // lab.sku only sits on inventory spans: the same filter on gateway finds nothing.
  await expect(search({ 'query.serviceName': 'gateway', 'query.attributes': '{"lab.sku":"SKU-0000010"}' })).resolves.toEqual([]);
  await expect(search({ 'query.serviceName': 'gateway', 'query.attributes': '{"http.response.status_code":"503"}' })).resolves.toEqual([data.failed.traceId]);
  await expect(search({ 'query.serviceName': 'order', 'query.attributes': '{"lab.fix.index":"true"}' })).resolves.toEqual([data.indexed.traceId]);
});

it('combines attribute filters on one span, including error and resource attributes', async () => {
  await expect(search({ 'query.serviceName': 'inventory', 'query.attributes': '{"error":"true"}' })).resolves.toEqual([data.failed.traceId]);
  const sdkSpans = await search({ 'query.serviceName': 'order', 'query.attributes': '{"telemetry.sdk.language":"nodejs","db.query.text":"COMMIT"}' });
  expect(sdkSpans.sort()).toEqual([data.slow, data.indexed, data.latest].map((t) => t.traceId).sort());
  await expect(search({ 'query.serviceName': 'order', 'query.attributes': '{"resource.service.name":"inventory"}' })).resolves.toEqual([]);
  await expect(search({ 'query.serviceName': 'order', 'query.attributes': '{"span.kind":"server","url.path":"/orders"}' })).resolves.toHaveLength(4);
});

it('requires one span to satisfy every filter at once', async () => {
  // The slow SELECT spans and the COMMIT spans exist in the same traces, but no span is both.
  const params = { 'query.serviceName': 'order', 'query.operationName': 'pg.query:COMMIT tracecart', 'query.durationMin': '10ms' };
  await expect(search(params)).resolves.toEqual([]);
});

it('accepts the deprecated snake_case aliases', async () => {
  const start = new Date(Number(BASE_NS / 1_000_000n) - 60_000).toISOString();
  const end = new Date(Number(BASE_NS / 1_000_000n) + 3_600_000).toISOString();
  const query = new URLSearchParams({
    'query.service_name': 'inventory',
    'query.operation_name': 'pg.query:SELECT tracecart',
    'query.start_time_min': start,
    'query.start_time_max': end,
    'query.duration_max': '1ms',
    'query.num_traces': '5',
  });
  const response = await tracestore.get(`/api/v3/traces?${query}`);
  expect(traceIdsOf((await response.json()) as { result: TracesData })).toEqual([data.indexed.traceId]);
});
