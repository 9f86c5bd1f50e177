import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import Redis from 'ioredis';
import { DEFAULT_FLAGS, type FlagValues } from '@tracecart/flags';
import { createTestDatabase, listenOnLoopback, requestJson, type RunningServer, type TestDatabase } from '@tracecart/testkit';
import { createApp } from '../src/app';
import { RedisProductCache } from '../src/cache/redis-cache';
import { MemoryProductCache } from '../src/cache/memory-cache';
import type { ProductCache } from '../src/cache/product-cache';
import { ProductCatalog } from '../src/product-catalog';
import { ProductRepo } from '../src/product-repo';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const cacheOn: FlagValues = { ...DEFAULT_FLAGS, 'fix.cache': true };

describe('fix.cache', () => {
  let db: TestDatabase;
  const servers: RunningServer[] = [];
  const caches: ProductCache[] = [];
  const prefix = `tracecart-test-${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(REDIS_URL);

  async function startInventory(cache: ProductCache, flags: () => FlagValues = () => cacheOn) {
    caches.push(cache);
    const server = await listenOnLoopback(createApp({ pool: db.pool, logger: pino({ level: 'silent' }), cache, flags }));
    servers.push(server);
    return server;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 300 });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all(caches.map((c) => c.close()));
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db.drop();
  });

  // The cache fails fast until its first connection is up; a test that reads Redis right after a
  // request must not race that connection on a busy machine.
  async function connectedCache(): Promise<RedisProductCache> {
    const cache = new RedisProductCache(REDIS_URL, 30, prefix);
    await cache.whenConnected();
    return cache;
  }

  const pricing = (server: RunningServer, sku: string) => requestJson(`${server.url}/products/${sku}?view=pricing`);
  const reserve = (server: RunningServer, sku: string, quantity: number) =>
    requestJson(`${server.url}/reservations`, { body: { orderId: randomUUID(), items: [{ sku, quantity }] } });

  it('caches name and price only, and serves them while the product page reads the row fresh', async () => {
    const server = await startInventory(await connectedCache());
    expect((await pricing(server, 'SKU-0000100')).body).toEqual({ sku: 'SKU-0000100', name: 'Product 100', priceCents: expect.any(Number) });
    const cached = JSON.parse((await redis.get(`${prefix}catalog:SKU-0000100`))!);
    expect(Object.keys(cached).sort()).toEqual(['name', 'priceCents', 'sku']);
    expect(await redis.ttl(`${prefix}catalog:SKU-0000100`)).toBeGreaterThan(0);
    // A changed row is not seen by the pricing read while cached: the cache is really serving.
    await db.pool.query(`UPDATE products SET name = 'renamed', on_hand = 990 WHERE sku = 'SKU-0000100'`);
    expect((await pricing(server, 'SKU-0000100')).body.name).toBe('Product 100');
    expect((await requestJson(`${server.url}/products/SKU-0000100`)).body).toMatchObject({ name: 'renamed', onHand: 990 });
  });

  it('a reservation and its release leave the cache warm, and stock is still enforced', async () => {
    const server = await startInventory(await connectedCache());
    await pricing(server, 'SKU-0000110');
    const orderId = randomUUID();
    const held = await requestJson(`${server.url}/reservations`, { body: { orderId, items: [{ sku: 'SKU-0000110', quantity: 4 }] } });
    expect(held.status).toBe(201);
    expect(await redis.exists(`${prefix}catalog:SKU-0000110`)).toBe(1);
    expect((await requestJson(`${server.url}/products/SKU-0000110`)).body.onHand).toBe(996);
    await requestJson(`${server.url}/reservations/${orderId}/release`, { method: 'POST' });
    expect(await redis.exists(`${prefix}catalog:SKU-0000110`)).toBe(1);
    expect((await requestJson(`${server.url}/products/SKU-0000110`)).body.onHand).toBe(1000);
    // The cached entry says nothing about stock, so the reservation alone refuses what is not there.
    await db.pool.query(`UPDATE products SET on_hand = 2 WHERE sku = 'SKU-0000110'`);
    expect((await pricing(server, 'SKU-0000110')).status).toBe(200);
    const refused = await reserve(server, 'SKU-0000110', 3);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'insufficient_stock']);
    expect((await reserve(server, 'SKU-0000110', 2)).status).toBe(201);
    expect((await requestJson(`${server.url}/products/SKU-0000110`)).body.onHand).toBe(0);
  });

  it('a name and price change through the catalog drops the cached entry', async () => {
    const cache = await connectedCache();
    const server = await startInventory(cache);
    await pricing(server, 'SKU-0000120');
    const catalog = new ProductCatalog(new ProductRepo(db.pool), cache, () => true);
    expect(await catalog.updateEntry({ sku: 'SKU-0000120', name: 'Repriced', priceCents: 4321 })).toBe(true);
    expect(await redis.exists(`${prefix}catalog:SKU-0000120`)).toBe(0);
    expect((await pricing(server, 'SKU-0000120')).body).toEqual({ sku: 'SKU-0000120', name: 'Repriced', priceCents: 4321 });
    expect(await catalog.updateEntry({ sku: 'SKU-0009999', name: 'x', priceCents: 1 })).toBe(false);
  });

  it('serves a batch from cache hits plus one query for the misses, without stock', async () => {
    const server = await startInventory(await connectedCache());
    await pricing(server, 'SKU-0000201');
    const res = await requestJson(`${server.url}/products/lookup`, { body: { skus: ['SKU-0000201', 'SKU-0000202', 'SKU-0009999'] } });
    expect(res.body.products.map((p: { sku: string }) => p.sku)).toEqual(['SKU-0000201', 'SKU-0000202']);
    expect(res.body.products.some((p: object) => 'onHand' in p)).toBe(false);
    expect(res.body.missing).toEqual(['SKU-0009999']);
    expect(await redis.exists(`${prefix}catalog:SKU-0000202`)).toBe(1);
  });

  it('fails open: with Redis unreachable, lookups and reservations still work', async () => {
    const server = await startInventory(new RedisProductCache('redis://127.0.0.1:1', 30, prefix));
    expect((await pricing(server, 'SKU-0000150')).status).toBe(200);
    const lookup = await requestJson(`${server.url}/products/lookup`, { body: { skus: ['SKU-0000151', 'SKU-0000152'] } });
    expect(lookup.body.products).toHaveLength(2);
    const held = await requestJson(`${server.url}/reservations`, { body: { orderId: randomUUID(), items: [{ sku: 'SKU-0000150', quantity: 1 }] } });
    expect(held.status).toBe(201);
  });

  it('the in-process cache serves repeats across reservations and honours a name change', async () => {
    const cache = new MemoryProductCache(30);
    const server = await startInventory(cache);
    await pricing(server, 'SKU-0000160');
    await db.pool.query(`UPDATE products SET name = 'changed' WHERE sku = 'SKU-0000160'`);
    expect((await reserve(server, 'SKU-0000160', 1)).status).toBe(201);
    expect((await pricing(server, 'SKU-0000160')).body.name).toBe('Product 160');
    await new ProductCatalog(new ProductRepo(db.pool), cache, () => true).updateEntry({ sku: 'SKU-0000160', name: 'renamed', priceCents: 100 });
    expect((await pricing(server, 'SKU-0000160')).body.name).toBe('renamed');
  });

  it('bypasses the cache entirely while fix.cache is off', async () => {
    const server = await startInventory(new MemoryProductCache(30), () => DEFAULT_FLAGS);
    await pricing(server, 'SKU-0000170');
    await db.pool.query(`UPDATE products SET name = 'fresh' WHERE sku = 'SKU-0000170'`);
    expect((await pricing(server, 'SKU-0000170')).body.name).toBe('fresh');
  });
});
