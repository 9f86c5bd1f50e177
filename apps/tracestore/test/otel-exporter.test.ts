import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OtlpSpan, TracesData } from '@tracecart/otlp';
import { startTestTracestore, type RunningTracestore } from './support/running-tracestore';

// The real OpenTelemetry OTLP/HTTP JSON exporter (the one the tracing preload uses) sends spans
// to the tracestore over the wire from another process; they are read back through /api/v3.
interface ExportedIds {
  checkout: { traceId: string; spanId: string };
  failing: { traceId: string; spanId: string };
  product: { traceId: string; spanId: string };
}

let tracestore: RunningTracestore;
let ids: ExportedIds;

beforeAll(async () => {
  tracestore = await startTestTracestore();
  const script = path.join(__dirname, 'fixtures', 'export-spans.js');
  const { stdout } = await promisify(execFile)(process.execPath, [script], {
    env: { ...process.env, OTLP_TRACES_URL: `${tracestore.otlpUrl}/v1/traces` },
    timeout: 20_000,
  });
  ids = JSON.parse(stdout) as ExportedIds;
});
afterAll(() => tracestore.close());

async function readTrace(traceId: string): Promise<{ service: string; scope: string; span: OtlpSpan }[]> {
  const response = await tracestore.get(`/api/v3/traces/${traceId}`);
  expect(response.status).toBe(200);
  const { result } = (await response.json()) as { result: TracesData };
  return (result.resourceSpans ?? []).flatMap((rs) =>
    (rs.scopeSpans ?? []).flatMap((ss) =>
      (ss.spans ?? []).map((span) => ({
        service: rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value?.stringValue ?? '',
        scope: ss.scope?.name ?? '',
        span,
      })),
    ),
  );
}

it('stores exported spans with their attributes, events, kind and status', async () => {
  const [stored] = await readTrace(ids.checkout.traceId);
  // The SDK's default resource: no service name was configured.
  expect(stored.service).toMatch(/^unknown_service/);
  expect(stored.scope).toBe('tracestore-test');
  expect(stored.span).toMatchObject({ spanId: ids.checkout.spanId, name: 'POST /api/checkout', kind: 2, status: {} });
  expect(stored.span.attributes).toEqual(
    expect.arrayContaining([
      { key: 'http.response.status_code', value: { intValue: '201' } },
      { key: 'lab.fix.index', value: { boolValue: true } },
      { key: 'lab.ratio', value: { doubleValue: 0.25 } },
      { key: 'lab.skus', value: { arrayValue: { values: [{ stringValue: 'SKU-0000001' }, { stringValue: 'SKU-0000002' }] } } },
    ]),
  );
  expect(stored.span.events).toEqual([expect.objectContaining({ name: 'reserved', attributes: [{ key: 'lab.items', value: { intValue: '2' } }] })]);
  expect(BigInt(stored.span.endTimeUnixNano as string)).toBeGreaterThanOrEqual(BigInt(stored.span.startTimeUnixNano as string));

  const [failed] = await readTrace(ids.failing.traceId);
  expect(failed.span).toMatchObject({ kind: 3, status: { code: 2, message: 'inventory answered 503' } });
});

it('finds exported spans through the services, operations and search routes', async () => {
  const { services } = (await (await tracestore.get('/api/v3/services')).json()) as { services: string[] };
  expect(services).toHaveLength(1);
  const operations = (await (await tracestore.get(`/api/v3/operations?service=${encodeURIComponent(services[0])}&spanKind=server`)).json()) as {
    operations: { name: string }[];
  };
  expect(operations.operations.map((op) => op.name)).toEqual(['GET /api/products/:sku', 'POST /api/checkout']);
  const now = Date.now();
  const query = new URLSearchParams({
    'query.serviceName': services[0],
    'query.startTimeMin': new Date(now - 10 * 60_000).toISOString(),
    'query.startTimeMax': new Date(now + 60_000).toISOString(),
    'query.attributes': JSON.stringify({ 'lab.sku': 'SKU-0000042' }),
  });
  const { result } = (await (await tracestore.get(`/api/v3/traces?${query}`)).json()) as { result: TracesData };
  expect(result.resourceSpans?.[0].scopeSpans?.[0].spans?.map((s) => s.traceId)).toEqual([ids.product.traceId]);
});
