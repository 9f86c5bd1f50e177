// The per-pool metrics of real pools on the real Postgres: a service's own pool and a second one,
// each labelled with its name, their checkouts counted and timed on /metrics.
import pino from 'pino';
import { createPool, type MeasuredPool } from '@tracecart/db';
import { POOL_METRICS } from '@tracecart/contracts';
import { listenOnLoopback, type RunningServer } from '@tracecart/testkit';
import { createServiceApp, finishServiceApp } from '../src';

const url = `postgres://${process.env.PGUSER ?? 'postgres'}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}/postgres`;

// The value of the one sample `name{...pool="<pool>"...}`, or undefined when there is none.
function sampleValue(text: string, name: string, pool: string, extraLabel = ''): number | undefined {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) && l.includes(`pool="${pool}"`) && l.includes(extraLabel));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}

describe('a service app with measured pools', () => {
  let main: MeasuredPool;
  let report: MeasuredPool;
  let server: RunningServer;
  const scrape = async () => (await fetch(`${server.url}/metrics`)).text();

  beforeAll(async () => {
    main = createPool(url, { applicationName: 'kit-main', max: 2 });
    report = createPool(url, { applicationName: 'kit-report', max: 1 });
    const { app } = createServiceApp('svc', { pool: main, extraPools: [report] });
    server = await listenOnLoopback(finishServiceApp(app, pino({ level: 'silent' })));
  });
  afterAll(async () => {
    await server.close();
    await main.end();
    await report.end();
  });

  it('counts and times every checkout of each pool under its own name', async () => {
    // Three callers on two connections: one of them waits for a release.
    await Promise.all([1, 2, 3].map(() => main.query('SELECT pg_sleep(0.05)')));
    await report.query('SELECT 1');
    const text = await scrape();
    const { CONNECTION_WAIT_TIME, CONNECTION_USE_TIME } = POOL_METRICS;
    expect(sampleValue(text, `${CONNECTION_WAIT_TIME}_count`, 'kit-main')).toBe(3);
    expect(sampleValue(text, `${CONNECTION_USE_TIME}_count`, 'kit-main')).toBe(3);
    expect(sampleValue(text, `${CONNECTION_WAIT_TIME}_sum`, 'kit-main')).toBeGreaterThan(0);
    expect(sampleValue(text, `${CONNECTION_USE_TIME}_sum`, 'kit-main')).toBeGreaterThan(0);
    expect(sampleValue(text, `${CONNECTION_USE_TIME}_count`, 'kit-report')).toBe(1);
  });

  it('reads each pool\'s size, connections by state and waiting requests at scrape time', async () => {
    const held = await main.connect();
    const text = await scrape();
    held.release();
    expect(sampleValue(text, POOL_METRICS.CONNECTION_MAX, 'kit-main')).toBe(2);
    expect(sampleValue(text, POOL_METRICS.CONNECTION_MAX, 'kit-report')).toBe(1);
    expect(sampleValue(text, POOL_METRICS.CONNECTION_COUNT, 'kit-main', 'state="used"')).toBe(1);
    expect(sampleValue(text, POOL_METRICS.CONNECTION_COUNT, 'kit-report', 'state="used"')).toBe(0);
    expect(sampleValue(text, POOL_METRICS.CONNECTION_PENDING_REQUESTS, 'kit-main')).toBe(0);
  });

  it('gives a pool that does not time its checkouts no pool metrics', async () => {
    const { metrics } = createServiceApp('plain', { pool: { totalCount: 1, idleCount: 1, waitingCount: 0 } });
    expect(await metrics.registry.metrics()).not.toContain('db_client_connection');
  });
});
