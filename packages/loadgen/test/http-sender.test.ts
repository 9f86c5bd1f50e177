import { createHttpSender } from '../src/http-sender';
import type { HttpSender, SenderOptions } from '../src/http-sender';
import type { RequestOutcome } from '../src/outcome';
import type { SendListener } from '../src/send-listener';
import type { LoadRequest } from '../src';
import { chunkedResponse, lengthResponse, startRawServer } from './fixtures/raw-server';
import type { RawHandler, RawServer } from './fixtures/raw-server';

const CHECKOUT: LoadRequest = { method: 'POST', path: '/api/checkout', headers: Object.freeze({ 'content-type': 'application/json' }), body: '{"customerId":"c-1"}' };
const ERROR_BODY = JSON.stringify({ error: { code: 'insufficient_stock', message: 'no stock', traceId: 't' } });
const is201 = (status: number): boolean => status === 201;

let server: RawServer | undefined;
let sender: HttpSender | undefined;

async function setUp(handle: RawHandler, options: Partial<SenderOptions> = {}): Promise<{ server: RawServer; sender: HttpSender }> {
  server = await startRawServer(handle);
  sender = createHttpSender(server.url, { connections: 1, ...options });
  return { server, sender };
}

function send(target: HttpSender, request: LoadRequest = CHECKOUT): Promise<RequestOutcome> {
  return new Promise((resolve) => target.send(request, { isSuccess: is201, onDispatch: () => undefined, onOutcome: resolve }, 0));
}

afterEach(async () => {
  await sender?.close();
  await server?.close();
  sender = undefined;
  server = undefined;
});

