import { createPool, migrate, seedCatalog, type Pool } from '@tracecart/db';
import {
  isProcessAlive,
  requestJson,
  startDelayProxy,
  startOtlpReceiver,
  startPrivatePostgres,
  startServiceProcess,
  type JsonResponse,
  type OtlpReceiver,
  type PrivatePostgres,
  type RunningServer,
  type ServiceProcess,
  waitUntil,
} from '@tracecart/testkit';

const CATALOG_SIZE = 500;
// Long enough for a restart to finish while order waits on inventory with its transaction open.
const RESERVATION_HOLD_MS = 4000;
// Bounds of each load run: it stops itself at whichever comes first.
const LOAD_MAX_REQUESTS = 400;
const LOAD_MAX_MS = 45_000;
const LOAD_WORKERS = 3;
const SUCCESSES_EACH_SIDE = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const unavailableBody = {
  error: { code: 'dependency_unavailable', message: expect.any(String), traceId: expect.stringMatching(/^[0-9a-f]{32}$/) },
};

describe('a database restart under the services (private PostgreSQL)', () => {
  let pg: PrivatePostgres;
  let pool: Pool;
  let receiver: OtlpReceiver;
  let proxy: RunningServer;
  const services: ServiceProcess[] = [];
  let order: ServiceProcess;
  let gateway: ServiceProcess;
  // While set, the proxy holds order's reservation call back: order then waits with its transaction open.
  const hold = { reservations: false };
  let customer = 0;

  const checkout = (sku = 1 + (customer % CATALOG_SIZE)) =>
    requestJson(`${gateway.url}/api/checkout`, { body: { customerId: `c-${customer++}`, items: [{ sku: `SKU-${String(sku).padStart(7, '0')}`, quantity: 1 }] } });

  beforeAll(async () => {
    pg = await startPrivatePostgres();
    pool = createPool(pg.url, { applicationName: 'db-outage-test', max: 2 });
    await migrate(pool);
    await seedCatalog(pool, CATALOG_SIZE);
    receiver = await startOtlpReceiver();
    const env = { DATABASE_URL: pg.url, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, CACHE_BACKEND: 'memory' };
    const inventory = await startServiceProcess('inventory', env);
    services.push(inventory);
    proxy = await startDelayProxy(inventory.url, {
      match: (req) => hold.reservations && req.method === 'POST' && req.url === '/reservations',
      beforeForwardMs: RESERVATION_HOLD_MS,
    });
    order = await startServiceProcess('order', { ...env, INVENTORY_URL: proxy.url });
    services.push(order);
    gateway = await startServiceProcess('gateway', { ...env, ORDER_URL: order.url, INVENTORY_URL: inventory.url });
    services.push(gateway);
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await proxy?.close();
    await receiver?.close();
    await pool?.end();
    await pg?.destroy();
  });

  async function orderHoldsOpenTransaction(): Promise<boolean> {
    const { rows } = await pool.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'order' AND state = 'idle in transaction'`);
    return rows.length > 0;
  }

  it('order survives the server ending the connection of a client it holds in an open transaction, and answers 503', async () => {
    hold.reservations = true;
    // Straight to order: the gateway would retry a 503 and hide it.
    const pending = requestJson(`${order.url}/orders`, { body: { customerId: 'c-held', items: [{ sku: 'SKU-0000042', quantity: 1 }] } });
    await waitUntil('order to hold a transaction open', orderHoldsOpenTransaction);
    await pg.restart(); // fast shutdown: the held backend gets 57P01 while order waits on inventory
    hold.reservations = false;
    const answer = await pending;
    expect([answer.status, answer.body]).toEqual([503, unavailableBody]);
    expect(isProcessAlive(order.pid)).toBe(true);
    expect((await requestJson(`${order.url}/healthz`)).status).toBe(200);
    const after = await checkout();
    expect(after.status).toBe(201);
    expect((await pool.query('SELECT count(*)::int AS n FROM orders WHERE id = $1', [after.body.orderId])).rows[0].n).toBe(1);
  });

  /** Runs checkouts from a few workers until `until` says stop or a bound is hit; every answer is kept. */
  function runLoad(until: (answers: JsonResponse[]) => boolean): { answers: JsonResponse[]; done: Promise<void>; stop(): void } {
    const answers: JsonResponse[] = [];
    const started = Date.now();
    let stopped = false;
    const more = () => !stopped && !until(answers) && answers.length < LOAD_MAX_REQUESTS && Date.now() - started < LOAD_MAX_MS;
    const worker = async () => {
      while (more()) {
        const answer = await checkout();
        answers.push(answer);
        // Like a client that backs off: an outage must not use up the request budget in a spin.
        if (answer.status !== 201) await sleep(100);
      }
    };
    const done = Promise.all(Array.from({ length: LOAD_WORKERS }, worker)).then(() => undefined);
    return { answers, done, stop: () => (stopped = true) };
  }

  const successes = (answers: JsonResponse[], from = 0) => answers.slice(from).filter((a) => a.status === 201).length;

  it.each([
    ['a restart (fast shutdown)', (server: PrivatePostgres) => server.stop()],
    ['a crash (SIGKILL to the server and its backends)', (server: PrivatePostgres) => server.kill()],
  ])('under load, %s gives only 201 or 503 dependency_unavailable, and checkouts succeed again', async (_what, interrupt) => {
    let mark = Number.POSITIVE_INFINITY;
    const load = runLoad((answers) => successes(answers, mark) >= SUCCESSES_EACH_SIDE);
    await waitUntil('checkouts before the outage', async () => successes(load.answers) >= SUCCESSES_EACH_SIDE, LOAD_MAX_MS);
    await interrupt(pg);
    // While the server is down every checkout must fail the same way: refused connections.
    const whileDown = await Promise.all([checkout(), checkout()]);
    await pg.start();
    mark = load.answers.length;
    await load.done;
    load.stop();

    const statuses = new Set(load.answers.map((a) => a.status));
    expect([...statuses].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    for (const answer of [...load.answers.filter((a) => a.status === 503), ...whileDown]) {
      expect([answer.status, answer.body]).toEqual([503, unavailableBody]);
    }
    expect(successes(load.answers, mark)).toBeGreaterThanOrEqual(SUCCESSES_EACH_SIDE);
    expect(isProcessAlive(order.pid) && isProcessAlive(gateway.pid) && isProcessAlive(services[0].pid)).toBe(true);
  });
});
