// The stock dashboard behind problem.pool, on a real catalog: with the switch on, its reports take
// the connections of the pool they share (and inventory's /metrics shows it: every connection
// used, requests waiting); with fix.pool they move to a pool of their own; with the switch off
// they stop, and stop() waits for the last one.
import pino from 'pino';
import { POOL_METRICS } from '@tracecart/contracts';
import { createPool } from '@tracecart/db';
import { DEFAULT_FLAGS, type FlagValues } from '@tracecart/flags';
import { createTestDatabase, listenOnLoopback, waitUntil, type RunningServer, type TestDatabase } from '@tracecart/testkit';
import type { Pool } from 'pg';
import { createApp } from '../src/app';
import { StockDashboard } from '../src/stock-report/dashboard';
import { runStockReport } from '../src/stock-report/report';

const CATALOG_SIZE = 50_000;
const SHARED_POOL_MAX = 2;
const SHARED_POOL_NAME = 'inventory-test';

// The shared pool's connections in use, or its requests waiting for one, from the service's /metrics.
async function poolGauge(server: RunningServer, state: 'used' | 'waiting'): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const [name, label] = state === 'used' ? [POOL_METRICS.CONNECTION_COUNT, 'state="used"'] : [POOL_METRICS.CONNECTION_PENDING_REQUESTS, ''];
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(`pool="${SHARED_POOL_NAME}"`) && l.includes(label));
  return Number(line?.split(' ').at(-1));
}

const inUse = (pool: Pool) => pool.totalCount - pool.idleCount;

describe('the stock dashboard (problem.pool, fix.pool)', () => {
  let db: TestDatabase;
  let shared: Pool;
  let reportPool: Pool;
  let server: RunningServer;
  let dashboard: StockDashboard;
  let flags: FlagValues = DEFAULT_FLAGS;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: CATALOG_SIZE });
    shared = createPool(db.url, { applicationName: SHARED_POOL_NAME, max: SHARED_POOL_MAX });
    reportPool = createPool(db.url, { applicationName: 'inventory-test-report', max: 1 });
    server = await listenOnLoopback(createApp({ pool: shared, logger: pino({ level: 'silent' }), flags: () => flags }));
    dashboard = new StockDashboard({ flags: () => flags, sharedPool: shared, reportPool, viewers: SHARED_POOL_MAX, intervalMs: 20, logger: pino({ level: 'silent' }) });
    dashboard.start();
  }, 60_000);

  afterAll(async () => {
    await dashboard?.stop();
    await server?.close();
    await shared?.end();
    await reportPool?.end();
    await db?.drop();
  });

  it('aggregates the whole catalog by price band', async () => {
    const bands = await runStockReport(shared);
    expect(bands.reduce((n, b) => n + b.products, 0)).toBe(CATALOG_SIZE);
    expect(bands.every((b) => b.onHand === b.products * 1000 && b.medianOnHand === 1000)).toBe(true);
  });

  it('holds every shared connection with problem.pool on, so other work waits', async () => {
    flags = { ...DEFAULT_FLAGS, 'problem.pool': true };
    await waitUntil('requests waiting for a shared connection the reports hold', async () => {
      // Work of the kind checkouts do, asked for while the reports run.
      const lookups = Array.from({ length: 2 }, () => shared.query('SELECT 1'));
      const [used, waiting] = [await poolGauge(server, 'used'), await poolGauge(server, 'waiting')];
      await Promise.all(lookups);
      return used === SHARED_POOL_MAX && waiting > 0;
    });
    expect(reportPool.totalCount).toBe(0);
  });

  it('runs the reports on their own pool with fix.pool on, leaving the shared one free', async () => {
    flags = { ...DEFAULT_FLAGS, 'problem.pool': true, 'fix.pool': true };
    await waitUntil('a report on the report pool', () => inUse(reportPool) === 1);
    await waitUntil('no report left on the shared pool', async () => (await poolGauge(server, 'used')) === 0);
  });

  it('stops when the switch goes off', async () => {
    flags = DEFAULT_FLAGS;
    await waitUntil('no report running', () => inUse(reportPool) === 0 && inUse(shared) === 0);
    const stopped = dashboard.stop();
    await expect(stopped).resolves.toBeUndefined();
  });
});
