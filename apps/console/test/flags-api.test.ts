import pino from 'pino';
import { IndexReconciler } from '@tracecart/flags';
import { ConfigError } from '@tracecart/http-kit';
import { createTestDatabase, listenOnLoopback, requestJson, type RunningServer, type TestDatabase } from '@tracecart/testkit';
import { createApp } from '../src/app';
import { readConsoleConfig } from '../src/config';

const TOKEN = 'a-long-enough-admin-token';

describe('console flags API', () => {
  let db: TestDatabase;
  let open: RunningServer;
  let guarded: RunningServer;
  const errors: Error[] = [];
  const put = (server: RunningServer, name: string, body: unknown, headers: Record<string, string> = {}) =>
    requestJson(`${server.url}/api/flags/${name}`, { method: 'PUT', body, headers });
  const getFlags = async (server: RunningServer = open) => (await requestJson(`${server.url}/api/flags`)).body;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 20_000 });
    const deps = { pool: db.pool, logger: pino({ level: 'silent' }), reconciler: new IndexReconciler(db.pool, (e) => errors.push(e)) };
    open = await listenOnLoopback(createApp(deps));
    guarded = await listenOnLoopback(createApp({ ...deps, config: { LAB_ADMIN_TOKEN: TOKEN } }));
  });
  afterAll(async () => {
    await open.close();
    await guarded.close();
    await db.drop();
  });

  it('lists every switch, all off, nothing pending', async () => {
    expect(await getFlags()).toMatchObject({
      flags: {
        'fix.index': false,
        'fix.cache': false,
        'fix.batch': false,
        'chaos.latency': { ms: 0, rate: 0 },
        'chaos.errors': { rate: 0 },
      },
      pending: {},
    });
  });

  it('sets a switch and answers with the new state', async () => {
    const res = await put(open, 'chaos.latency', { value: { ms: 250, rate: 0.2 } });
    expect(res.status).toBe(200);
    expect(res.body.flags['chaos.latency']).toEqual({ ms: 250, rate: 0.2 });
    expect((await getFlags()).flags['chaos.latency']).toEqual({ ms: 250, rate: 0.2 });
  });

  it.each([
    ['an unknown name', 'fix.everything', { value: true }, 404, 'not_found'],
    ['a string for a boolean', 'fix.cache', { value: 'on' }, 400, 'invalid_request'],
    ['a rate over 1', 'chaos.errors', { value: { rate: 1.5 } }, 400, 'invalid_request'],
    ['a negative delay', 'chaos.latency', { value: { ms: -5, rate: 0.5 } }, 400, 'invalid_request'],
    ['no value at all', 'fix.batch', { on: true }, 400, 'invalid_request'],
    ['malformed JSON', 'fix.batch', '{"value": tru', 400, 'invalid_json'],
  ])('rejects %s and changes nothing', async (_name, flag, body, status, code) => {
    const before = await getFlags();
    const res = await put(open, flag, body);
    expect([res.status, res.body.error.code]).toEqual([status, code]);
    expect(await getFlags()).toEqual(before);
  });

  it('needs the bearer token for writes when one is set; reads stay open', async () => {
    const before = await getFlags(guarded);
    for (const headers of [{}, { authorization: 'Bearer wrong-token-of-some-length' }, { authorization: TOKEN }] as Array<Record<string, string>>) {
      const res = await put(guarded, 'fix.batch', { value: true }, headers);
      expect([res.status, res.body.error.code]).toEqual([401, 'unauthorized']);
    }
    expect(await getFlags(guarded)).toEqual(before);
    const ok = await put(guarded, 'fix.batch', { value: true }, { authorization: `Bearer ${TOKEN}` });
    expect(ok.body.flags['fix.batch']).toBe(true);
  });

  it('refuses to start beyond loopback without a token', () => {
    expect(() => readConsoleConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => readConsoleConfig({ HOST: '0.0.0.0' })).toThrow(/LAB_ADMIN_TOKEN/);
    expect(readConsoleConfig({ HOST: '0.0.0.0', LAB_ADMIN_TOKEN: TOKEN }).HOST).toBe('0.0.0.0');
    expect(readConsoleConfig({}).HOST).toBe('127.0.0.1');
  });

  it('fix.index shows as pending until the real index is built, then on', async () => {
    const res = await put(open, 'fix.index', { value: true });
    expect(res.body.flags['fix.index'] === true || res.body.pending['fix.index'] === true).toBe(true);
    let state = await getFlags();
    while (state.pending['fix.index'] !== undefined) state = await getFlags();
    expect(state.flags['fix.index']).toBe(true);
    const plan = await db.pool.query(`EXPLAIN SELECT * FROM products WHERE sku = 'SKU-0000042'`);
    expect(JSON.stringify(plan.rows)).toContain('Index Scan');
    await put(open, 'fix.index', { value: false });
    while ((await getFlags()).flags['fix.index']) await new Promise((r) => setTimeout(r, 20));
    expect(errors).toEqual([]);
  });
});
