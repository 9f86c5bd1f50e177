// GET /api/lab/services: from the demo's supervisor when LAB_SUPERVISOR_URL names one, else from
// the services' own /readyz (compose), where restart counts are unknown.
import pino from 'pino';
import { createPool, type Pool } from '@tracecart/db';
import { IndexReconciler } from '@tracecart/flags';
import { createTestDatabase, listenOnLoopback, requestJson, startOtlpReceiver, startStack, type OtlpReceiver, type RunningServer, type Stack, type TestDatabase } from '@tracecart/testkit';
import type { LabServices } from '../src/api-types';
import { createApp } from '../src/app';
import type { ConsoleConfig } from '../src/config';

const SUPERVISOR_SERVICES = [
  { name: 'inventory', state: 'up', restarts: 1, pid: 4242, lastExit: 'signal SIGKILL' },
  { name: 'order', state: 'restarting', restarts: 2, pid: null, lastExit: 'exit code 1' },
];

describe('GET /api/lab/services', () => {
  let pool: Pool;
  const consoles: RunningServer[] = [];
  let supervisor: RunningServer;
  let supervisorBody: unknown = { services: SUPERVISOR_SERVICES };

  async function consoleWith(config: Partial<ConsoleConfig>): Promise<string> {
    const deps = { pool, logger: pino({ level: 'silent' }), reconciler: new IndexReconciler(pool, () => undefined) };
    const server = await listenOnLoopback(createApp({ ...deps, config }));
    consoles.push(server);
    return `${server.url}/api/lab/services`;
  }

  beforeAll(async () => {
    // Never queried by this route: the services' states come over HTTP.
    pool = createPool('postgres://postgres@127.0.0.1:5432/postgres', { applicationName: 'console-test', max: 1 });
    supervisor = await listenOnLoopback((req, res) => {
      res.writeHead(req.url === '/services' ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(supervisorBody));
    });
  });
  afterAll(async () => {
    for (const server of consoles) await server.close();
    await supervisor.close();
    await pool.end();
  });

  it("answers the supervisor's states and restart counts when LAB_SUPERVISOR_URL is set", async () => {
    const answer = await requestJson<LabServices>(await consoleWith({ LAB_SUPERVISOR_URL: `${supervisor.url}/services` }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ source: 'supervisor', services: SUPERVISOR_SERVICES });
  });

  it('answers 503 dependency_unavailable when the supervisor answers nonsense or not at all', async () => {
    supervisorBody = { services: [{ name: 'inventory', state: 'sleeping' }] };
    const nonsense = await requestJson(await consoleWith({ LAB_SUPERVISOR_URL: `${supervisor.url}/services` }));
    expect(nonsense.status).toBe(503);
    expect(nonsense.body.error).toMatchObject({ code: 'dependency_unavailable', message: expect.stringContaining('not a list of services') });
    const missing = await requestJson(await consoleWith({ LAB_SUPERVISOR_URL: `${supervisor.url}/elsewhere` }));
    expect(missing.status).toBe(503);
    expect(missing.body.error.message).toContain('answered 404');
  });

  describe('without a supervisor', () => {
    let db: TestDatabase;
    let receiver: OtlpReceiver;
    let stack: Stack;
    beforeAll(async () => {
      db = await createTestDatabase({ catalogSize: 50 });
      receiver = await startOtlpReceiver();
      stack = await startStack({ databaseUrl: db.url, otlpEndpoint: receiver.endpoint });
    }, 60_000);
    afterAll(async () => {
      await stack?.stop();
      await receiver?.close();
      await db?.drop();
    });

    const states = (body: LabServices) => body.services.map((s) => [s.name, s.state, s.restarts]);

    it("probes the gateway's /readyz: the services it reaches are up, one it cannot is stopped, and restarts are null", async () => {
      const url = await consoleWith({ GATEWAY_URL: stack.gateway.url });
      const all = await requestJson<LabServices>(url);
      expect(all.status).toBe(200);
      expect(all.body.source).toBe('probes');
      expect(states(all.body)).toEqual([['order', 'up', null], ['inventory', 'up', null], ['gateway', 'up', null], ['console', 'up', null]]);

      await stack.inventory.stop();
      expect(states((await requestJson<LabServices>(url)).body)).toEqual([
        ['order', 'up', null],
        ['inventory', 'stopped', null],
        ['gateway', 'up', null],
        ['console', 'up', null],
      ]);

      await stack.gateway.stop();
      expect(states((await requestJson<LabServices>(url)).body)).toEqual([['gateway', 'stopped', null], ['console', 'up', null]]);
    }, 30_000);
  });
});
