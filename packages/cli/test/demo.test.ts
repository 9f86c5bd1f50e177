// `lab demo` end to end, as a person runs it. It uses the fixed DESIGN ports, so the tests here
// run one after another, and test files that start it take turns (support/design-ports-lock).
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createPool, dropDatabase } from '@tracecart/db';
import { isProcessAlive, scratchDatabaseUrl } from '@tracecart/testkit';
import { lockDesignPorts } from './support/design-ports-lock';
import { commandLine, descendants, DESIGN_PORTS, expectNothingLeft, killLaunchedDemos, launchDemo, placeCheckout, waitForFulfilled, waitForOutput } from './support/demo-process';

const E2E_TIMEOUT_MS = 180_000;

type TraceBody = { result: { resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> } }> } };

async function servicesInTrace(traceId: string): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  let services: string[] = [];
  while (Date.now() < deadline) {
    const response = await fetch(`http://127.0.0.1:16686/api/v3/traces/${traceId}`);
    if (response.status === 200) {
      const body = (await response.json()) as TraceBody;
      services = body.result.resourceSpans.map((rs) => rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '');
      if (['gateway', 'order', 'inventory'].every((s) => services.includes(s))) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return [...new Set(services)].sort();
}

/** Starts the demo, waits for "ready", checks a checkout's trace spans the three services and fulfilment ships it. */
async function startAndCheckout(args: string[], env: Record<string, string | undefined>) {
  const demo = launchDemo(args, env);
  await waitForOutput(demo, /\| ready in \d/);
  const pgPort = Number(demo.stdout.join('\n').match(/postgres:\/\/[^@\s]+@127\.0\.0\.1:(\d+)\//)?.[1]);
  const pids = descendants(demo.child.pid!);
  const traceId = await placeCheckout();
  expect(await servicesInTrace(traceId)).toEqual(expect.arrayContaining(['gateway', 'inventory', 'order']));
  // The asynchronous half: fulfilment consumed the order and the carrier labelled it.
  expect(await waitForFulfilled(1)).toBe(1);
  return { demo, pgPort, pids };
}

async function expectOneLineFailure(env: Record<string, string | undefined>, message: RegExp, args: string[] = []): Promise<void> {
  const demo = launchDemo(args, env);
  expect(await demo.exited).toBe(1);
  expect(demo.stderr).toHaveLength(1);
  expect(demo.stderr[0]).toMatch(message);
}

describe('lab demo', () => {
  let dataDir: string;
  let releasePorts: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    releasePorts = await lockDesignPorts(600_000);
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lab-demo-test-'));
  }, 610_000);
  afterEach(() => killLaunchedDemos());
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
    await releasePorts();
  });

  it(
    'runs on embedded PostgreSQL, traces a checkout across the services, and Ctrl-C leaves no process, port or (with --keep-data) lost data',
    async () => {
      const { demo, pgPort, pids } = await startAndCheckout(['--keep-data'], { DATABASE_URL: undefined, LAB_DATA_DIR: dataDir });
      expect(demo.stdout.join('\n')).toMatch(/seeding the catalog 2,000 \/ 2,000 \(100%\)/);
      expect(pgPort).toBeGreaterThan(0);
      expect(pids.filter((pid) => commandLine(pid).includes('bin/postgres')).length).toBeGreaterThan(0);
      // The tracestore runs as a process like the apps, but untraced: a trace backend must not trace itself.
      const tracestores = pids.map(commandLine).filter((line) => line.includes(`tracestore${path.sep}dist${path.sep}main.js`));
      expect(tracestores).toHaveLength(1);
      expect(tracestores[0]).not.toContain('@tracecart/tracing/register');
      expect(pids.map(commandLine).find((line) => line.includes(`gateway${path.sep}dist${path.sep}main.js`))).toContain('@tracecart/tracing/register');
      // The carrier stub is the fulfilment package's second entry, traced like the apps.
      const carriers = pids.map(commandLine).filter((line) => line.includes(`fulfilment${path.sep}dist${path.sep}carrier-main.js`));
      expect(carriers).toHaveLength(1);
      expect(carriers[0]).toContain('@tracecart/tracing/register');
      expect(demo.stdout).toContainEqual(expect.stringMatching(/\| +fulfilment +http:\/\/127\.0\.0\.1:8083 /));
      expect(demo.stdout).toContainEqual(expect.stringMatching(/\| +carrier +http:\/\/127\.0\.0\.1:8084 /));
      demo.child.kill('SIGINT');
      expect(await demo.exited).toBe(0);
      expect(demo.stderr).toEqual([]);
      await expectNothingLeft(pids, [...DESIGN_PORTS, pgPort]);
      expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'reuses a kept database without seeding, restarts the tracestore when it dies (traces arrive again), and Ctrl-C then removes the data',
    async () => {
      const { demo, pids } = await startAndCheckout([], { DATABASE_URL: undefined, LAB_DATA_DIR: dataDir });
      expect(demo.stdout.join('\n')).toMatch(/reusing the database[\s\S]*seed skipped/);
      const tracestore = pids.find((pid) => commandLine(pid).includes(`tracestore${path.sep}dist${path.sep}main.js`));
      expect(tracestore).toBeDefined();
      process.kill(tracestore!, 'SIGKILL');
      await waitForOutput(demo, /\| tracestore exited \(signal SIGKILL\); restarting in 0\.5 s \(restart 1\)$/);
      await waitForOutput(demo, /\| tracestore is up again \(pid \d+\)$/);
      expect(await servicesInTrace(await placeCheckout())).toEqual(expect.arrayContaining(['gateway', 'inventory', 'order']));
      const restarted = descendants(demo.child.pid!);
      demo.child.kill('SIGINT');
      expect(await demo.exited).toBe(0);
      expect(demo.stderr).toEqual([]);
      await expectNothingLeft([...pids, ...restarted], DESIGN_PORTS);
      expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'uses the Postgres that DATABASE_URL names (creating, migrating and seeding its database) and says so when Redis is not there',
    async () => {
      const databaseUrl = scratchDatabaseUrl();
      try {
        const { demo, pids } = await startAndCheckout([], { DATABASE_URL: databaseUrl, LAB_DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1' });
        expect(demo.stdout.join('\n')).toContain('(from DATABASE_URL)');
        expect(demo.stdout).toContain('lab        | Redis not reachable: using an in-process cache (not Redis)');
        const inventory = pids.find((pid) => commandLine(pid).includes(`inventory${path.sep}dist${path.sep}main.js`));
        expect(readFileSync(`/proc/${inventory}/environ`, 'utf8').split('\0')).toContain('CACHE_BACKEND=memory');
        demo.child.kill('SIGTERM');
        expect(await demo.exited).toBe(0);
        await expectNothingLeft(pids, DESIGN_PORTS);
        const pool = createPool(databaseUrl, { applicationName: 'demo-test', max: 1 });
        const { rows } = await pool.query(
          'SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM shipments)::int AS shipments',
        );
        await pool.end();
        expect(rows[0]).toEqual({ products: 2000, orders: 1, shipments: 1 });
      } finally {
        await dropDatabase(databaseUrl);
      }
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'after a demo is killed (SIGKILL), the next one removes its data folder and stops the PostgreSQL it left running',
    async () => {
      const killed = launchDemo([], { DATABASE_URL: undefined, LAB_DATA_DIR: undefined });
      await waitForOutput(killed, /\| ready in \d/);
      // "data in <folder>/postgres (removed on exit)": the folder the run made for itself.
      const cluster = (await waitForOutput(killed, /data in (\S+) \(removed on exit\)/))[1];
      const folder = path.dirname(cluster);
      const pids = descendants(killed.child.pid!);
      const server = pids.find((pid) => commandLine(pid).includes('bin/postgres') && commandLine(pid).includes(cluster));
      expect(server).toBeDefined();
      killed.child.kill('SIGKILL');
      await killed.exited;
      // The services stop with their launcher; PostgreSQL does not, and its folder stays.
      await expectNothingLeft(pids.filter((pid) => pid !== server && !commandLine(pid).includes('postgres')), DESIGN_PORTS);
      expect(isProcessAlive(server!)).toBe(true);
      expect(existsSync(folder)).toBe(true);

      const next = launchDemo([], { DATABASE_URL: undefined, LAB_DATA_DIR: undefined });
      await waitForOutput(next, /\| ready in \d/);
      expect(next.stdout.join('\n')).toContain(`removed the data folder of a demo that was killed: ${folder}; stopped the PostgreSQL it left running (pid ${server})`);
      expect(isProcessAlive(server!)).toBe(false);
      expect(existsSync(folder)).toBe(false);
      const nextPids = descendants(next.child.pid!);
      next.child.kill('SIGINT');
      expect(await next.exited).toBe(0);
      await expectNothingLeft(nextPids, DESIGN_PORTS);
    },
    E2E_TIMEOUT_MS,
  );

  it('stops with one line naming a port that is taken and who wanted it', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(8080, '127.0.0.1', resolve));
    try {
      await expectOneLineFailure({ LAB_DATA_DIR: dataDir }, /^lab: port 8080 \(gateway\) is already in use$/);
      await expectNothingLeft([], DESIGN_PORTS.filter((port) => port !== 8080));
      expect(existsSync(path.join(dataDir, 'postgres'))).toBe(false);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('stops with one line naming an invalid CATALOG_SIZE or --catalog-size', async () => {
    await expectOneLineFailure({ CATALOG_SIZE: 'huge' }, /^lab: CATALOG_SIZE must be an integer from 1 to 9999999, got "huge"$/);
    // A value starting with a dash goes inline (node:util parseArgs takes "--catalog-size -3" for a missing value).
    await expectOneLineFailure({}, /^lab: --catalog-size must be an integer/, ['--catalog-size=-3']);
  });

  it('stops with one line when DATABASE_URL is set but unreachable', async () => {
    await expectOneLineFailure({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' }, /^lab: DATABASE_URL postgres:\/\/postgres@127\.0\.0\.1:1\/x is unreachable/);
    await expectNothingLeft([], DESIGN_PORTS);
  });
});
