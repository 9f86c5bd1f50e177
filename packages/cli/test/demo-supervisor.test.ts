// `lab demo` keeps its services running: inventory, killed with SIGKILL behind the demo's back,
// is restarted by the supervisor and serves checkouts again with no one touching the demo.
import { dropDatabase } from '@tracecart/db';
import { scratchDatabaseUrl } from '@tracecart/testkit';
import { lockDesignPorts } from './support/design-ports-lock';
import { descendants, DESIGN_PORTS, expectNothingLeft, killLaunchedDemos, launchDemo, placeCheckout, waitForOutput, type Demo } from './support/demo-process';

const E2E_TIMEOUT_MS = 180_000;
// Bounds the wait for the restart: the first backoff is 0.5 s, a start about a second.
const COME_BACK_TIMEOUT_MS = 30_000;

interface Status {
  name: string;
  state: string;
  restarts: number | null;
  pid: number | null;
  lastExit: string | null;
}

async function readStatuses(url: string): Promise<Status[]> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return ((await response.json()) as { services: Status[] }).services;
}

async function inventoryOf(url: string): Promise<Status> {
  const inventory = (await readStatuses(url)).find((service) => service.name === 'inventory');
  expect(inventory).toBeDefined();
  return inventory!;
}

async function answersReady(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).status === 200;
  } catch {
    return false; // not listening yet
  }
}

/** Polls until inventory runs as a new process and its /readyz answers; resolves with that status. */
async function waitForNewInventory(statusUrl: string, oldPid: number): Promise<Status> {
  const deadline = Date.now() + COME_BACK_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const inventory = await inventoryOf(statusUrl);
    if (inventory.state === 'up' && inventory.pid !== oldPid && (await answersReady('http://127.0.0.1:8082/readyz'))) return inventory;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`inventory did not come back within ${COME_BACK_TIMEOUT_MS / 1000} s: ${JSON.stringify(await inventoryOf(statusUrl))}`);
}

describe('lab demo supervises its services', () => {
  let releasePorts: () => Promise<void> = async () => undefined;
  const databaseUrl = scratchDatabaseUrl();
  beforeAll(async () => {
    releasePorts = await lockDesignPorts(600_000);
  }, 610_000);
  afterEach(() => killLaunchedDemos());
  afterAll(async () => {
    await dropDatabase(databaseUrl);
    await releasePorts();
  });

  async function startDemo(): Promise<{ demo: Demo; statusUrl: string }> {
    const demo = launchDemo([], { DATABASE_URL: databaseUrl });
    await waitForOutput(demo, /\| ready in \d/);
    const [, statusUrl] = await waitForOutput(demo, /service states +(http:\/\/127\.0\.0\.1:\d+\/\S+)/);
    return { demo, statusUrl };
  }

  it(
    'restarts inventory after a SIGKILL, counts the restart, and checkouts succeed again without touching the demo',
    async () => {
      const { demo, statusUrl } = await startDemo();
      const before = await readStatuses(statusUrl);
      expect(before.map((s) => [s.name, s.state, s.restarts])).toEqual(
        ['tracestore', 'inventory', 'order', 'gateway', 'carrier', 'fulfilment', 'console'].map((name) => [name, 'up', 0]),
      );
      const pids = descendants(demo.child.pid!);
      const killed = (await inventoryOf(statusUrl)).pid!;
      expect(pids).toContain(killed);

      const killedAt = Date.now();
      process.kill(killed, 'SIGKILL');
      const back = await waitForNewInventory(statusUrl, killed);
      // A figure for the reader, not an assertion: how long inventory was gone.
      console.log(`inventory answered /readyz again ${Date.now() - killedAt} ms after its SIGKILL`);

      expect(back).toMatchObject({ state: 'up', restarts: 1, lastExit: 'signal SIGKILL' });
      expect(demo.stdout).toContainEqual(expect.stringMatching(/\| inventory exited \(signal SIGKILL\); restarting in 0\.5 s \(restart 1\)$/));
      expect((await readStatuses(statusUrl)).filter((s) => s.name !== 'inventory').map((s) => s.restarts)).toEqual([0, 0, 0, 0, 0, 0]);
      expect(await placeCheckout()).toMatch(/^[0-9a-f]{32}$/);
      // The console tells the page the same, from the supervisor.
      const viaConsole = (await (await fetch('http://127.0.0.1:8088/api/lab/services')).json()) as { source: string; services: Status[] };
      expect(viaConsole.source).toBe('supervisor');
      expect(viaConsole.services.find((s) => s.name === 'inventory')).toMatchObject({ state: 'up', restarts: 1, pid: back.pid });

      const restarted = descendants(demo.child.pid!);
      demo.child.kill('SIGINT');
      expect(await demo.exited).toBe(0);
      expect(demo.stderr).toEqual([]);
      expect(demo.stdout.filter((line) => / exited \(/.test(line))).toHaveLength(1); // stopping restarts nothing
      await expectNothingLeft([...pids, ...restarted], DESIGN_PORTS);
    },
    E2E_TIMEOUT_MS,
  );
});
