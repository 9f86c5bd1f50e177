import { createCheckoutFactory, formatProgressLine, runLoad } from '../src';
import type { ProgressSnapshot, RequestFactory } from '../src';
import { isCheckout, startTestServer } from './fixtures/test-server';
import type { CannedResponse, TestServer } from './fixtures/test-server';

const factory = createCheckoutFactory();
let servers: TestServer[] = [];

async function serve(respond: (index: number) => CannedResponse): Promise<TestServer> {
  let checkouts = 0;
  const server = await startTestServer((req) => (isCheckout(req) ? respond(checkouts++) : { status: 200 }));
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('runLoad', () => {
  it('marks every request, warm-up included, with baggage synthetic_request=true and sends valid checkouts', async () => {
    const server = await serve(() => ({ status: 201 }));
    const report = await runLoad({ target: server.url, rate: 100, durationMs: 300, factory, warmupRequests: 3 });
    expect(report.counts).toMatchObject({ scheduled: 30, sent: 30, succeeded: 30, failed: 0 });
    const checkouts = server.received.filter(isCheckout);
    expect(checkouts).toHaveLength(30);
    expect(server.received.length).toBe(33);
    for (const req of server.received) expect(req.headers.baggage).toBe('synthetic_request=true');
    for (const req of checkouts) {
      expect(req.headers['content-type']).toBe('application/json');
      expect(JSON.parse(req.body)).toMatchObject({ customerId: expect.any(String), items: [{ sku: expect.stringMatching(/^SKU-\d{7}$/), quantity: 1 }] });
    }
  });

  it('keeps baggage members a factory sets and adds its own', async () => {
    const server = await serve(() => ({ status: 201 }));
    const custom: RequestFactory = {
      name: 'custom',
      createRequest: () => ({ method: 'GET', path: '/api/checkout', headers: { Baggage: 'tenant=lab' } }),
      isSuccess: (s) => s === 201,
    };
    await runLoad({ target: server.url, rate: 50, durationMs: 100, factory: custom, warmupRequests: 0 });
    expect(server.received.map((r) => r.headers.baggage)).toEqual(['tenant=lab,synthetic_request=true', 'tenant=lab,synthetic_request=true', 'tenant=lab,synthetic_request=true', 'tenant=lab,synthetic_request=true', 'tenant=lab,synthetic_request=true']);
  });

  it('buckets errors by status and by JSON error code', async () => {
    const server = await serve((i) => {
      if (i % 5 === 1) return { status: 409, body: JSON.stringify({ error: { code: 'insufficient_stock', message: 'no', traceId: 'x' } }) };
      if (i % 5 === 2) return { status: 503, body: JSON.stringify({ error: { code: 'injected_fault' } }) };
      if (i % 5 === 3) return { status: 500, body: '<html>oops</html>' };
      return { status: 201 };
    });
    const report = await runLoad({ target: server.url, rate: 100, durationMs: 500, factory });
    expect(report.counts).toMatchObject({ sent: 50, succeeded: 20, failed: 30 });
    expect(report.errorsByStatus).toEqual({ '409': 10, '503': 10, '500': 10 });
    expect(report.errorsByCode).toEqual({ insufficient_stock: 10, injected_fault: 10, http_500: 10 });
    expect(report.errorRate).toBeCloseTo(0.6, 10);
    expect(report.slo.objectives[1]).toMatchObject({ kind: 'availability', met: false });
    expect(report.slo.objectives[1].budgetConsumedPercent).toBeCloseTo(60_000, 6);
  });

  it('counts network errors by their code when nothing listens', async () => {
    const server = await serve(() => ({ status: 201 }));
    await server.close();
    servers = [];
    const report = await runLoad({ target: server.url, rate: 100, durationMs: 200, factory });
    expect(report.counts).toMatchObject({ sent: 20, failed: 20 });
    expect(report.errorsByStatus).toEqual({ network: 20 });
    expect(report.errorsByCode).toEqual({ ECONNREFUSED: 20 });
  });

  it('counts requests the client refuses to write (a header value with CRLF) as client errors, sending nothing', async () => {
    const server = await serve(() => ({ status: 201 }));
    const unsafe: RequestFactory = {
      name: 'unsafe',
      createRequest: () => ({ method: 'GET', path: '/api/checkout', headers: { 'x-note': 'a\r\nInjected: yes' } }),
      isSuccess: (s) => s === 201,
    };
    const report = await runLoad({ target: server.url, rate: 50, durationMs: 100, factory: unsafe, warmupRequests: 0 });
    expect(report.counts).toMatchObject({ sent: 5, failed: 5 });
    expect(report.errorsByStatus).toEqual({ client: 5 });
    expect(report.errorsByCode).toEqual({ invalid_request: 5 });
    expect(server.received).toHaveLength(0);
  });

  it('times out requests still in flight after the grace period, from their intended send time', async () => {
    const server = await serve(() => ({ status: 201, hang: true }));
    const report = await runLoad({ target: server.url, rate: 50, durationMs: 200, factory, graceMs: 300 });
    expect(report.counts).toMatchObject({ sent: 10, failed: 10, timedOut: 10 });
    expect(report.errorsByCode).toEqual({ timeout: 10 });
    // The first request was due ~180 ms before the schedule ended, so it waited at least that plus the grace.
    expect(report.latencyMs.max).toBeGreaterThanOrEqual(480);
  });

  it('holds back requests beyond max in flight, counts them, and fails the ones that never left', async () => {
    const server = await serve(() => ({ status: 201, hang: true }));
    const report = await runLoad({ target: server.url, rate: 100, durationMs: 300, factory, maxInFlight: 5, graceMs: 200 });
    expect(report.counts).toMatchObject({ scheduled: 30, sent: 5, heldBack: 25, notSent: 25, timedOut: 5, failed: 30 });
    expect(report.errorsByCode).toEqual({ timeout: 5, not_sent: 25 });
  });

  it('sends held-back requests late once slots free up, timing them from their intended send time', async () => {
    const server = await serve(() => ({ status: 201, delayMs: 100 }));
    const report = await runLoad({ target: server.url, rate: 100, durationMs: 500, factory, maxInFlight: 2 });
    expect(report.counts).toMatchObject({ scheduled: 50, sent: 50, succeeded: 50 });
    expect(report.counts.heldBack).toBeGreaterThan(30);
    // 2 slots x 10 per second cannot carry 100 per second: the queue grows to ~2 s by the end.
    expect(report.latencyMs.max).toBeGreaterThan(1500);
    expect(report.achievedRate).toBeLessThan(50);
  });

  it('keeps the schedule against a slow target, a connection per request in flight, timing from the intended send', async () => {
    const server = await serve(() => ({ status: 201, delayMs: 300 }));
    const report = await runLoad({ target: server.url, rate: 200, durationMs: 1000, factory, warmupRequests: 0 });
    expect(report.counts).toMatchObject({ sent: 200, succeeded: 200, heldBack: 0 });
    // About 60 requests are in flight at once; the connections sized to the rate carry them all.
    expect(report.connections).toBe(200);
    expect(report.sendLagMs.p99).toBeLessThan(20);
    expect(report.latencyMs.p50).toBeGreaterThanOrEqual(300);
    expect(report.latencyMs.max).toBeLessThan(400);
  });

  it('shows requests that waited for one of too few connections as send lag, and in their latency', async () => {
    const server = await serve(() => ({ status: 201, delayMs: 100 }));
    const report = await runLoad({ target: server.url, rate: 100, durationMs: 500, factory, connections: 2, warmupRequests: 0 });
    // Two connections carry 20 of the 100 requests a second asked for; the rest queue in the client.
    expect(report.counts).toMatchObject({ sent: 50, succeeded: 50, heldBack: 0 });
    expect(report.sendLagMs.max).toBeGreaterThan(1000);
    expect(report.latencyMs.max).toBeGreaterThan(report.sendLagMs.max);
  });

  it('stops early on abort and still reports what it sent', async () => {
    const server = await serve(() => ({ status: 201 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const report = await runLoad({ target: server.url, rate: 100, durationMs: 10_000, factory, signal: controller.signal });
    expect(report.stoppedEarly).toBe(true);
    expect(report.counts.sent).toBeLessThan(100);
    expect(report.counts.sent).toBe(report.counts.scheduled);
    expect(report.counts.succeeded).toBe(report.counts.sent);
  });

  it('reports progress while running and a final snapshot', async () => {
    const server = await serve(() => ({ status: 201 }));
    const snapshots: ProgressSnapshot[] = [];
    await runLoad({ target: server.url, rate: 100, durationMs: 500, factory, progressIntervalMs: 100, onProgress: (s) => snapshots.push(s) });
    expect(snapshots.length).toBeGreaterThanOrEqual(3);
    const last = snapshots[snapshots.length - 1];
    expect(last).toMatchObject({ sent: 50, completed: 50, errors: 0, inFlight: 0 });
    expect(last.achievedRate).toBeGreaterThan(90);
    const line = formatProgressLine(last);
    expect(line.startsWith('\r')).toBe(true);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/p50 .*p95 .*p99 .*errors 0.*in flight 0/);
  });

  it('carries the caller\'s context into the report unchanged, and leaves it out when none was given', async () => {
    const server = await serve(() => ({ status: 201 }));
    const context = { source: 'caller', settings: { 'switch.a': 'on' }, settingsAtEnd: null, changedDuringRun: [], workload: { items: 1 }, version: null };
    const report = await runLoad({ target: server.url, rate: 50, durationMs: 100, factory, warmupRequests: 0, context });
    expect(report.context).toEqual(context);
    const plain = await runLoad({ target: server.url, rate: 50, durationMs: 100, factory, warmupRequests: 0 });
    expect('context' in plain).toBe(false);
  });

  it('produces a report that survives JSON', async () => {
    const server = await serve(() => ({ status: 201 }));
    const report = await runLoad({ target: server.url, rate: 50, durationMs: 200, factory });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.latencyHistogram.length).toBeGreaterThan(0);
  });

  it('refuses a non-loopback target and nonsense options before sending anything', async () => {
    await expect(runLoad({ target: 'http://192.0.2.1:8080', rate: 10, durationMs: 100, factory })).rejects.toThrow(/loopback/);
    await expect(runLoad({ target: 'http://127.0.0.1:1', rate: 0, durationMs: 100, factory })).rejects.toThrow(/rate/);
    await expect(runLoad({ target: 'http://127.0.0.1:1', rate: 1, durationMs: 100, factory, maxInFlight: 0 })).rejects.toThrow(/maxInFlight/);
  });
});
