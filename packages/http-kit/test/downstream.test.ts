import { listenOnLoopback, startSilentServer, type RunningServer } from '@tracecart/testkit';
import { HttpError, callDownstream } from '../src';

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe('callDownstream', () => {
  const servers: RunningServer[] = [];
  const serve = async (status: number, body: string) => {
    const s = await listenOnLoopback((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
    });
    servers.push(s);
    return s.url;
  };
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it('returns the JSON body and headers of a 2xx answer', async () => {
    const url = await serve(201, '{"ok":true}');
    const res = await callDownstream<{ ok: boolean }>('svc', url, { method: 'POST', path: '/x', body: { a: 1 }, timeoutMs: 2000 });
    expect([res.status, res.body.ok, res.headers['content-type']]).toEqual([201, true, 'application/json']);
  });

  it('turns a downstream error body back into the same HttpError', async () => {
    const url = await serve(409, '{"error":{"code":"insufficient_stock","message":"not enough"}}');
    const error = await failure(callDownstream('svc', url, { method: 'GET', path: '/x', timeoutMs: 2000 }));
    expect([error.status, error.code, error.message]).toEqual([409, 'insufficient_stock', 'not enough']);
  });

  it('calls anything else dependency_unavailable: refused, silent past the timeout, not JSON', async () => {
    const gone = await listenOnLoopback(() => undefined);
    await gone.close();
    const silent = await startSilentServer();
    servers.push(silent);
    const garbled = await serve(502, '<html>bad gateway</html>');
    for (const url of [gone.url, silent.url, garbled]) {
      const error = await failure(callDownstream('inventory', url, { method: 'GET', path: '/x', timeoutMs: 300 }));
      expect([error.status, error.code]).toEqual([503, 'dependency_unavailable']);
      expect(error.message).toMatch(/^inventory is unavailable/);
    }
  });
});
