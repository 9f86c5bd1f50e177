import { makeCheckoutTrace } from './fixtures/checkout-traces';
import { BASE_NS, postCheckouts } from './support/checkout-dataset';
import { startTestTracestore, type RunningTracestore } from './support/running-tracestore';

// Durations posted through the real OTLP/HTTP receiver, read back through GET /api/lab/baselines.
const SELECT = 'SELECT sku, name, price_cents, on_hand FROM products WHERE sku = $1';
const SELECT_OP = 'pg.query:SELECT tracecart';
const TEN_MINUTES = 600_000;
// The fixture's leaf spans last 0.1 ms more than their nominal duration (18 ms, or 0.3 ms indexed).
const SLOW_MS = 18.1;
const FAST_MS = 0.4;
// Two significant digits: within 1%.
const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected / 100);
let tracestore: RunningTracestore;
let clock = Date.UTC(2026, 0, 1);

interface Baseline {
  service: string;
  operation: string;
  statement?: string;
  count: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

beforeAll(async () => {
  tracestore = await startTestTracestore({ baselines: { now: () => clock } });
  // 4 slow checkouts of 3 items (12 slow lookups), 2 indexed ones (6 fast lookups).
  const slow = [0, 1, 2, 3].map((index) => makeCheckoutTrace({ index, startNs: BASE_NS, items: 3 }));
  const fast = [4, 5].map((index) => makeCheckoutTrace({ index, startNs: BASE_NS, items: 3, fixIndex: true }));
  await postCheckouts(tracestore, [...slow, ...fast]);
});
afterAll(() => tracestore.close());

async function getJson<T>(path: string, status = 200): Promise<T> {
  const response = await tracestore.get(path);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

const baselines = async (params: Record<string, string>) =>
  (await getJson<{ baselines: Baseline[] }>(`/api/lab/baselines?${new URLSearchParams(params)}`)).baselines;
const percentile = (params: Record<string, string>) =>
  getJson<{ percentile: number | null; count: number; windowMs: number }>(`/api/lab/baselines/percentile?${new URLSearchParams(params)}`);

describe('GET /api/lab/baselines', () => {
  it('keeps one baseline per operation and per normalized statement, with exact counts', async () => {
    const rows = await baselines({ service: 'inventory' });
    expect(rows.map((r) => [r.operation, r.statement, r.count])).toEqual([
      ['POST /internal/lookup', undefined, 18],
      ['POST /internal/reservations', undefined, 6],
      [SELECT_OP, SELECT, 18],
      ['pg.query:UPDATE tracecart', 'UPDATE products SET on_hand = on_hand - $2 WHERE sku = $1 AND on_hand >= $2', 18],
    ]);
  });

  it('reports percentiles within the histogram precision (1%)', async () => {
    const [select] = await baselines({ service: 'inventory', operation: SELECT_OP });
    // 6 of 18 fast, 12 slow: p50 and above are slow.
    for (const value of [select.p50Ms, select.p90Ms, select.p99Ms, select.maxMs]) near(value, SLOW_MS);
    expect(select.p50Ms).toBeLessThanOrEqual(select.maxMs);
    const [lookup] = await baselines({ service: 'inventory', operation: 'POST /internal/lookup' });
    expect(lookup.statement).toBeUndefined();
    near(lookup.p50Ms, SLOW_MS + 0.2);
  });

  it('answers an unknown service with an empty list', async () => {
    expect(await baselines({ service: 'nobody' })).toEqual([]);
  });
});

describe('GET /api/lab/baselines/percentile', () => {
  it('places a duration among the recent ones of its statement', async () => {
    const key = { service: 'inventory', operation: SELECT_OP };
    expect(await percentile({ ...key, durationMs: '5' })).toEqual({ percentile: 33.3, count: 18, windowMs: TEN_MINUTES });
    expect(await percentile({ ...key, durationMs: '30' })).toEqual({ percentile: 100, count: 18, windowMs: TEN_MINUTES });
    expect(await percentile({ ...key, durationMs: '0.1' })).toEqual({ percentile: 0, count: 18, windowMs: TEN_MINUTES });
    // The statement as a span carries it, literals and all, finds the same key.
    const raw = { ...key, statement: `${SELECT.replace('= $1', '=   $1')};` };
    expect(await percentile({ ...raw, durationMs: '5' })).toEqual({ percentile: 33.3, count: 18, windowMs: TEN_MINUTES });
    expect(await percentile({ ...key, statement: 'SELECT 1', durationMs: '5' })).toEqual({ percentile: null, count: 0, windowMs: TEN_MINUTES });
  });
});

describe('bad input', () => {
  it.each([
    ['/api/lab/baselines', 'service'],
    ['/api/lab/baselines?service=', 'service'],
    ['/api/lab/baselines?service=a&service=b', 'service'],
    ['/api/lab/baselines/percentile?service=inventory&operation=x', 'durationMs'],
    ['/api/lab/baselines/percentile?service=inventory&operation=x&durationMs=slow', 'durationMs'],
    ['/api/lab/baselines/percentile?service=inventory&operation=x&durationMs=-1', 'durationMs'],
    ['/api/lab/baselines/percentile?service=inventory&durationMs=1', 'operation'],
  ])('%s answers 400 naming %s', async (path, field) => {
    const body = await getJson<{ error: { code: string; message: string } }>(path, 400);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message.startsWith(`${field}:`)).toBe(true);
  });
});

describe('the window', () => {
  it('forgets durations older than ten minutes', async () => {
    clock += TEN_MINUTES + 1;
    expect(await baselines({ service: 'inventory' })).toEqual([]);
    expect(await percentile({ service: 'inventory', operation: SELECT_OP, durationMs: '5' })).toEqual({ percentile: null, count: 0, windowMs: TEN_MINUTES });
    await postCheckouts(tracestore, [makeCheckoutTrace({ index: 9, startNs: BASE_NS, items: 2, fixIndex: true })]);
    const [select] = await baselines({ service: 'inventory', operation: SELECT_OP });
    expect(select.count).toBe(2);
    near(select.maxMs, FAST_MS);
  });
});

describe('a window of its own', () => {
  it('answers the window the store was started with, so readers need not assume the default', async () => {
    const minute = await startTestTracestore({ baselines: { windowMs: 60_000, slots: 4 } });
    try {
      const response = await minute.get(`/api/lab/baselines/percentile?${new URLSearchParams({ service: 'inventory', operation: SELECT_OP, durationMs: '5' })}`);
      expect(await response.json()).toEqual({ percentile: null, count: 0, windowMs: 60_000 });
    } finally {
      await minute.close();
    }
  });
});
