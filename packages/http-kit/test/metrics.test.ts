import pino from 'pino';
import { listenOnLoopback, requestJson, type RunningServer } from '@tracecart/testkit';
import { createAppMetrics, createServiceApp, finishServiceApp } from '../src';

// The samples of one metric family, `name{labels} value`, exemplars left out.
function samples(text: string, prefix: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.replace(/ # .*$/, ''))
    .sort();
}

describe('app counters go through the exemplar-aware path', () => {
  it('count by label and by the value added, not by call', async () => {
    const metrics = createAppMetrics('svc');
    const lookups = metrics.counter('lookups_total', 'Lookups by result.', ['result']);
    lookups.inc({ result: 'hit' }, 2);
    lookups.inc({ result: 'hit' });
    lookups.inc({ result: 'miss' }, 0);
    lookups.inc({ result: 'miss' }, 5);
    expect(samples(await metrics.registry.metrics(), 'lookups_total')).toEqual([
      'lookups_total{result="hit",service="svc"} 3',
      'lookups_total{result="miss",service="svc"} 5',
    ]);
  });
});

describe('a service app records its requests', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const { app } = createServiceApp('svc');
    app.get('/items/:id', (_req, res) => {
      res.json({ ok: true });
    });
    server = await listenOnLoopback(finishServiceApp(app, pino({ level: 'silent' })));
  });
  afterAll(() => server.close());

  it('counts each request once in the duration histogram, by method, route template and status', async () => {
    await requestJson(`${server.url}/items/1`);
    await requestJson(`${server.url}/items/2`);
    await requestJson(`${server.url}/nowhere`);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(samples(text, 'http_server_request_duration_seconds_count')).toEqual([
      'http_server_request_duration_seconds_count{service="svc",method="GET",route="/items/:id",status="200"} 2',
      'http_server_request_duration_seconds_count{service="svc",method="GET",route="unmatched",status="404"} 1',
    ]);
    const inf = samples(text, 'http_server_request_duration_seconds_bucket').filter((line) => line.includes('le="+Inf"'));
    expect(inf).toEqual([
      'http_server_request_duration_seconds_bucket{le="+Inf",service="svc",method="GET",route="/items/:id",status="200"} 2',
      'http_server_request_duration_seconds_bucket{le="+Inf",service="svc",method="GET",route="unmatched",status="404"} 1',
    ]);
  });
});