describe('the undici sender against real sockets', () => {
  it('writes one well-formed request with host, length and synthetic baggage', async () => {
    const { server, sender } = await setUp((socket) => socket.write(lengthResponse(201, '{}')));
    const body = '{"note":"ünïcode"}';
    expect(await send(sender, { ...CHECKOUT, body })).toEqual({ success: true, status: 'ok' });
    const [received] = server.requests;
    expect(received.head.split('\r\n')[0]).toBe('POST /api/checkout HTTP/1.1');
    expect(received.headers).toMatchObject({ host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', baggage: 'synthetic_request=true', 'content-length': String(Buffer.byteLength(body)) });
    expect(received.body).toBe(body);
  });

  it('reads a mutable headers object afresh each time and adds the synthetic baggage to every request', async () => {
    const { server, sender } = await setUp((socket) => socket.write(lengthResponse(201, '{}')));
    const headers: Record<string, string> = { 'x-step': 'one', baggage: 'tenant=lab' };
    await send(sender, { method: 'GET', path: '/a', headers });
    headers['x-step'] = 'two';
    await send(sender, { method: 'GET', path: '/a', headers });
    await send(sender, CHECKOUT);
    await send(sender, CHECKOUT);
    expect(server.requests.map((r) => r.headers['x-step'])).toEqual(['one', 'two', undefined, undefined]);
    expect(server.requests.map((r) => r.headers.baggage)).toEqual([
      'tenant=lab,synthetic_request=true',
      'tenant=lab,synthetic_request=true',
      'synthetic_request=true',
      'synthetic_request=true',
    ]);
    expect(server.requests.map((r) => r.head.split('\r\n')[0])).toEqual(['GET /a HTTP/1.1', 'GET /a HTTP/1.1', 'POST /api/checkout HTTP/1.1', 'POST /api/checkout HTTP/1.1']);
  });

  it.each([
    ['Content-Length', (status: number, body: string) => lengthResponse(status, body)],
    ['chunked', (status: number, body: string) => chunkedResponse(status, body, 3)],
  ])('reads %s responses split across TCP packets at every byte boundary, on one keep-alive connection', async (_name, build) => {
    const responses = [build(201, '{"orderId":"o-1"}'), build(409, ERROR_BODY)];
    const { server, sender } = await setUp((socket, _request, index) => {
      const bytes = Buffer.from(responses[index % 2]);
      const at = Math.floor(index / 2) % (bytes.length + 1);
      socket.setNoDelay(true);
      socket.write(bytes.subarray(0, at));
      setTimeout(() => socket.write(bytes.subarray(at)), 2);
    });
    const longest = Math.max(...responses.map((r) => Buffer.byteLength(r)));
    for (let i = 0; i < 2 * (longest + 1); i++) {
      const outcome = await send(sender);
      if (i % 2 === 0) expect(outcome).toEqual({ success: true, status: 'ok' });
      else expect(outcome).toEqual({ success: false, status: '409', code: 'insufficient_stock' });
    }
    expect(server.connections).toBe(1);
  });

  it('reads the error code of a JSON error body and falls back to http_<status>', async () => {
    const { sender } = await setUp((socket, _request, index) => {
      socket.write(index === 0 ? lengthResponse(503, JSON.stringify({ error: { code: 'injected_fault' } })) : lengthResponse(500, '<html>oops</html>'));
    });
    expect(await send(sender)).toEqual({ success: false, status: '503', code: 'injected_fault' });
    expect(await send(sender)).toEqual({ success: false, status: '500', code: 'http_500' });
  });

  it('completes a response that closes the connection and opens a new one for the next request', async () => {
    const { server, sender } = await setUp((socket) => socket.end(lengthResponse(201, '{}', 'Connection: close\r\n')));
    for (let i = 0; i < 3; i++) expect(await send(sender)).toEqual({ success: true, status: 'ok' });
    expect(server.connections).toBe(3);
  });

  it('completes a body that runs until the server closes', async () => {
    const { sender } = await setUp((socket) => socket.end('HTTP/1.0 201 Created\r\n\r\n{"orderId":"o-1"}'));
    expect(await send(sender)).toEqual({ success: true, status: 'ok' });
  });

  it('fails a request whose connection the server drops, and recovers on a new connection', async () => {
    const { server, sender } = await setUp((socket, _request, index) => {
      if (index === 0) socket.destroy();
      else if (index === 1) socket.end(Buffer.from(lengthResponse(201, '{"orderId":"o-1"}')).subarray(0, 30));
      else socket.write(lengthResponse(201, '{}'));
    });
    expect(await send(sender)).toMatchObject({ success: false, status: 'network' });
    expect(await send(sender)).toEqual({ success: false, status: 'network', code: 'socket_closed' });
    expect(await send(sender)).toEqual({ success: true, status: 'ok' });
    expect(server.connections).toBe(3);
  });

  it('survives the server closing an idle keep-alive connection', async () => {
    const { server, sender } = await setUp((socket) => {
      socket.write(lengthResponse(201, '{}'));
      setTimeout(() => socket.end(), 20);
    });
    expect(await send(sender)).toEqual({ success: true, status: 'ok' });
    // Once the server has seen the connection close, the client has seen the server's FIN.
    await new Promise<void>((resolve) => {
      const wait = (): void => void (server.closedConnections === 1 ? resolve() : setTimeout(wait, 5));
      wait();
    });
    expect(await send(sender)).toEqual({ success: true, status: 'ok' });
    expect(server.connections).toBe(2);
  });

  it('times out a request the server never answers', async () => {
    const { sender } = await setUp(() => undefined, { requestTimeoutMs: 100 });
    expect(await send(sender)).toEqual({ success: false, status: 'network', code: 'request_timeout' });
  });

  it('fails in-flight and waiting requests at once on abortAll, and keeps working', async () => {
    let answer = false;
    const { sender } = await setUp((socket) => void (answer && socket.write(lengthResponse(201, '{}'))));
    const pending = [send(sender), send(sender)];
    await new Promise((resolve) => setTimeout(resolve, 20));
    await sender.abortAll();
    expect(await Promise.all(pending)).toEqual([
      { success: false, status: 'network', code: 'aborted' },
      { success: false, status: 'network', code: 'aborted' },
    ]);
    answer = true;
    expect(await send(sender)).toEqual({ success: true, status: 'ok' });
  });

  it('reports ECONNREFUSED when nothing listens, and client_closed after close', async () => {
    const { server, sender } = await setUp(() => undefined);
    await server.close();
    expect(await send(sender)).toEqual({ success: false, status: 'network', code: 'ECONNREFUSED' });
    await sender.close();
    expect(await send(sender)).toEqual({ success: false, status: 'network', code: 'client_closed' });
  });

  it('keeps to the connection limit, queueing the rest in order', async () => {
    const { server, sender } = await setUp((socket) => setTimeout(() => socket.write(lengthResponse(201, '{}')), 10), { connections: 2 });
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => send(sender)));
    expect(outcomes.every((o) => o.success)).toBe(true);
    expect(server.connections).toBe(2);
  });

  it('refuses requests it cannot write safely, without sending them', async () => {
    const { server, sender } = await setUp((socket) => socket.write(lengthResponse(201, '{}')));
    const bad: LoadRequest[] = [
      { method: 'GET', path: '/x', headers: { 'x-evil': 'a\r\nInjected: 1' } },
      { method: 'GET', path: '/a b' },
      { method: 'GET', path: '/x', headers: { 'Transfer-Encoding': 'chunked' } },
      { method: 'GET', path: '/x', headers: { 'bad name': 'x' } },
    ];
    for (const request of bad) expect(await send(sender, request)).toEqual({ success: false, status: 'client', code: 'invalid_request' });
    expect(server.requests).toHaveLength(0);
    // More refusals than connections, and the one connection still carries the next request.
    expect(await send(sender)).toEqual({ success: true, status: 'ok' });
  });

  it('tells the listener when each request is written, and never for a request refused before that', async () => {
    const { sender } = await setUp((socket) => setTimeout(() => socket.write(lengthResponse(201, '{}')), 30));
    const started = Date.now();
    const dispatchedAfter = new Map<number, number>();
    const finished = new Promise<number[]>((resolve) => {
      const tags: number[] = [];
      const listener: SendListener = {
        isSuccess: is201,
        onDispatch: (tag) => dispatchedAfter.set(tag, Date.now() - started),
        onOutcome: (_outcome, tag) => void (tags.push(tag) === 3 && resolve(tags)),
      };
      const requests: Array<[number, LoadRequest]> = [[1, CHECKOUT], [2, CHECKOUT], [3, { method: 'GET', path: '/a b' }]];
      for (const [tag, request] of requests) sender.send(request, listener, tag);
    });
    expect((await finished).sort()).toEqual([1, 2, 3]);
    expect([...dispatchedAfter.keys()].sort()).toEqual([1, 2]);
    // One connection: the second request is written only once the first response (30 ms) is in.
    expect(dispatchedAfter.get(1)).toBeLessThan(25);
    expect(dispatchedAfter.get(2)).toBeGreaterThanOrEqual(25);
  });

  it('fails the request on a malformed response', async () => {
    const { sender } = await setUp((socket) => socket.write('HTTP/1.1 2xx Nope\r\n\r\n'));
    expect(await send(sender)).toEqual({ success: false, status: 'network', code: 'invalid_response' });
  });
});
