import pino from 'pino';
import { IndexReconciler } from '@tracecart/flags';
import { LAB_ATTRIBUTES, LAB_EVENTS, LAB_SPANS } from '@tracecart/contracts';
import {
  isTraceComplete,
  listenOnLoopback,
  requestJson,
  startLab,
  type Lab,
  type OtlpReceiver,
  type ReceivedSpan,
  type RunningServer,
  type Stack,
} from '@tracecart/testkit';
import { createApp as createConsoleApp } from '@tracecart/console/dist/app';

const SERVER = 2;
const LOOKUP_ONE = 'FROM products WHERE sku = $1';
const LOOKUP_MANY = 'FROM products WHERE sku = ANY($1)';
// Either semantic-convention generation: db.system (old) or db.system.name (stable).
const dbSystem = (s: ReceivedSpan) => s.attributes['db.system.name'] ?? s.attributes['db.system'];
const threeItems = { customerId: 'c-3', items: ['SKU-0000011', 'SKU-0000012', 'SKU-0000013'].map((sku) => ({ sku, quantity: 1 })) };

describe('fix and chaos switches at runtime', () => {
  let lab: Lab;
  let receiver: OtlpReceiver;
  let stack: Stack;
  let console_: RunningServer;

  const setFlag = async (name: string, value: unknown) => {
    const res = await requestJson(`${console_.url}/api/flags/${name}`, { method: 'PUT', body: { value } });
    expect(res.status).toBe(200);
  };
  // A toggle must reach every service within a second; waiting exactly that long asserts it.
  const setFlagAndWait = async (name: string, value: unknown) => {
    await setFlag(name, value);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  };
  const traceOf = async (res: { body: { traceId?: string; error?: { traceId: string } } }) => {
    const traceId = res.body.traceId ?? res.body.error!.traceId;
    return receiver.waitForTrace(traceId, isTraceComplete);
  };
  const checkout = (body: unknown) => requestJson(`${stack.gateway.url}/api/checkout`, { body });
  const queries = (spans: ReceivedSpan[], text: string) => spans.filter((s) => String(s.attributes['db.query.text'] ?? '').includes(text));
  const inventoryRoutes = (spans: ReceivedSpan[]) =>
    spans.filter((s) => s.service === 'inventory' && s.span.kind === SERVER).map((s) => s.attributes['http.route']);

  beforeAll(async () => {
    lab = await startLab({ catalogSize: 5000 });
    ({ receiver, stack } = lab);
    const { pool } = lab.db;
    const logger = pino({ level: 'silent' });
    console_ = await listenOnLoopback(createConsoleApp({ pool, logger, reconciler: new IndexReconciler(pool, () => undefined) }));
  });
  afterAll(async () => {
    await console_?.close();
    await lab?.stop();
  });

  it('fix.batch off: a 3-item checkout makes 3 inventory calls and 3 lookup queries', async () => {
    const spans = await traceOf(await checkout(threeItems));
    expect(inventoryRoutes(spans).filter((r) => r === '/products/:sku')).toHaveLength(3);
    expect(queries(spans, LOOKUP_ONE)).toHaveLength(3);
    expect(queries(spans, LOOKUP_MANY)).toHaveLength(0);
  });

  it('a toggle reaches all three services within a second: every server span says so', async () => {
    await setFlagAndWait('fix.batch', true);
    const spans = await traceOf(await checkout(threeItems));
    const servers = spans.filter((s) => s.span.kind === SERVER);
    expect(new Set(servers.map((s) => s.service))).toEqual(new Set(['gateway', 'order', 'inventory']));
    for (const s of servers) expect(s.attributes).toMatchObject({ [LAB_ATTRIBUTES.fixBatch]: true, [LAB_ATTRIBUTES.fixCache]: false, [LAB_ATTRIBUTES.fixIndex]: false });
  });

  it('fix.batch on: the same checkout makes 1 inventory lookup call and 1 query', async () => {
    const spans = await traceOf(await checkout(threeItems));
    expect(inventoryRoutes(spans).filter((r) => r === '/products/lookup')).toHaveLength(1);
    expect(inventoryRoutes(spans).filter((r) => r === '/products/:sku')).toHaveLength(0);
    expect(queries(spans, LOOKUP_MANY)).toHaveLength(1);
    expect(queries(spans, LOOKUP_ONE)).toHaveLength(0);
  });

  it('fix.cache on: a repeated checkout of the same SKUs prices from Redis, with no pg lookup', async () => {
    await setFlagAndWait('fix.cache', true);
    const first = await traceOf(await checkout(threeItems));
    expect(first.find((s) => s.span.name === LAB_SPANS.cacheLookup)?.attributes[LAB_ATTRIBUTES.cacheHit]).toBe(false);
    expect(queries(first, LOOKUP_MANY)).toHaveLength(1);
    // The first checkout's reservation changed the stock of these SKUs, and the cache keeps them.
    const secondRes = await checkout(threeItems);
    expect(secondRes.status).toBe(201);
    const second = await traceOf(secondRes);
    const lookup = second.find((s) => s.span.name === LAB_SPANS.cacheLookup);
    expect(lookup?.attributes).toMatchObject({ [LAB_ATTRIBUTES.cacheHit]: true, [LAB_ATTRIBUTES.cacheHits]: 3 });
    expect(second.filter((s) => s.service === 'inventory' && dbSystem(s) === 'redis')).not.toHaveLength(0);
    expect([queries(second, LOOKUP_ONE), queries(second, LOOKUP_MANY)]).toEqual([[], []]);
  });

  it('fix.cache on: the product page still shows the stock of that moment, read from Postgres', async () => {
    const { pool } = lab.db;
    await pool.query(`UPDATE products SET on_hand = 1 WHERE sku = 'SKU-0000012'`);
    const product = await requestJson(`${stack.gateway.url}/api/products/SKU-0000012`);
    expect(product.body.onHand).toBe(1);
    const short = await checkout({ customerId: 'c-4', items: [{ sku: 'SKU-0000012', quantity: 2 }] });
    expect([short.status, short.body.error.code]).toEqual([409, 'insufficient_stock']);
    const spans = await traceOf(short);
    expect(spans.find((s) => s.span.name === LAB_SPANS.cacheLookup)?.attributes[LAB_ATTRIBUTES.cacheHit]).toBe(true);
    await pool.query(`UPDATE products SET on_hand = 1000 WHERE sku = 'SKU-0000012'`);
  });

  it('chaos.errors at rate 1 fails checkouts with 503 injected_fault; rate 0 restores them', async () => {
    await setFlagAndWait('chaos.errors', { rate: 1 });
    const failed = await checkout(threeItems);
    expect([failed.status, failed.body.error.code]).toEqual([503, 'injected_fault']);
    const spans = await traceOf(failed);
    expect(spans.some((s) => (s.span.events ?? []).some((e) => e.name === LAB_EVENTS.chaosError))).toBe(true);
    await setFlagAndWait('chaos.errors', { rate: 0 });
    expect((await checkout(threeItems)).status).toBe(201);
  });

  it('chaos.latency marks the injected delay on the span', async () => {
    await setFlagAndWait('chaos.latency', { ms: 50, rate: 1 });
    const spans = await traceOf(await checkout(threeItems));
    const delayed = spans.filter((s) => (s.span.events ?? []).some((e) => e.name === LAB_EVENTS.chaosLatency));
    expect(delayed.length).toBeGreaterThan(0);
    expect(delayed.every((s) => s.service === 'inventory' && s.attributes[LAB_ATTRIBUTES.chaosInjected] === true)).toBe(true);
    await setFlagAndWait('chaos.latency', { ms: 0, rate: 0 });
  });
});
