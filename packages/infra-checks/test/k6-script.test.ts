import { evaluateK6Script, toPlainScript } from '../src';
import { FLASH_SKU_COUNT } from '@tracecart/loadgen';
import { readRepoFile } from './stack';

interface Post {
  url: string;
  body: string;
  params: { headers: Record<string, string>; tags: Record<string, string> };
}
interface Options {
  scenarios: Record<string, { executor: string; rate: number; timeUnit: string; duration: string; maxVUs: number }>;
  thresholds: Record<string, string[]>;
}

const source = readRepoFile('infra', 'k6', 'checkout.js');

// Fake k6 modules: record what the script sends instead of sending it.
function load(env: Record<string, string> = {}) {
  const posts: Post[] = [];
  let callback: unknown;
  const http = {
    post: (url: string, body: string, params: Post['params']) => {
      posts.push({ url, body, params });
      return { status: 201 };
    },
    expectedStatuses: (range: { min: number; max: number }) => ({ expected: range }),
    setResponseCallback: (cb: unknown) => { callback = cb; },
  };
  let iteration = 0;
  const exec = { scenario: { get iterationInTest() { return iteration++; } } };
  const exported = evaluateK6Script(source, {
    env,
    modules: { 'k6/http': { default: http }, k6: { check: () => true }, 'k6/execution': { default: exec } },
  });
  const send = (times: number) => { for (let i = 0; i < times; i++) exported.default?.(); };
  return { exported, posts, send, callback: () => callback, options: exported.options as Options };
}

describe('the k6 checkout script', () => {
  it('runs an open model: constant-arrival-rate at RATE per second for DURATION', () => {
    const { options } = load({ RATE: '80', DURATION: '2m' });
    expect(Object.values(options.scenarios)).toEqual([
      expect.objectContaining({ executor: 'constant-arrival-rate', rate: 80, timeUnit: '1s', duration: '2m' }),
    ]);
  });

  it('defaults to the lab CLI\'s 50 checkouts a second against the gateway on loopback', () => {
    const { options, posts, send } = load();
    expect(options.scenarios.checkout.rate).toBe(50);
    send(1);
    expect(posts[0].url).toBe('http://127.0.0.1:8080/api/checkout');
  });

  it('posts the checkout body shape with SKU- plus 7 digits and synthetic baggage', () => {
    const { posts, send } = load({ BASE_URL: 'http://gateway:8080', ITEMS: '3' });
    send(20);
    for (const post of posts) {
      expect(post.url).toBe('http://gateway:8080/api/checkout');
      expect(post.params.headers).toEqual({ 'content-type': 'application/json', baggage: 'synthetic_request=true' });
      const body = JSON.parse(post.body) as { customerId: string; items: Array<{ sku: string; quantity: number }> };
      expect(body.customerId).toMatch(/^c-\d+$/);
      expect(body.items).toHaveLength(3);
      for (const item of body.items) expect(item).toEqual({ sku: expect.stringMatching(/^SKU-\d{7}$/), quantity: 1 });
      expect(new Set(body.items.map((i) => i.sku)).size).toBe(3);
    }
  });

  it('draws popular SKUs from the first 100 of the catalog', () => {
    const { posts, send } = load({ MIX: 'popular' });
    send(200);
    const numbers = posts.map((p) => Number((JSON.parse(p.body) as { items: Array<{ sku: string }> }).items[0].sku.slice(4)));
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(100);
  });

  it('sells only the first 3 SKUs in a flash sale, the same ones as the lab\'s load generator', () => {
    const { posts, send } = load({ MIX: 'flash', ITEMS: '2' });
    send(200);
    const numbers = posts.flatMap((p) => (JSON.parse(p.body) as { items: Array<{ sku: string }> }).items.map((i) => Number(i.sku.slice(4))));
    expect(new Set(numbers)).toEqual(new Set([1, 2, 3].slice(0, FLASH_SKU_COUNT)));
  });

  it('holds the run to the lab SLO: p99 under 300 ms, under 0.1% failures, no dropped arrivals', () => {
    const { options } = load();
    expect(options.thresholds['http_req_duration{scenario:checkout}']).toEqual(['p(99)<300']);
    expect(options.thresholds['http_req_failed{scenario:checkout}']).toEqual(['rate<0.001']);
    expect(options.thresholds.dropped_iterations).toEqual(['count<1']);
  });

  it('counts only 5xx and no answer as failures, like the Prometheus availability SLI', () => {
    const { callback } = load();
    expect(callback()).toEqual({ expected: { min: 200, max: 499 } });
  });

  it('is plain enough for the sandbox: only imports and exports are rewritten', () => {
    const plain = toPlainScript(source);
    expect(plain).not.toMatch(/^\s*(import|export)\s/m);
    expect(plain).toContain('__exports.default = function (');
  });
});
