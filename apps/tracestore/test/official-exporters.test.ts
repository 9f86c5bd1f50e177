import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { decodeAttributes, decodeTracesJson, serviceNameOf, type AttributeValue } from '@tracecart/otlp';
import { startTestTracestore, type RunningTracestore } from './support/running-tracestore';

// The real OpenTelemetry exporters, in each of the three protocols, send a checkout trace from
// three SDK tracer providers (gateway, order, inventory) to a running tracestore; the trace read
// back through /api/v3 must be the one the SDK recorded.
interface SpanView {
  service: string;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, AttributeValue>;
  events: Array<{ name: string; attributes: Record<string, AttributeValue> }>;
  links: Array<{ traceId: string; spanId: string; attributes: Record<string, AttributeValue> }>;
  status: { code: number; message: string };
}
interface Exported {
  traceId: string;
  spans: SpanView[];
}

const PROTOCOLS = ['http/json', 'http/protobuf', 'grpc'] as const;
let tracestore: RunningTracestore;
const exported = new Map<string, Exported>();

async function runExporter(protocol: (typeof PROTOCOLS)[number]): Promise<Exported> {
  const url = protocol === 'grpc' ? `http://${tracestore.grpcAddress}` : `${tracestore.otlpUrl}/v1/traces`;
  const script = path.join(__dirname, 'fixtures', 'export-checkout.js');
  const { stdout } = await promisify(execFile)(process.execPath, [script, protocol], { env: { ...process.env, OTLP_URL: url }, timeout: 30_000 });
  return JSON.parse(stdout) as Exported;
}

beforeAll(async () => {
  tracestore = await startTestTracestore();
  for (const protocol of PROTOCOLS) exported.set(protocol, await runExporter(protocol));
});
afterAll(() => tracestore.close());

// The stored trace in the same view, decoded with the same model the receivers use.
async function readStoredTrace(traceId: string): Promise<SpanView[]> {
  const response = await tracestore.get(`/api/v3/traces/${traceId}`);
  expect(response.status).toBe(200);
  const { result } = (await response.json()) as { result: unknown };
  return decodeTracesJson(result).resourceSpans.flatMap((rs) =>
    rs.scopeSpans.flatMap((ss) =>
      ss.spans.map((span) => ({
        service: serviceNameOf(rs.resource.attributes),
        scope: ss.scope.name,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId,
        name: span.name,
        kind: span.kind,
        attributes: decodeAttributes(span.attributes),
        events: span.events.map((e) => ({ name: e.name, attributes: decodeAttributes(e.attributes) })),
        links: span.links.map((l) => ({ traceId: l.traceId, spanId: l.spanId, attributes: decodeAttributes(l.attributes) })),
        status: span.status,
      })),
    ),
  );
}

const bySpanId = (spans: SpanView[]) => [...spans].sort((a, b) => a.spanId.localeCompare(b.spanId));

it.each(PROTOCOLS)('the official %s exporter delivers the checkout trace as the SDK recorded it', async (protocol) => {
  const sent = exported.get(protocol) as Exported;
  expect(sent.spans).toHaveLength(7);
  // Ids, parents, names, kinds, services, scopes, attributes, events, links and status, span by span.
  const stored = await readStoredTrace(sent.traceId);
  expect(bySpanId(stored)).toEqual(bySpanId(sent.spans));
  const query = stored.find((s) => s.name === 'SELECT products');
  expect(query).toMatchObject({ service: 'inventory', kind: 3, events: [{ name: 'cache.miss' }], links: [{ attributes: { 'lab.link': 'checkout' } }] });
  expect(stored.find((s) => s.name === 'POST /reservations')?.status).toEqual({ code: 2, message: 'insufficient_stock' });
});

it('makes the traces of all three findable through the services, operations and search routes', async () => {
  const { services } = (await (await tracestore.get('/api/v3/services')).json()) as { services: string[] };
  expect(services).toEqual(['gateway', 'inventory', 'order']);
  const operations = (await (await tracestore.get('/api/v3/operations?service=inventory&spanKind=server')).json()) as { operations: Array<{ name: string }> };
  expect(operations.operations.map((op) => op.name)).toEqual(['POST /products/lookup', 'POST /reservations']);
  const now = Date.now();
  const query = new URLSearchParams({
    'query.serviceName': 'inventory',
    'query.startTimeMin': new Date(now - 10 * 60_000).toISOString(),
    'query.startTimeMax': new Date(now + 60_000).toISOString(),
    'query.attributes': JSON.stringify({ 'lab.sku': 'SKU-0912345', [`resource.${ATTR_SERVICE_NAME}`]: 'inventory' }),
  });
  const { result } = (await (await tracestore.get(`/api/v3/traces?${query}`)).json()) as { result: unknown };
  const found = new Set(decodeTracesJson(result).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.traceId))));
  expect(found).toEqual(new Set(PROTOCOLS.map((p) => exported.get(p)?.traceId)));
});
