// GET /api/lab/dead-letters: fulfilment's dead-letter list passed through, from a real HTTP
// server answering fulfilment's GET /dead-letters, and a reason (status 200, never a 500) when
// fulfilment cannot be reached or answers something else.
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { createPool, type Pool } from '@tracecart/db';
import { IndexReconciler } from '@tracecart/flags';
import { listenOnLoopback, requestJson, type RunningServer } from '@tracecart/testkit';
import type { LabDeadLetters } from '../src/api-types';
import { createApp } from '../src/app';
import { readConsoleConfig } from '../src/config';

const LETTERS = [
  { id: 'dl-1', sourceId: 'msg-1', orderId: 'ord-1', error: 'carrier answered 503', createdOn: '2025-01-02T03:04:05.000Z', retryCount: 3 },
  { id: 'dl-2', sourceId: 'msg-2', orderId: null, error: null, createdOn: '2025-01-02T03:04:06.000Z', retryCount: null },
  { id: 'dl-3', sourceId: null, orderId: 'ord-3', error: 'boom', createdOn: '2025-01-02T03:04:07.000Z', retryCount: 0 },
];

/** Answers GET /dead-letters?limit=N as fulfilment does, and records the limits it was asked for. */
function fulfilmentLike(asked: string[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/dead-letters') return void res.writeHead(404).end();
    asked.push(url.searchParams.get('limit') ?? '');
    const limit = Number(url.searchParams.get('limit') ?? 50);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ deadLetters: LETTERS.slice(0, limit) }));
  };
}

describe('GET /api/lab/dead-letters', () => {
  let pool: Pool;
  const servers: RunningServer[] = [];
  const consoleFor = async (fulfilmentUrl: string) => {
    const deps = { pool, logger: pino({ level: 'silent' }), reconciler: new IndexReconciler(pool, () => undefined) };
    const server = await listenOnLoopback(createApp({ ...deps, config: { FULFILMENT_URL: fulfilmentUrl } }));
    servers.push(server);
    return server.url;
  };
  const serve = async (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
    const server = await listenOnLoopback(handler);
    servers.push(server);
    return server.url;
  };
  const read = (consoleUrl: string, query = '') => requestJson<LabDeadLetters>(`${consoleUrl}/api/lab/dead-letters${query}`);

  beforeAll(() => {
    // Never queried by this route.
    pool = createPool('postgres://postgres@127.0.0.1:5432/postgres', { applicationName: 'console-test', max: 1 });
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await pool.end();
  });

  it("lists fulfilment's dead letters as it sends them, asking for the limit given", async () => {
    const asked: string[] = [];
    const url = await consoleFor(await serve(fulfilmentLike(asked)));
    const all = await read(url);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ unavailable: null, deadLetters: LETTERS });
    const two = await read(url, '?limit=2');
    expect(two.body.deadLetters.map((letter) => letter.id)).toEqual(['dl-1', 'dl-2']);
    expect(asked).toEqual(['20', '2']);
  });

  it('refuses a limit out of range naming it', async () => {
    const url = await consoleFor(await serve(fulfilmentLike([])));
    for (const query of ['?limit=0', '?limit=201', '?limit=many', '?colour=blue']) {
      const res = await read(url, query);
      expect([query, res.status, (res.body as any).error.code]).toEqual([query, 400, 'invalid_request']);
    }
  });

  it('answers 200 with the reason when fulfilment is down', async () => {
    const closed = await listenOnLoopback((_req, res) => res.end());
    await closed.close();
    const res = await read(await consoleFor(closed.url));
    expect(res.status).toBe(200);
    expect(res.body.deadLetters).toEqual([]);
    expect(res.body.unavailable).toContain(`fulfilment at ${closed.url} did not answer`);
  });

  it('answers 200 with the reason when fulfilment has no such list or sends another shape', async () => {
    const missing = await read(await consoleFor(await serve((_req, res) => void res.writeHead(404).end())));
    expect([missing.status, missing.body.unavailable]).toEqual([200, expect.stringContaining('answered 404 on /dead-letters')]);
    const odd = await read(await consoleFor(await serve((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"letters":[]}'))));
    expect([odd.status, odd.body.unavailable]).toEqual([200, expect.stringContaining('dead letters of another shape (deadLetters')]);
    const text = await read(await consoleFor(await serve((_req, res) => void res.writeHead(200).end('<html>'))));
    expect([text.status, text.body.unavailable]).toEqual([200, expect.stringContaining('something other than JSON')]);
  });

  it('reads FULFILMENT_URL from the environment, refusing a URL that is not http(s)', () => {
    expect(readConsoleConfig({ FULFILMENT_URL: 'http://fulfilment:8083/' }).FULFILMENT_URL).toBe('http://fulfilment:8083');
    expect(() => readConsoleConfig({ FULFILMENT_URL: 'ftp://x' })).toThrow(/FULFILMENT_URL/);
  });
});
