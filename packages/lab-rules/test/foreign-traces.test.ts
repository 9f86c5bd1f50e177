// Traces of services that are not the lab, built from the shapes of Jaeger's HotROD demo and
// of the OpenTelemetry demo's checkout: no `lab.*` name anywhere. The verdict must name what the
// evidence shows, and the lab's switch table must not claim any of it.
import { buildTraceTree, decideVerdict, diagnose } from '@tracecart/trace-analysis';
import { LAB_SWITCH_RULES } from '../src';
import { EVIDENCE } from '@tracecart/contracts';
import { idOf, jaegerFixturesDir, readJaegerFixture, toTracesData, type SpanSpec } from '@tracecart/testkit';

const SERVER = 2;
const CLIENT = 3;
const mysql = (sql: string) => ({ 'db.system.name': 'mysql', 'db.query.text': sql });
const redis = (command: string) => ({ 'db.system.name': 'redis', 'db.operation.name': command });

/**
 * HotROD's /dispatch: the customer service's MySQL lookup, the driver service's redis calls
 * (FindDriverIDs, then one GetDriver per driver, one after another) and the route service's
 * /route calls, three at a time.
 */
function hotrod(options: { customerMs?: number; plan?: boolean } = {}): SpanSpec[] {
  const customerMs = options.customerMs ?? 30;
  const specs: SpanSpec[] = [
    { id: 'front', service: 'frontend', name: 'HTTP GET /dispatch', kind: SERVER, start: 0, end: 0 },
    { id: 'custc', parent: 'front', service: 'frontend', name: 'HTTP GET', kind: CLIENT, start: 1, end: 3 + customerMs, attributes: { 'http.request.method': 'GET', 'url.full': 'http://127.0.0.1:8081/customer?customer=123' } },
    { id: 'custs', parent: 'custc', service: 'customer', name: 'HTTP GET /customer', kind: SERVER, start: 1.5, end: 2.5 + customerMs, attributes: { 'http.request.method': 'GET', 'http.route': '/customer' } },
    { id: 'sql', parent: 'custs', service: 'mysql', name: 'SQL SELECT', kind: CLIENT, start: 2, end: 2 + customerMs, attributes: mysql('SELECT * FROM customer WHERE customer_id=?') },
  ];
  if (options.plan) {
    const plan = { 'Node Type': 'Seq Scan', 'Relation Name': 'customer', Filter: '(customer_id = 123)', 'Plan Rows': 1, 'Total Cost': 1693 };
    const attributes = { [EVIDENCE.ATTR_PLAN_NODE_TYPES]: ['Seq Scan'], [EVIDENCE.ATTR_PLAN_JSON]: JSON.stringify([{ Plan: plan }]) };
    specs.push({ id: 'sqlx', parent: 'custs', service: 'mysql', name: EVIDENCE.PLAN_SPAN_NAME, kind: CLIENT, start: 2 + customerMs, end: 2 + customerMs, links: ['sql'], events: [{ name: EVIDENCE.PLAN_EVENT, attributes }] });
  }
  let t = 5 + customerMs;
  specs.push({ id: 'drvc', parent: 'front', service: 'frontend', name: '/driver.DriverService/FindNearest', kind: CLIENT, start: t, end: 0 });
  specs.push({ id: 'drvs', parent: 'drvc', service: 'driver', name: '/driver.DriverService/FindNearest', kind: SERVER, start: t + 0.5, end: 0 });
  specs.push({ id: 'ids', parent: 'drvs', service: 'redis-manual', name: 'FindDriverIDs', kind: CLIENT, start: t + 1, end: t + 21, attributes: redis('SMEMBERS') });
  t += 21;
  for (let k = 0; k < 10; k++) {
    specs.push({ id: `gd${k}`, parent: 'drvs', service: 'redis-manual', name: 'GetDriver', kind: CLIENT, start: t, end: t + 12, attributes: { ...redis('GET'), 'param.driverID': `T7${k}` } });
    t += 12.2;
  }
  specs.find((s) => s.id === 'drvs')!.end = t;
  specs.find((s) => s.id === 'drvc')!.end = t + 0.5;
  t += 1;
  // Three route workers: the ten calls overlap, as a fan-out does.
  let end = t;
  for (let k = 0; k < 10; k++) {
    const start = t + Math.floor(k / 3) * 8 + (k % 3) * 0.3;
    specs.push({ id: `rc${k}`, parent: 'front', service: 'frontend', name: 'HTTP GET', kind: CLIENT, start, end: start + 7.5, attributes: { 'http.request.method': 'GET', 'url.full': `http://127.0.0.1:8083/route?dropoff=${k}` } });
    specs.push({ id: `rs${k}`, parent: `rc${k}`, service: 'route', name: 'HTTP GET /route', kind: SERVER, start: start + 0.2, end: start + 7.3, attributes: { 'http.request.method': 'GET', 'http.route': '/route' } });
    end = Math.max(end, start + 7.5);
  }
  specs[0].end = end + 1;
  return specs;
}

