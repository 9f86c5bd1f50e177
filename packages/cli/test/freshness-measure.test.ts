import { MESSAGING } from '@tracecart/contracts';
import { freeLoopbackPort } from '@tracecart/testkit';
import type { FreshnessMeasured } from '@tracecart/loadgen';
import { judgeFreshness } from '../src/load/freshness-result';
import { startFreshnessProbe } from '../src/load/freshness-probe';
import { orderQueueDepth, waitForDrain } from '../src/load/fulfilment-metrics';
import { histogramQuantile, readHistogram } from '../src/load/lag-histogram';
import { parsePromText } from '../src/load/prom-text';
import { observeLags, setOrderQueue, startFulfilmentMetrics, type FulfilmentMetrics } from './fixtures/fulfilment-metrics';

const P99_5S = { percentile: 99, thresholdMs: 5000 };
const LAG = MESSAGING.METRIC_FULFILMENT_LAG;

describe('freshness from fulfilment metrics', () => {
  let metrics: FulfilmentMetrics;
  beforeEach(async () => {
    metrics = await startFulfilmentMetrics();
    setOrderQueue(metrics, 0, 0);
  });
  afterEach(() => metrics.close());

  const scrapeText = () => metrics.registry.metrics();

  it('judges only the fulfilments between the two scrapes, interpolating within buckets like histogram_quantile', async () => {
    observeLags(metrics, 100, 20); // before the run: not this run's
    const before = readHistogram(parsePromText(await scrapeText()), LAG);
    observeLags(metrics, 90, 0.3); // bucket (0.1, 0.5]
    observeLags(metrics, 8, 3); // bucket (2.5, 5]
    observeLags(metrics, 1, 7); // bucket (5, 10]
    const after = readHistogram(parsePromText(await scrapeText()), LAG);
    const result = judgeFreshness(P99_5S, { source: 's', before, after, stillQueued: 1, drainWaitMs: 30_000, graceMs: 30_000 });
    expect(result).toMatchObject({ fulfilled: 99, stillQueued: 1, objective: 'p99<5s', withinBoundMs: 5000 });
    // p50: rank 49.5 of 90 in (0.1, 0.5] -> 0.1 + 0.4 * 49.5/90 = 0.32 s; p99: rank 98.01 lands in (5, 10] -> 5.05 s.
    expect(result.lagMs?.p50).toBeCloseTo(320, 6);
    expect(result.lagMs?.p99).toBeCloseTo(5050, 6);
    // 98 of 99 fulfilled within 5 s, plus one still queued that counts as late: 98 of 100.
    expect(result.withinPercent).toBeCloseTo(98, 9);
    expect(result.verdict).toBe('missed');
  });

  it('meets the objective when the share within the threshold reaches the percentile, and reads it at a bound at or below the threshold', async () => {
    const before = readHistogram(parsePromText(await scrapeText()), LAG);
    observeLags(metrics, 99, 0.3);
    observeLags(metrics, 1, 4);
    const after = readHistogram(parsePromText(await scrapeText()), LAG);
    const observed = { source: 's', before, after, stillQueued: 0, drainWaitMs: 0, graceMs: 30_000 };
    expect(judgeFreshness(P99_5S, observed)).toMatchObject({ fulfilled: 100, withinPercent: 100, verdict: 'met' });
    // 3 s falls inside the (2.5, 5] bucket: only the 2.5 s bound is surely within it, so the 4 s lag counts as late.
    expect(judgeFreshness({ percentile: 99, thresholdMs: 3000 }, observed)).toMatchObject({ withinBoundMs: 2500, withinPercent: 99, verdict: 'met' });
    expect(judgeFreshness({ percentile: 99.5, thresholdMs: 3000 }, observed).verdict).toBe('missed');
    // Below the smallest bucket nothing can be counted within.
    expect(judgeFreshness({ percentile: 50, thresholdMs: 50 }, observed)).toMatchObject({ withinBoundMs: null, withinPercent: 0, verdict: 'missed' });
  });

  it('has no data when the run fulfilled and left nothing, and gives the highest finite bound for a rank past it', async () => {
    const empty = readHistogram(parsePromText(await scrapeText()), LAG);
    expect(judgeFreshness(P99_5S, { source: 's', before: empty, after: empty, stillQueued: 0, drainWaitMs: 0, graceMs: 1 })).toMatchObject({ fulfilled: 0, lagMs: null, verdict: 'no_data' });
    observeLags(metrics, 10, 60);
    expect(histogramQuantile(0.5, readHistogram(parsePromText(await scrapeText()), LAG))).toBe(10);
  });

  it('refuses a delta when the histogram went down (the service restarted)', async () => {
    observeLags(metrics, 5, 0.3);
    const before = readHistogram(parsePromText(await scrapeText()), LAG);
    metrics.registry.resetMetrics();
    const after = readHistogram(parsePromText(await scrapeText()), LAG);
    expect(() => judgeFreshness(P99_5S, { source: 's', before, after, stillQueued: 0, drainWaitMs: 0, graceMs: 1 })).toThrow('went down');
  });

  it('reads queued plus active of order.placed only', async () => {
    setOrderQueue(metrics, 3, 2);
    metrics.depth.set({ queue: 'other', state: 'queued' }, 40);
    expect(orderQueueDepth(parsePromText(await scrapeText()))).toBe(5);
  });

  it('stops waiting for the drain at the grace, leaving what is still queued', async () => {
    setOrderQueue(metrics, 2, 1);
    const waits: number[] = [];
    const outcome = await waitForDrain(`${metrics.url}/metrics`, 30, { intervalMs: 5, onWaiting: (depth) => waits.push(depth) });
    expect(outcome.stillQueued).toBe(3);
    expect(waits).toEqual([3]);
  });

  it('stops waiting once the queue has drained, then scrapes again', async () => {
    let queued = 3;
    setOrderQueue(metrics, queued, 0);
    // Each scrape, one message leaves the queue and is fulfilled.
    metrics.beforeScrape = () => {
      if (queued === 0) return;
      setOrderQueue(metrics, --queued, 0);
      metrics.lag.observe(0.2);
    };
    const outcome = await waitForDrain(`${metrics.url}/metrics`, 60_000, { intervalMs: 1 });
    expect(outcome.stillQueued).toBe(0);
    expect(readHistogram(outcome.samples, LAG).buckets.at(-1)?.count).toBe(3);
  });

  it('measures a run end to end over HTTP: scrape, run, drain, scrape', async () => {
    observeLags(metrics, 7, 9);
    const probe = await startFreshnessProbe({ objective: P99_5S, fulfilmentUrl: metrics.url, graceMs: 20 }, 5);
    observeLags(metrics, 50, 0.3);
    setOrderQueue(metrics, 1, 0);
    const result = (await probe.finish()) as FreshnessMeasured;
    expect(result).toMatchObject({ measured: true, source: `${metrics.url}/metrics`, fulfilled: 50, stillQueued: 1, verdict: 'missed' });
    expect(result.withinPercent).toBeCloseTo((50 / 51) * 100, 9);
  });

  it('reports "not measured" with the reason when the endpoint is not fulfilment or does not answer', async () => {
    metrics.registry.removeSingleMetric(LAG);
    const foreign = await startFreshnessProbe({ objective: P99_5S, fulfilmentUrl: metrics.url, graceMs: 20 });
    expect(await foreign.finish()).toMatchObject({ measured: false, objective: 'p99<5s', reason: expect.stringContaining(`no ${LAG} histogram`) });
    // A port just freed by the OS: nothing listens there, so the connection is refused.
    const down = await startFreshnessProbe({ objective: P99_5S, fulfilmentUrl: `http://127.0.0.1:${await freeLoopbackPort()}`, graceMs: 20 });
    expect(await down.finish()).toMatchObject({ measured: false, reason: expect.stringContaining('did not answer: ECONNREFUSED') });
  });
});
