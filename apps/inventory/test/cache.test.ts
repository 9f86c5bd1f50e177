import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import Redis from 'ioredis';
import { DEFAULT_FLAGS, type FlagValues } from '@tracecart/flags';
import { createTestDatabase, listenOnLoopback, requestJson, type RunningServer, type TestDatabase } from '@tracecart/testkit';
import { createApp } from '../src/app';
import { RedisProductCache } from '../src/cache/redis-cache';
import { MemoryProductCache } from '../src/cache/memory-cache';
import type { ProductCache } from '../src/cache/product-cache';

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

  it('reads through Redis and invalidates on reservation and release', async () => {
    const server = await startInventory(new RedisProductCache(REDIS_URL, 30, prefix));
    expect((await requestJson(`${server.url}/products/SKU-0000100`)).body.onHand).toBe(1000);
    const cached = JSON.parse((await redis.get(`${prefix}product:SKU-0000100`))!);
    expect(cached).toMatchObject({ sku: 'SKU-0000100', onHand: 1000 });
    expect(await redis.ttl(`${prefix}product:SKU-0000100`)).toBeGreaterThan(0);
    // A changed row is not seen while cached: the cache is really serving.
    await db.pool.query(`UPDATE products SET name = 'renamed' WHERE sku = 'SKU-0000100'`);
    expect((await requestJson(`${server.url}/products/SKU-0000100`)).body.name).toBe('Product 100');
    const orderId = randomUUID();
    await requestJson(`${server.url}/reservations`, { body: { orderId, items: [{ sku: 'SKU-0000100', quantity: 4 }] } });
    expect(await redis.exists(`${prefix}product:SKU-0000100`)).toBe(0);
    expect((await requestJson(`${server.url}/products/SKU-0000100`)).body).toMatchObject({ name: 'renamed', onHand: 996 });
    await requestJson(`${server.url}/reservations/${orderId}/release`, { method: 'POST' });
    expect((await requestJson(`${server.url}/products/SKU-0000100`)).body.onHand).toBe(1000);
  });

  it('serves a batch from cache hits plus one query for the misses', async () => {
    const server = await startInventory(new RedisProductCache(REDIS_URL, 30, prefix));
    await requestJson(`${server.url}/products/SKU-0000201`);
    const res = await requestJson(`${server.url}/products/lookup`, { body: { skus: ['SKU-0000201', 'SKU-0000202', 'SKU-0009999'] } });
    expect(res.body.products.map((p: { sku: string }) => p.sku)).toEqual(['SKU-0000201', 'SKU-0000202']);
    expect(res.body.missing).toEqual(['SKU-0009999']);
    expect(await redis.exists(`${prefix}product:SKU-0000202`)).toBe(1);
  });

  it('fails open: with Redis unreachable, lookups and reservations still work', async () => {
    const server = await startInventory(new RedisProductCache('redis://127.0.0.1:1', 30, prefix));
    expect((await requestJson(`${server.url}/products/SKU-0000150`)).status).toBe(200);
    const lookup = await requestJson(`${server.url}/products/lookup`, { body: { skus: ['SKU-0000151', 'SKU-0000152'] } });
    expect(lookup.body.products).toHaveLength(2);
    const held = await requestJson(`${server.url}/reservations`, { body: { orderId: randomUUID(), items: [{ sku: 'SKU-0000150', quantity: 1 }] } });
    expect(held.status).toBe(201);
  });

  it('the in-process cache serves repeats and honours invalidation', async () => {
    const server = await startInventory(new MemoryProductCache(30));
    await requestJson(`${server.url}/products/SKU-0000160`);
    await db.pool.query(`UPDATE products SET name = 'changed' WHERE sku = 'SKU-0000160'`);
    expect((await requestJson(`${server.url}/products/SKU-0000160`)).body.name).toBe('Product 160');
    await requestJson(`${server.url}/reservations`, { body: { orderId: randomUUID(), items: [{ sku: 'SKU-0000160', quantity: 1 }] } });
    expect((await requestJson(`${server.url}/products/SKU-0000160`)).body.name).toBe('changed');
  });

  it('bypasses the cache entirely while fix.cache is off', async () => {
    const server = await startInventory(new MemoryProductCache(30), () => DEFAULT_FLAGS);
    await requestJson(`${server.url}/products/SKU-0000170`);
    await db.pool.query(`UPDATE products SET name = 'fresh' WHERE sku = 'SKU-0000170'`);
    expect((await requestJson(`${server.url}/products/SKU-0000170`)).body.name).toBe('fresh');
  });
});