/**
 * The OpenTelemetry demo's PlaceOrder: checkout asks the product catalog for each cart item in
 * turn, converts each price, charges, ships, and publishes to Kafka.
 */
function otelDemoCheckout(options: { items?: number; poolWaitMs?: number } = {}): SpanSpec[] {
  const items = options.items ?? 4;
  const rpc = (service: string, method: string) => ({ 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method });
  const specs: SpanSpec[] = [
    { id: 'fe', service: 'frontend', name: 'POST /api/checkout', kind: SERVER, start: 0, end: 0, attributes: { 'http.request.method': 'POST', 'http.route': '/api/checkout' } },
    { id: 'po', parent: 'fe', service: 'checkout', name: 'oteldemo.CheckoutService/PlaceOrder', kind: SERVER, start: 1, end: 0, attributes: rpc('oteldemo.CheckoutService', 'PlaceOrder') },
    { id: 'cart', parent: 'po', service: 'checkout', name: 'oteldemo.CartService/GetCart', kind: CLIENT, start: 2, end: 4, attributes: rpc('oteldemo.CartService', 'GetCart') },
  ];
  let t = 4.2;
  for (let k = 0; k < items; k++) {
    specs.push({ id: `gp${k}`, parent: 'po', service: 'checkout', name: 'oteldemo.ProductCatalogService/GetProduct', kind: CLIENT, start: t, end: t + 25, attributes: rpc('oteldemo.ProductCatalogService', 'GetProduct') });
    specs.push({ id: `gps${k}`, parent: `gp${k}`, service: 'product-catalog', name: 'oteldemo.ProductCatalogService/GetProduct', kind: SERVER, start: t + 0.5, end: t + 24.5, attributes: rpc('oteldemo.ProductCatalogService', 'GetProduct') });
    if (options.poolWaitMs) {
      specs.push({ id: `pc${k}`, parent: `gps${k}`, service: 'product-catalog', name: 'pg-pool.connect', kind: 1, start: t + 1, end: t + 1 + options.poolWaitMs });
      specs.push({ id: `pq${k}`, parent: `gps${k}`, service: 'product-catalog', name: 'SELECT products', kind: CLIENT, start: t + 1 + options.poolWaitMs, end: t + 24, attributes: { 'db.system.name': 'postgresql', 'db.query.text': 'SELECT id, name, price FROM catalog.products WHERE id = $1', [EVIDENCE.ATTR_CONNECTION_WAIT_TIME]: options.poolWaitMs } });
    }
    t += 25.2;
  }
  specs.push({ id: 'charge', parent: 'po', service: 'checkout', name: 'oteldemo.PaymentService/Charge', kind: CLIENT, start: t, end: t + 6, attributes: rpc('oteldemo.PaymentService', 'Charge') });
  specs.push({ id: 'ship', parent: 'po', service: 'checkout', name: 'oteldemo.ShippingService/ShipOrder', kind: CLIENT, start: t + 6.2, end: t + 9, attributes: rpc('oteldemo.ShippingService', 'ShipOrder') });
  specs.push({ id: 'kafka', parent: 'po', service: 'checkout', name: 'orders publish', kind: 4, start: t + 9.2, end: t + 10, attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'send', 'messaging.destination.name': 'orders' } });
  specs.find((s) => s.id === 'po')!.end = t + 10.5;
  specs[0].end = t + 11;
  return specs;
}

