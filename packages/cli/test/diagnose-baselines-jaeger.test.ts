// Baselines against a Jaeger without the lab's endpoint: a real HTTP server answering only
// /api/v3 with the recorded Jaeger 2.20 bodies (packages/jaeger-client/test/fixtures/jaeger-2.20,
// read through the testkit), everything else 404 as Jaeger's own router does.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { listenOnLoopback, readJaegerFixtureText, type RunningServer } from '@tracecart/testkit';
import { chooseBaselineSource } from '../src/diagnose/choose-baselines';
import { createTraceFetcher } from '../src/diagnose/fetch-traces';

const CLI_MAIN = path.join(__dirname, '..', 'dist', 'main.js');
// The one trace of the recordings: a single span "foobar" of a resource without service.name.
const RECORDED_TRACE_ID = '00000000000000000000000000000001';
const HOUR_MS = 3_600_000;

let jaeger: RunningServer;
const requests: string[] = [];

beforeAll(async () => {
  jaeger = await listenOnLoopback((req, res) => {
    requests.push(req.url ?? '');
    const { pathname } = new URL(req.url ?? '/', 'http://jaeger');
    const recorded = pathname === '/api/v3/traces' ? 'FindTraces' : pathname.startsWith('/api/v3/traces/') ? 'GetTrace' : undefined;
    if (!recorded) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(readJaegerFixtureText(recorded));
  });
});
afterAll(() => jaeger.close());
beforeEach(() => requests.splice(0));

function lab(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.JAEGER_QUERY_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_MAIN, 'diagnose', ...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('baselines from a Jaeger without the lab endpoint', () => {
  it('finds the lab endpoint absent and computes baselines from one /api/v3/traces search per service', async () => {
    const fetcher = createTraceFetcher(jaeger.url);
    const source = await chooseBaselineSource(jaeger.url, fetcher, HOUR_MS, 'unknown_service');
    const key = { service: 'unknown_service', operation: 'foobar', statement: undefined };
    // The recorded span has no times: it lasted 0 ms, so 0 ms is at the top of its one-duration sample.
    expect(await source.percentileOf(key, 0)).toEqual({ percentile: 100, count: 1, windowMs: HOUR_MS });
    expect(await source.percentileOf({ ...key, operation: 'no-such-operation' }, 5)).toBeUndefined();
    expect(source.origin()).toEqual({ kind: 'computed', traceCount: 1, lookbackMs: HOUR_MS });
    const paths = requests.map((url) => new URL(url, 'http://jaeger').pathname);
    expect(paths).toEqual(['/api/lab/baselines', '/api/v3/traces']);
    const search = new URL(requests[1], 'http://jaeger').searchParams;
    expect(search.get('query.serviceName')).toBe('unknown_service');
    expect(search.get('query.searchDepth')).toBe('200');
  });

  it('reports no baselines, with the reason, when the search fails, and still diagnoses', async () => {
    const broken = await listenOnLoopback((req, res) => {
      const { pathname } = new URL(req.url ?? '/', 'http://jaeger');
      if (pathname.startsWith('/api/v3/traces/')) res.writeHead(200, { 'content-type': 'application/json' }).end(readJaegerFixtureText('GetTrace'));
      else res.writeHead(500, { 'content-type': 'text/plain' }).end('storage is down\n');
    });
    try {
      const source = await chooseBaselineSource(broken.url, createTraceFetcher(broken.url), HOUR_MS, 'unknown_service');
      expect(source.origin()).toEqual({ kind: 'none', reason: '/api/lab/baselines answered 500: storage is down' });
      const run = await lab([RECORDED_TRACE_ID, '--jaeger', broken.url]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout.split('\n')[0]).toBe('no critical path: the trace has no measurable duration');
    } finally {
      await broken.close();
    }
  });

  it('diagnoses the recorded trace through the CLI, saying there is nothing to compare', async () => {
    const run = await lab([RECORDED_TRACE_ID, '--jaeger', jaeger.url]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('baselines: none (nothing on the critical path to compare)');
    const json = JSON.parse((await lab([RECORDED_TRACE_ID, '--jaeger', jaeger.url, '--json'])).stdout);
    expect(json.baselines).toEqual({ kind: 'none', reason: 'nothing on the critical path to compare', line: 'baselines: none (nothing on the critical path to compare)' });
    expect(json.contributors).toEqual([]);
  });
});
