import type { TracesData } from '@tracecart/otlp';
import { createJaegerClient, JaegerQueryError, splitTracesById, type JaegerClient } from '@tracecart/jaeger-client';
import { startLoadedTracestore, BASE_NS, MINUTE_NS, type CheckoutDataset } from './support/checkout-dataset';
import { readJaegerFixture } from '@tracecart/testkit';
import { shapeDifferences } from './support/json-shape';
import { searchParams, type RunningTracestore } from './support/running-tracestore';

// The stand-in's responses held to Jaeger 2.20's own snapshots (shapes: keys and JSON types,
// recursively), and the jaeger-client driven against the running stand-in end to end.
let tracestore: RunningTracestore;
let data: CheckoutDataset;

beforeAll(async () => ({ tracestore, data } = await startLoadedTracestore()));
afterAll(() => tracestore.close());

async function bodyOf(path: string): Promise<unknown> {
  const response = await tracestore.get(path);
  expect(response.status).toBe(200);
  return response.json();
}

describe('tracestore responses have the shapes of Jaeger 2.20', () => {
  it('GetServices', async () => {
    expect(shapeDifferences(readJaegerFixture('GetServices'), await bodyOf('/api/v3/services'))).toEqual([]);
  });

  it('GetOperations', async () => {
    expect(shapeDifferences(readJaegerFixture('GetOperations'), await bodyOf('/api/v3/operations?service=inventory&spanKind=server'))).toEqual([]);
  });

  it('GetTrace', async () => {
    expect(shapeDifferences(readJaegerFixture('GetTrace'), await bodyOf(`/api/v3/traces/${data.failed.traceId}`))).toEqual([]);
  });

  it('FindTraces', async () => {
    const body = await bodyOf(`/api/v3/traces?${searchParams({ 'query.serviceName': 'gateway' }, BASE_NS)}`);
    expect(shapeDifferences(readJaegerFixture('FindTraces'), body)).toEqual([]);
  });

  it('FindTraceSummaries', async () => {
    // The failed checkout has error spans in every service, so no count is left out as zero.
    const window = searchParams({ 'query.serviceName': 'gateway', 'query.attributes': '{"error":"true"}' }, BASE_NS);
    const body = (await bodyOf(`/api/v3/trace-summaries?${window}`)) as { summaries: unknown[] };
    expect(body.summaries).toHaveLength(1);
    expect(shapeDifferences(readJaegerFixture('FindTraceSummaries'), body)).toEqual([]);
  });

  it('the shape check itself catches a missing list or object and a wrong type', () => {
    expect(shapeDifferences(readJaegerFixture('GetOperations'), { operations: [{ name: 'x', spanKind: 2 }] })).toEqual([
      '$.operations[0].spanKind: expected string, got number',
    ]);
    expect(shapeDifferences(readJaegerFixture('FindTraceSummaries'), { summaries: [{ traceId: 1 }] })).toEqual([
      '$.summaries[0].services: missing',
      '$.summaries[0].traceId: expected string, got number',
    ]);
    expect(shapeDifferences(readJaegerFixture('GetTrace'), { result: { resourceSpans: [{ scopeSpans: [] }] } })).toEqual([
      '$.result.resourceSpans[0].resource: missing',
    ]);
  });
});

describe('jaeger-client against the running tracestore', () => {
  let client: JaegerClient;
  const window = { startTimeMin: new Date(Number(BASE_NS / 1_000_000n) - 60_000), startTimeMax: new Date(Number(BASE_NS / 1_000_000n) + 3_600_000) };

  beforeAll(() => {
    client = createJaegerClient(tracestore.queryUrl, { timeoutMs: 5000 });
  });

  it('reads services and operations', async () => {
    await expect(client.getServices()).resolves.toEqual(['gateway', 'inventory', 'order']);
    await expect(client.getOperations('order', 'server')).resolves.toEqual([{ name: 'POST /orders', spanKind: 'server' }]);
  });

  it('searches with every filter and splits the result per trace', async () => {
    const result = await client.findTraces({
      serviceName: 'inventory',
      operationName: 'pg.query:SELECT tracecart',
      ...window,
      durationMin: 10,
      durationMax: 60_000,
      attributes: { 'lab.sku': 'SKU-0000002', 'db.system.name': 'postgresql' },
      searchDepth: 2,
    });
    const byTrace = splitTracesById(result);
    expect([...byTrace.keys()]).toEqual([data.latest.traceId, data.failed.traceId]);
    const latest = byTrace.get(data.latest.traceId) as TracesData;
    expect(latest.resourceSpans?.flatMap((rs) => rs.scopeSpans ?? []).flatMap((ss) => ss.spans ?? [])).toHaveLength(data.latest.entries.length);
  });

  it('gets one trace, and undefined for an unknown id', async () => {
    const trace = await client.getTrace(data.slow.traceId, { startTime: window.startTimeMin, endTime: window.startTimeMax });
    expect([...splitTracesById(trace as TracesData).keys()]).toEqual([data.slow.traceId]);
    await expect(client.getTrace('ffffffffffffffffffffffffffffffff')).resolves.toBeUndefined();
  });

  it('reads summaries with the zero values filled in', async () => {
    const summaries = await client.findTraceSummaries({ serviceName: 'gateway', ...window });
    expect(summaries.map((s) => s.traceId)).toEqual([data.latest, data.failed, data.indexed, data.slow].map((t) => t.traceId));
    expect(summaries[0]).toMatchObject({ rootServiceName: 'gateway', errorSpanCount: 0, orphanSpanCount: 0, spanCount: data.latest.entries.length });
    expect(BigInt(summaries[0].minStartTimeUnixNano)).toBe(BASE_NS + 3n * MINUTE_NS);
  });

  it('gets an empty result for no match, and a JaegerQueryError for a bad query', async () => {
    await expect(client.findTraces({ serviceName: 'nope', ...window })).resolves.toEqual({ resourceSpans: [] });
    const error = await client.findTraces({ serviceName: 'gateway', startTimeMin: window.startTimeMax, startTimeMax: window.startTimeMin }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JaegerQueryError);
    expect(error).toMatchObject({ status: 400, jaegerMessage: 'query.startTimeMin must be before query.startTimeMax' });
  });
});