const rules = LAB_SWITCH_RULES;
const verdictOf = (specs: SpanSpec[]) => decideVerdict(buildTraceTree(toTracesData(specs))[0], { rules });

describe('diagnosis of traces from services that are not the lab', () => {
  it('HotROD: calls the driver’s sequential GetDriver calls an N+1, not the route fan-out, and names no lab switch', () => {
    const v = verdictOf(hotrod());
    expect(v.finding).toMatchObject({ kind: 'n_plus_one', details: { count: 10 } });
    expect(v.culprit).toMatchObject({ service: 'redis-manual', operation: 'GetDriver' });
    expect(v.switchName).toBeUndefined();
    expect(v.line).toContain('10 sequential calls');
    expect(v.line).not.toMatch(/fix\.|chaos\./);
    // The route calls overlap three at a time: a fan-out, never reported as an N+1.
    const routeCalls = ['rc0', 'rc1', 'rc2'].map(idOf);
    expect(diagnose(toTracesData(hotrod())).nPlusOne.some((f) => f.spanIds.some((id) => routeCalls.includes(id)))).toBe(false);
  });

  it('HotROD with a slow MySQL lookup that carries its plan: a sequential scan on customer, with no lab switch', () => {
    const v = verdictOf(hotrod({ customerMs: 400, plan: true }));
    expect(v.culprit).toMatchObject({ service: 'mysql', statement: 'SELECT * FROM customer WHERE customer_id=?' });
    expect(v.finding).toMatchObject({ kind: 'sequential_scan', details: { relation: 'customer', filter: 'customer_id = ?' } });
    expect(v.line).toContain('Seq Scan on customer (filter customer_id = ?, est. 1 row, cost 1,693)');
    expect(v.line).toContain('sequential scan → an index on customer serving the filter');
    expect(v.switchName).toBeUndefined();
  });

  it('HotROD with a slow lookup and no evidence on it: names the culprit and says it has no evidence of a cause', () => {
    const v = verdictOf(hotrod({ customerMs: 400 }));
    expect(v.culprit?.service).toBe('mysql');
    expect(v.findings.filter((f) => f.kind !== 'uncached_read')).toEqual([]);
    expect(v.switchName).toBeUndefined();
  });

  it('OpenTelemetry demo checkout: the per-item GetProduct calls are an N+1 with no lab switch', () => {
    const v = verdictOf(otelDemoCheckout());
    expect(v.finding).toMatchObject({ kind: 'n_plus_one', details: { count: 4, parent: 'checkout oteldemo.CheckoutService/PlaceOrder' } });
    expect(v.line).toContain('N+1 → one batched call instead of one per item');
    expect(v.switchName).toBeUndefined();
  });

  it('catches a loop of 3 calls, and not 2', () => {
    expect(verdictOf(otelDemoCheckout({ items: 3 })).finding?.kind).toBe('n_plus_one');
    expect(verdictOf(otelDemoCheckout({ items: 2 })).findings.map((f) => f.kind)).not.toContain('n_plus_one');
  });

  it('OpenTelemetry demo checkout whose catalog waits for pooled connections: the pool wait is found', () => {
    const v = verdictOf(otelDemoCheckout({ poolWaitMs: 18 }));
    const kinds = v.findings.map((f) => f.kind);
    expect(kinds).toContain('n_plus_one');
    const tree = buildTraceTree(toTracesData(otelDemoCheckout({ poolWaitMs: 18 })))[0];
    const onConnects = decideVerdict(tree, { rules, dominantShare: 0.5, nPlusOneShare: 1.1 });
    expect(onConnects.finding).toMatchObject({ kind: 'pool_wait', details: { operation: 'pg-pool.connect' } });
    expect(onConnects.line).toContain('pg-pool.connect: 4 checkouts waiting 72.0 ms for a connection');
    expect(onConnects.switchName).toBeUndefined();
  });

  it('recorded Jaeger 2.20 answers: diagnosed without a lab switch or a failure', () => {
    expect(jaegerFixturesDir()).toBeTruthy();
    const d = diagnose(readJaegerFixture('GetTrace'), { rules });
    expect(d.verdict.switchName).toBeUndefined();
    expect(d.verdict.kind).toBe('no_critical_path');
  });
});
