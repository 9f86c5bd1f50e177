import pino from 'pino';
import { DEFAULT_FLAGS, type FlagValues } from '@tracecart/flags';
import { createTestDatabase, listenOnLoopback, requestJson, type RunningServer, type TestDatabase } from '@tracecart/testkit';
import { createApp } from '../src/app';
import { MemoryProductCache } from '../src/cache/memory-cache';
import type { ProductCache } from '../src/cache/product-cache';

const cacheOn: FlagValues = { ...DEFAULT_FLAGS, 'fix.cache': true };

// A cache whose reads fail, as Redis does when it is down; the catalog then reads Postgres.
class UnreadableCache extends MemoryProductCache {
  override async getMany(): Promise<never> {
    throw new Error('cache read failed');
  }
}

// Every cache_lookups_total sample as `{labels} value`, exemplars left out.
function cacheLookupSamples(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('cache_lookups_total'))
    .map((line) => line.replace(/ # .*$/, '').replace(/^cache_lookups_total/, ''));
}

describe('cache_lookups_total on /metrics', () => {
  let db: TestDatabase;
  const servers: RunningServer[] = [];

  async function inventoryWith(cache: ProductCache): Promise<RunningServer> {
    const server = await listenOnLoopback(createApp({ pool: db.pool, logger: pino({ level: 'silent' }), cache, flags: () => cacheOn }));
    servers.push(server);
    return server;
  }

  async function lookupSamples(server: RunningServer): Promise<string[]> {
    return cacheLookupSamples(await (await fetch(`${server.url}/metrics`)).text()).sort();
  }

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 50 });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await db.drop();
  });

  it('counts each looked-up key by result, one series per result', async () => {
    const server = await inventoryWith(new MemoryProductCache(30));
    await requestJson(`${server.url}/products/SKU-0000001?view=pricing`); // 1 miss
    await requestJson(`${server.url}/products/SKU-0000001?view=pricing`); // 1 hit
    // 1 hit, 2 misses
    await requestJson(`${server.url}/products/lookup`, { body: { skus: ['SKU-0000001', 'SKU-0000002', 'SKU-0000003'] } });
    expect(await lookupSamples(server)).toEqual(['{result="hit",service="inventory"} 2', '{result="miss",service="inventory"} 3']);
  });

  it('counts every key of a failed cache read as an error', async () => {
    const server = await inventoryWith(new UnreadableCache(30));
    await requestJson(`${server.url}/products/lookup`, { body: { skus: ['SKU-0000004', 'SKU-0000005', 'SKU-0000006'] } });
    await requestJson(`${server.url}/products/SKU-0000004?view=pricing`);
    expect(await lookupSamples(server)).toEqual(['{result="error",service="inventory"} 4']);
  });
});
