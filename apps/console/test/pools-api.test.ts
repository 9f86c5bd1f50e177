// GET /api/lab/pools: Little's Law for inventory's pools, from inventory's real /metrics while
// checkouts run through the real lab; and a clear `unavailable` when inventory cannot be reached.
import pino from 'pino';
import { createPool, type Pool } from '@tracecart/db';
import { IndexReconciler } from '@tracecart/flags';
import { listenOnLoopback, requestJson, type RunningServer } from '@tracecart/testkit';
import type { LabPools, PoolView } from '../src/api-types';
import { createApp } from '../src/app';
import { startConsoleLab, type ConsoleLab } from './support/console-lab';
import { checkoutThroughConsole } from './support/lab-traffic';
import { waitFor } from './support/wait-for';

const readPools = async (consoleUrl: string) => {
  const answer = await requestJson<LabPools>(`${consoleUrl}/api/lab/pools`);
  expect(answer.status).toBe(200);
  return answer.body;
};

describe('GET /api/lab/pools on a running lab', () => {
  let lab: ConsoleLab;
  beforeAll(async () => {
    lab = await startConsoleLab({ catalogSize: 50 });
  }, 90_000);
  afterAll(() => lab?.stop());

  it("reports inventory's pool with checkouts per second and time in the pool once checkouts run", async () => {
    // The first ask starts the sampling.
    const first = await readPools(lab.console.url);
    expect(first.unavailable).toBeNull();
    expect(first.pools.map((p) => p.name)).toEqual(['inventory', 'inventory-report']);
    const pool = await waitFor('checkouts to show in the pool figures', async () => {
      await checkoutThroughConsole(lab.console.url, ['SKU-0000001', 'SKU-0000002']);
      const inventory = (await readPools(lab.console.url)).pools.find((p) => p.name === 'inventory');
      return inventory && inventory.arrivalsPerSecond > 0 && (inventory.meanTimeMs ?? 0) > 0 ? inventory : undefined;
    });
    expect(pool.max).toBeGreaterThan(0);
    expect(pool.meanUseMs).toBeGreaterThan(0);
    expect(pool.littleEstimate).toBeGreaterThan(0);
    expect(pool.inFlight.total).toBeGreaterThanOrEqual(0);
  }, 30_000);

  it('shows the report pool unused while problem.pool is off', async () => {
    const report = (await readPools(lab.console.url)).pools.find((p) => p.name === 'inventory-report') as PoolView;
    expect(report.max).toBe(1);
    expect(report.arrivalsPerSecond).toBe(0);
    expect(report.meanTimeMs).toBeNull();
  });
});

describe('GET /api/lab/pools without inventory', () => {
  let pool: Pool;
  let server: RunningServer;
  let down: string;
  beforeAll(async () => {
    // Never queried by this route.
    pool = createPool('postgres://postgres@127.0.0.1:5432/postgres', { applicationName: 'console-test', max: 1 });
    // A loopback port nothing listens on: one held a moment ago.
    const closed = await listenOnLoopback((_req, res) => res.end());
    await closed.close();
    down = closed.url;
    const deps = { pool, logger: pino({ level: 'silent' }), reconciler: new IndexReconciler(pool, () => undefined) };
    server = await listenOnLoopback(createApp({ ...deps, config: { INVENTORY_URL: down } }));
  });
  afterAll(async () => {
    await server.close();
    await pool.end();
  });

  it('answers 200 with the reason, not an error', async () => {
    const answer = await readPools(server.url);
    expect(answer.unavailable).toContain(`inventory at ${down} did not answer`);
    expect(answer.pools).toEqual([]);
  });
});
