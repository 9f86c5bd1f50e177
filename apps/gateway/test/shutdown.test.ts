import http from 'node:http';
import { createTestDatabase, startServiceProcess, type ServiceProcess, type TestDatabase } from '@tracecart/testkit';

// The gateway stands for every service here: they all shut down through http-kit's serve().
describe('shutdown with callers still connected', () => {
  let db: TestDatabase;
  let gateway: ServiceProcess;

  beforeAll(async () => {
    db = await createTestDatabase({ catalogSize: 10 });
  });
  afterAll(() => db?.drop());

  beforeEach(async () => {
    gateway = await startServiceProcess('gateway', { DATABASE_URL: db.url, OTEL_SDK_DISABLED: 'true' });
  });
  afterEach(() => gateway.stop());

  async function loggedShutdown(): Promise<void> {
    while (!gateway.logs.some((entry) => entry.msg === 'shutting down')) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  // A caller's keep-alive connection that is busy when the signal comes: before, the server waited
  // for it to go idle and a caller sending back to back never let it, so the process never exited.
  it('answers a request in progress with Connection: close and exits without cutting it', async () => {
    const body = JSON.stringify({ customerId: 'c-1', items: [] }).padEnd(80, ' ');
    const agent = new http.Agent({ keepAlive: true });
    const request = http.request(`${gateway.url}/api/checkout`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
      request.on('response', resolve);
      request.on('error', reject);
    });
    request.write(body.slice(0, 40));
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(gateway.pid, 'SIGTERM');
    await loggedShutdown();
    request.end(body.slice(40));
    const response = await answered;
    response.resume();
    expect(response.statusCode).toBe(400);
    expect(response.headers.connection).toBe('close');
    await gateway.stop();
    agent.destroy();
    expect(gateway.logs.some((entry) => entry.msg === 'closing connections still open')).toBe(false);
  });

  it('cuts a request that never completes instead of waiting for it', async () => {
    // Headers and half of the promised body, then silence: the request stays in progress.
    const request = http.request(`${gateway.url}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '100' },
    });
    const cut = new Promise<NodeJS.ErrnoException>((resolve) => request.on('error', resolve));
    request.write('{"customerId":"c-1",');
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(gateway.pid, 'SIGTERM');
    await gateway.stop();
    expect((await cut).code).toBe('ECONNRESET');
    expect(gateway.logs.some((entry) => entry.msg === 'closing connections still open')).toBe(true);
  });
});
