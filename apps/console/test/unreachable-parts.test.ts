import pino from 'pino';
import { createPool, type Pool } from '@tracecart/db';
import { IndexReconciler } from '@tracecart/flags';
import { listenOnLoopback, requestJson, type RunningServer } from '@tracecart/testkit';
import { createApp } from '../src/app';
import { DEFAULT_CONSOLE_CONFIG, readConsoleConfig } from '../src/config';
import { readEventsUntil } from './support/read-events';

const TOKEN = 'a-long-enough-admin-token';

/** A loopback port nothing listens on: one we held a moment ago. */
async function closedPortUrl(): Promise<string> {
  const server = await listenOnLoopback((_req, res) => res.end());
  await server.close();
  return server.url;
}

describe('console routes when Jaeger or the gateway cannot be reached', () => {
  let pool: Pool;
  let app: RunningServer;
  let guarded: RunningServer;

  beforeAll(async () => {
    // Never queried here: these routes do not touch the database.
    pool = createPool('postgres://postgres@127.0.0.1:5432/postgres', { applicationName: 'console-test', max: 1 });
    const down = await closedPortUrl();
    const deps = { pool, logger: pino({ level: 'silent' }), reconciler: new IndexReconciler(pool, () => undefined) };
    const config = { JAEGER_QUERY_URL: down, GATEWAY_URL: down };
    app = await listenOnLoopback(createApp({ ...deps, config }));
    guarded = await listenOnLoopback(createApp({ ...deps, config: { ...config, LAB_ADMIN_TOKEN: TOKEN } }));
  });
  afterAll(async () => {
    await app.close();
    await guarded.close();
    await pool.end();
  });

  it.each([
    ['GET', '/api/services', undefined],
    ['GET', '/api/traces', undefined],
    ['GET', `/api/traces/${'ab'.repeat(16)}`, undefined],
    ['GET', `/api/diagnose/${'ab'.repeat(16)}`, undefined],
    ['POST', '/api/compare', { before: ['ab'], after: { attributes: { 'lab.fix.index': true } } }],
  ])('%s %s is 503 dependency_unavailable naming the trace backend', async (method, path, body) => {
    const res = await requestJson(`${app.url}${path}`, { method, body });
    expect([res.status, res.body.error.code]).toEqual([503, 'dependency_unavailable']);
    expect(res.body.error.message).toMatch(/^the trace backend at http:\/\/127\.0\.0\.1:\d+ did not answer/);
  });

  it('a checkout with the gateway down is 503 dependency_unavailable', async () => {
    const res = await requestJson(`${app.url}/api/checkout`, { body: { customerId: 'c-1', items: [{ sku: 'SKU-0000001', quantity: 1 }] } });
    expect([res.status, res.body.error.code]).toEqual([503, 'dependency_unavailable']);
    expect(res.body.error.message).toContain('the gateway at');
  });

  it('aims loads at the configured gateway even by host name (compose), counting what fails', async () => {
    const named = await listenOnLoopback(createApp({ pool, logger: pino({ level: 'silent' }), reconciler: new IndexReconciler(pool, () => undefined), config: { GATEWAY_URL: 'http://gateway.invalid:8080' } }));
    try {
      expect((await requestJson(`${named.url}/api/lab`)).body.load.unavailable).toBeNull();
      const res = await requestJson(`${named.url}/api/load`, { body: { rate: 5, duration: '200ms' } });
      expect(res.status).toBe(202);
      const events = await readEventsUntil(`${named.url}/api/load/events`, (e) => e.event === 'state' && e.data.status !== 'running');
      const report = events[events.length - 1].data.report;
      expect(report.target).toBe('http://gateway.invalid:8080');
      expect(report.counts.failed).toBe(report.counts.scheduled);
    } finally {
      await named.close();
    }
  });

  it('writes need the admin token when one is set; reads (and comparisons) stay open', async () => {
    for (const [method, path] of [['POST', '/api/checkout'], ['POST', '/api/load'], ['DELETE', '/api/load'], ['PUT', '/api/flags/fix.cache']]) {
      const res = await requestJson(`${guarded.url}${path}`, { method, body: {} });
      expect([path, res.status, res.body.error.code]).toEqual([path, 401, 'unauthorized']);
    }
    expect((await requestJson(`${guarded.url}/api/load`)).status).toBe(200);
    // A comparison only reads, though it is a POST: it reaches the (unreachable) backend instead.
    const compare = await requestJson(`${guarded.url}/api/compare`, { body: { before: ['ab'], after: ['cd'] } });
    expect(compare.status).toBe(503);
    const lab = await requestJson(`${guarded.url}/api/lab`);
    expect(lab.body).toMatchObject({ adminTokenRequired: true, cacheBackend: null, load: { maxRate: 500, maxDurationMs: 300_000 } });
  });

  it('reads the Jaeger UI and cache settings from the environment', () => {
    expect(readConsoleConfig({ JAEGER_QUERY_URL: 'http://127.0.0.1:9999/' })).toMatchObject({ JAEGER_QUERY_URL: 'http://127.0.0.1:9999', JAEGER_UI_URL: 'http://127.0.0.1:9999' });
    expect(readConsoleConfig({ JAEGER_UI_URL: 'none', CACHE_BACKEND: 'memory' })).toMatchObject({ JAEGER_UI_URL: null, CACHE_BACKEND: 'memory' });
    expect(() => readConsoleConfig({ JAEGER_UI_URL: 'jaeger' })).toThrow(/JAEGER_UI_URL/);
    expect(() => readConsoleConfig({ GATEWAY_URL: 'ftp://x' })).toThrow(/GATEWAY_URL/);
    expect(() => readConsoleConfig({ HOST: '0.0.0.0' })).toThrow(/LAB_ADMIN_TOKEN: is required when HOST is not a loopback address/);
  });

  it('has one set of defaults, frozen: the lab on loopback', () => {
    expect(DEFAULT_CONSOLE_CONFIG).toEqual({
      PORT: 8088,
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tracecart',
      JAEGER_QUERY_URL: 'http://127.0.0.1:16686',
      JAEGER_UI_URL: 'http://127.0.0.1:16686',
      GATEWAY_URL: 'http://127.0.0.1:8080',
      INVENTORY_URL: 'http://127.0.0.1:8082',
      FULFILMENT_URL: 'http://127.0.0.1:8083',
      CATALOG_SIZE: 1_000_000,
    });
    expect(Object.isFrozen(DEFAULT_CONSOLE_CONFIG)).toBe(true);
    expect(Object.isFrozen(readConsoleConfig({ PORT: '9000' }))).toBe(true);
  });
});
