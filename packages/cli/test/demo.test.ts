// `lab demo` end to end, as a person runs it. It uses the fixed DESIGN ports, so every test that
// starts it lives in this one file and runs one after another.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createPool, dropDatabase } from '@tracecart/db';
import { isProcessAlive, scratchDatabaseUrl } from '@tracecart/testkit';

const CLI_MAIN = path.join(__dirname, '..', 'dist', 'main.js');
const DESIGN_PORTS = [8080, 8081, 8082, 8088, 4317, 4318, 16686];
const CHECKOUT = { customerId: 'c-1', items: [{ sku: 'SKU-0000042', quantity: 1 }] };
const E2E_TIMEOUT_MS = 180_000;

interface Demo {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

const launched: Demo[] = [];

function launchDemo(args: string[], env: Record<string, string | undefined>): Demo {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CATALOG_SIZE: '2000', ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [CLI_MAIN, 'demo', ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const demo: Demo = { child, stdout: [], stderr: [], exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  createInterface({ input: child.stdout! }).on('line', (line) => demo.stdout.push(line));
  createInterface({ input: child.stderr! }).on('line', (line) => demo.stderr.push(line));
  launched.push(demo);
  return demo;
}

async function waitForOutput(demo: Demo, pattern: RegExp, timeoutMs = 90_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = demo.stdout.map((line) => line.match(pattern)).find(Boolean);
    if (match) return match;
    if (demo.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`no line matching ${pattern}; stdout:\n${demo.stdout.join('\n')}\nstderr:\n${demo.stderr.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every process below `root`, from /proc (children, their children, ...). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      continue; // it exited while we looked
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function placeCheckout(): Promise<string> {
  const response = await fetch('http://127.0.0.1:8080/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(CHECKOUT),
  });
  const body = (await response.json()) as { traceId: string };
  expect(response.status).toBe(201);
  return body.traceId;
}

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

async function expectNothingLeft(pids: number[], ports: number[]): Promise<void> {
  // Give the kernel a moment to finish reaping grandchildren reparented on the launcher's exit.
  for (let i = 0; i < 20 && pids.some(isProcessAlive); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(pids.filter(isProcessAlive).map((pid) => `${pid} ${commandLine(pid)}`)).toEqual([]);
  const listening = [];
  for (const port of ports) if (await isListening(port)) listening.push(port);
  expect(listening).toEqual([]);
}

/** Starts the demo, waits for "ready", checks a checkout's trace spans the three services. */
async function startAndCheckout(args: string[], env: Record<string, string | undefined>) {
  const demo = launchDemo(args, env);
  await waitForOutput(demo, /\| ready in \d/);
  const pgPort = Number(demo.stdout.join('\n').match(/postgres:\/\/[^@\s]+@127\.0\.0\.1:(\d+)\//)?.[1]);
  const pids = descendants(demo.child.pid!);
  const traceId = await placeCheckout();
  expect(await servicesInTrace(traceId)).toEqual(expect.arrayContaining(['gateway', 'inventory', 'order']));
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
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lab-demo-test-'));
  });
  afterEach(async () => {
    // A failed test must not leave a demo holding the DESIGN ports for the next one.
    for (const demo of launched.splice(0)) {
      if (demo.child.exitCode !== null || demo.child.signalCode !== null) continue;
      const pids = descendants(demo.child.pid!);
      demo.child.kill('SIGKILL');
      for (const pid of pids) if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
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
      demo.child.kill('SIGINT');
      expect(await demo.exited).toBe(0);
      expect(demo.stderr).toEqual([]);
      await expectNothingLeft(pids, [...DESIGN_PORTS, pgPort]);
      expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'reuses a kept database without seeding, stops everything with exit 1 when a service dies, then removes the data',
    async () => {
      const demo = launchDemo([], { DATABASE_URL: undefined, LAB_DATA_DIR: dataDir });
      await waitForOutput(demo, /\| ready in \d/);
      expect(demo.stdout.join('\n')).toMatch(/reusing the database[\s\S]*seed skipped/);
      const pids = descendants(demo.child.pid!);
      const gateway = pids.find((pid) => commandLine(pid).includes(`gateway${path.sep}dist${path.sep}main.js`));
      expect(gateway).toBeDefined();
      process.kill(gateway!, 'SIGKILL');
      expect(await demo.exited).toBe(1);
      expect(demo.stderr).toEqual(['lab: gateway exited unexpectedly (signal SIGKILL)']);
      await expectNothingLeft(pids, DESIGN_PORTS);
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
        const { rows } = await pool.query('SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM orders)::int AS orders');
        await pool.end();
        expect(rows[0]).toEqual({ products: 2000, orders: 1 });
      } finally {
        await dropDatabase(databaseUrl);
      }
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
