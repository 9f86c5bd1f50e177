import { requestJson } from '@tracecart/testkit';
import type { LabInfo, LoadState } from '../src/api-types';
import { startConsoleLab, type ConsoleLab } from './support/console-lab';
import { readEventsUntil, type ReceivedEvent } from './support/read-events';
import { waitFor } from './support/wait-for';

const isOver = (e: ReceivedEvent) => e.event === 'state' && (e.data.status === 'finished' || e.data.status === 'failed');

describe('console load API: one bounded run at a time, streamed as Server-Sent Events', () => {
  let lab: ConsoleLab;
  let url: string;
  const post = (body: unknown) => requestJson<LoadState>(`${url}/api/load`, { body });

  beforeAll(async () => {
    lab = await startConsoleLab({ catalogSize: 2000 });
    url = lab.console.url;
  }, 60_000);
  afterAll(() => lab?.stop());

  it.each([
    [{ rate: 0, duration: '1s' }, 'rate'],
    [{ rate: 501, duration: '1s' }, 'rate'],
    [{ rate: '10', duration: '1s' }, 'rate'],
    [{ rate: 10, duration: '6m' }, 'duration'],
    [{ rate: 10, duration: 'soon' }, 'duration'],
    [{ rate: 10 }, 'duration'],
    [{ rate: 10, duration: '1s', mix: 'random' }, 'mix'],
    [{ rate: 10, duration: '1s', items: 11 }, 'items'],
    [{ rate: 10, duration: '1s', mix: 'flash', items: 4 }, 'items'],
    [{ rate: 10, duration: '1s', slo: 'p99<' }, 'slo'],
    [{ rate: 10, duration: '1s', target: 'http://example.com' }, 'body'],
  ])('refuses %j, naming %s', async (body, field) => {
    const res = await post(body);
    expect([res.status, (res.body as any).error.code]).toEqual([400, 'invalid_request']);
    expect((res.body as any).error.message.startsWith(field)).toBe(true);
  });

  it('runs a load against the gateway, streams its progress and ends with the report', async () => {
    const started = await post({ rate: 20, duration: '2s', mix: 'longtail', items: 2, slo: 'p99<5s' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', settings: { rate: 20, durationMs: 2000, mix: 'longtail', items: 2, slo: 'p99<5000ms,success>=99.9%' } });
    expect(started.body.objectives).toEqual([{ percentile: 99, thresholdMs: 5000 }]);

    const second = await post({ rate: 5, duration: '1s' });
    expect([second.status, (second.body as any).error.code]).toEqual([409, 'load_running']);

    const events = await readEventsUntil(`${url}/api/load/events`, isOver);
    expect(events[0]).toMatchObject({ event: 'state', data: { status: 'running', runId: started.body.runId } });
    const final = events[events.length - 1].data as LoadState;
    expect(final.status).toBe('finished');
    expect(final.report?.counts).toMatchObject({ scheduled: 40, sent: 40, succeeded: 40, failed: 0 });
    expect(final.report?.slo.spec).toBe('p99<5000ms,success>=99.9%');
    expect(final.report).not.toHaveProperty('latencyHistogram');

    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.elapsedMs as number);
    expect(progress.length).toBeGreaterThan(0);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const state = (await requestJson<LoadState>(`${url}/api/load`)).body;
    expect(state.progress.length).toBeGreaterThanOrEqual(progress.length);
    expect(state.report?.counts.sent).toBe(40);
  });

  it('offers every mix, the flash sale too, and runs one', async () => {
    const info = (await requestJson<LabInfo>(`${url}/api/lab`)).body;
    expect(info.load.mixes).toEqual(['popular', 'longtail', 'mixed', 'flash']);
    const started = await post({ rate: 10, duration: '1s', mix: 'flash', items: 2, slo: 'p99<5s' });
    expect(started.status).toBe(202);
    const final = (await readEventsUntil(`${url}/api/load/events`, isOver)).at(-1)?.data as LoadState;
    expect(final.settings?.mix).toBe('flash');
    expect(final.report?.counts).toMatchObject({ sent: 10, succeeded: 10, failed: 0 });
  });

  it('stops a run early on DELETE; a new one may start after it', async () => {
    const started = await post({ rate: 5, duration: '60s' });
    expect(started.status).toBe(202);
    await waitFor('the first request to leave', async () => ((await requestJson<LoadState>(`${url}/api/load`)).body.progress.length > 0 ? true : undefined));
    const stopped = await requestJson<LoadState>(`${url}/api/load`, { method: 'DELETE' });
    expect(stopped.status).toBe(200);
    const events = await readEventsUntil(`${url}/api/load/events`, isOver);
    const final = events[events.length - 1].data as LoadState;
    expect(final.runId).toBe(started.body.runId);
    expect(final.report?.stoppedEarly).toBe(true);
    expect(final.report?.counts.sent).toBeLessThan(300);
    expect((await post({ rate: 5, duration: '200ms' })).status).toBe(202);
    await readEventsUntil(`${url}/api/load/events`, isOver);
  });
});
