import { isTraceComplete, requestJson, startLab, type Lab, type OtlpReceiver, type ReceivedSpan } from '@tracecart/testkit';

const SERVER = 2;

describe('one checkout is one trace across gateway, order and inventory', () => {
  let lab: Lab;
  let receiver: OtlpReceiver;
  let traceId: string;
  let spans: ReceivedSpan[];
  let traceresponse: string | null;

  beforeAll(async () => {
    lab = await startLab({ catalogSize: 3000 });
    receiver = lab.receiver;
    const res = await requestJson(`${lab.stack.gateway.url}/api/checkout`, {
      body: { customerId: 'c-trace', items: [{ sku: 'SKU-0000042', quantity: 2 }, { sku: 'SKU-0002999', quantity: 1 }] },
    });
    expect(res.status).toBe(201);
    traceId = res.body.traceId;
    traceresponse = res.headers.get('traceresponse');
    spans = await receiver.waitForTrace(traceId, isTraceComplete);
  });

  afterAll(() => lab?.stop());

  it('returns the trace id in the body and the traceresponse header', () => {
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceresponse).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });

  it('has spans from all three services and from no other trace', () => {
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['gateway', 'order', 'inventory']));
    const otherTraces = receiver.spans().filter((s) => s.span.traceId !== traceId && s.attributes['http.route']);
    expect(otherTraces).toEqual([]);
  });

  it('has exactly one root, the gateway server span, and every other parent inside the trace', () => {
    const ids = new Set(spans.map((s) => s.span.spanId));
    const roots = spans.filter((s) => !s.span.parentSpanId);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ service: 'gateway', span: { kind: SERVER } });
    expect(roots[0].attributes['http.route']).toBe('/api/checkout');
    for (const s of spans.filter((x) => x.span.parentSpanId)) expect(ids.has(s.span.parentSpanId!)).toBe(true);
  });

  it('chains gateway → order → inventory through client spans, with http.route on server spans', () => {
    const byId = new Map(spans.map((s) => [s.span.spanId, s]));
    const servers = spans.filter((s) => s.span.kind === SERVER);
    const routes = servers.map((s) => `${s.service} ${s.attributes['http.route']}`).sort();
    expect(routes).toEqual([
      'gateway /api/checkout',
      'inventory /products/:sku',
      'inventory /products/:sku',
      'inventory /reservations',
      'order /orders',
    ]);
    for (const server of servers.filter((s) => s.service !== 'gateway')) {
      const client = byId.get(server.span.parentSpanId!)!;
      const caller = server.service === 'order' ? 'gateway' : 'order';
      expect(client).toMatchObject({ service: caller, span: { kind: 3 } });
    }
  });

  it('puts the catalog lookups, with db.query.text, under inventory', () => {
    const lookups = spans.filter(
      (s) => s.service === 'inventory' && String(s.attributes['db.query.text']).includes('FROM products WHERE sku = $1'),
    );
    expect(lookups).toHaveLength(2);
    const reservations = spans.filter((s) => String(s.attributes['db.query.text']).startsWith('UPDATE products SET on_hand'));
    expect(reservations.map((s) => s.service)).toEqual(['inventory', 'inventory']);
  });

  it('names query spans {operation} {collection} and names server spans after their route', () => {
    const lookup = spans.find((s) => String(s.attributes['db.query.text']).includes('FROM products WHERE sku = $1'))!;
    expect(lookup.span.name).toBe('SELECT products');
    expect(lookup.attributes).toMatchObject({ 'db.operation.name': 'SELECT', 'db.collection.name': 'products', 'db.system.name': 'postgresql' });
    const insert = spans.find((s) => s.service === 'order' && String(s.attributes['db.query.text']).startsWith('INSERT INTO orders'))!;
    expect(insert.span.name).toBe('INSERT orders');
    const root = spans.find((s) => !s.span.parentSpanId)!;
    expect(root.span.name).toBe('POST /api/checkout');
  });
});

describe('metrics', () => {
  let lab: Lab;
  let traceId: string;
  beforeAll(async () => {
    lab = await startLab({ catalogSize: 500 });
    const res = await requestJson(`${lab.stack.gateway.url}/api/checkout`, {
      body: { customerId: 'c-metrics', items: [{ sku: 'SKU-0000007', quantity: 1 }] },
    });
    traceId = res.body.traceId;
  });
  afterAll(() => lab?.stop());

  // OpenMetrics text: comments, samples, optional exemplar, and the closing # EOF.
  const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)( [0-9.]+)?( # \{[^}]*\} [0-9.e+-]+( [0-9.]+)?)?$/;

  it.each(['gateway', 'order', 'inventory'] as const)('%s serves /metrics as OpenMetrics with a trace exemplar', async (service) => {
    const res = await fetch(`${lab.stack[service].url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^application\/openmetrics-text/);
    const lines = (await res.text()).trimEnd().split('\n');
    expect(lines.at(-1)).toBe('# EOF');
    for (const line of lines.filter((l) => !l.startsWith('#'))) expect(line).toMatch(SAMPLE);
    const buckets = lines.filter((l) => l.startsWith('http_server_request_duration_seconds_bucket{'));
    expect(buckets.length).toBeGreaterThan(0);
    expect(buckets.some((l) => l.includes(`# {trace_id="${traceId}"}`))).toBe(true);
    expect(lines.some((l) => /^http_server_request_duration_seconds_count\{.*route="\/(api\/checkout|orders|reservations)".*status="201"/.test(l))).toBe(
      true,
    );
  });

  it('order and inventory export their pool gauges; inventory its cache counters', async () => {
    const inventory = await (await fetch(`${lab.stack.inventory.url}/metrics`)).text();
    expect(inventory).toMatch(/^db_client_connection_count\{state="idle",pool="inventory",service="inventory"\} \d+$/m);
    expect(inventory).toMatch(/^db_client_connection_max\{pool="inventory-report",service="inventory"\} 1$/m);
    expect(inventory).toContain('# TYPE cache_lookups counter');
    const order = await (await fetch(`${lab.stack.order.url}/metrics`)).text();
    expect(order).toMatch(/^db_client_connection_pending_requests\{pool="order",service="order"\} 0$/m);
  });
});
