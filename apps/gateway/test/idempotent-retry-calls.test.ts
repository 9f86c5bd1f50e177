import express from 'express';
import pino from 'pino';
import { listenOnLoopback, requestJson, type RunningServer } from '@tracecart/testkit';
import { createApp } from '../src/app';

interface SeenCall {
  key: string | undefined;
  deadlineMs: number;
  body: unknown;
}

type Answer = { status: number; body: unknown };

const confirmed = { orderId: '6f1c2b8e-3d4a-4c5b-9e6f-7a8b9c0d1e2f', status: 'confirmed', customerId: 'c-1', items: [] };
const failure = (code: string) => ({ error: { code, message: `order says ${code}` } });
const checkoutBody = { customerId: 'c-1', items: [{ sku: 'SKU-0000001', quantity: 1 }] };

// A stand-in for order that answers from a script and records what the gateway sent it.
async function scriptedOrder(answers: Answer[]) {
  const calls: SeenCall[] = [];
  const app = express();
  app.use(express.json());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.post('/orders', (req, res) => {
    calls.push({ key: req.get('idempotency-key'), deadlineMs: Number(req.get('x-deadline-ms')), body: req.body });
    const answer = answers[calls.length - 1] ?? { status: 500, body: failure('unscripted') };
    res.status(answer.status).json(answer.body);
  });
  return { server: await listenOnLoopback(app), calls };
}

describe('the gateway calls order with a key and retries once when that is safe', () => {
  const servers: RunningServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  async function gatewayFor(orderUrl: string, budgetMs = 20_000): Promise<RunningServer> {
    const config = { ORDER_URL: orderUrl, INVENTORY_URL: orderUrl, CHECKOUT_TIMEOUT_MS: budgetMs, READ_TIMEOUT_MS: 1000 };
    const gateway = await listenOnLoopback(createApp({ logger: pino({ level: 'silent' }), config }));
    servers.push(gateway);
    return gateway;
  }

  async function checkoutWith(answers: Answer[], headers: Record<string, string> = {}) {
    const order = await scriptedOrder(answers);
    servers.push(order.server);
    const gateway = await gatewayFor(order.server.url);
    return { res: await requestJson(`${gateway.url}/api/checkout`, { body: checkoutBody, headers }), calls: order.calls };
  }

  it('retries a 503 with the same generated key and body, within what is left of the budget', async () => {
    const { res, calls } = await checkoutWith([
      { status: 503, body: failure('dependency_unavailable') },
      { status: 201, body: confirmed },
    ]);
    expect([res.status, res.body.orderId]).toEqual([201, confirmed.orderId]);
    expect(calls).toHaveLength(2);
    expect(calls[0].key).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('idempotency-key')).toBe(calls[0].key);
    expect(calls[1].key).toBe(calls[0].key);
    expect(calls[1].body).toEqual(calls[0].body);
    expect(calls[0].deadlineMs).toBe(20_000);
    expect(calls[1].deadlineMs).toBeGreaterThan(0);
    expect(calls[1].deadlineMs).toBeLessThanOrEqual(calls[0].deadlineMs);
  });

  it("passes the shopper's own key on and answers a second 503 as a failure naming the key", async () => {
    const unavailable = { status: 503, body: failure('dependency_unavailable') };
    const { res, calls } = await checkoutWith([unavailable, unavailable], { 'idempotency-key': 'mine-1' });
    expect([res.status, res.body.error.code]).toEqual([503, 'dependency_unavailable']);
    expect(res.body.error.message).toContain('Idempotency-Key mine-1');
    expect(calls.map((c) => c.key)).toEqual(['mine-1', 'mine-1']);
  });

  it.each([
    ['an injected fault', 503, 'injected_fault'],
    ['a definite refusal', 409, 'insufficient_stock'],
    ['an internal error', 500, 'internal_error'],
  ])('does not retry %s', async (_what, status, code) => {
    const { res, calls } = await checkoutWith([{ status, body: failure(code) }, { status: 201, body: confirmed }]);
    expect([res.status, res.body.error.code]).toEqual([status, code]);
    expect(calls).toHaveLength(1);
  });

  it('when order stays unreachable, fails with dependency_unavailable and the key to retry with', async () => {
    const gone = await listenOnLoopback(() => undefined);
    await gone.close();
    const gateway = await gatewayFor(gone.url, 700);
    const res = await requestJson(`${gateway.url}/api/checkout`, { body: checkoutBody });
    expect([res.status, res.body.error.code]).toEqual([503, 'dependency_unavailable']);
    const key = res.headers.get('idempotency-key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.error.message).toContain(`Idempotency-Key ${key}`);
  });
});
