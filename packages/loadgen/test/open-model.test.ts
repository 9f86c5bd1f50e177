import { createCheckoutFactory, createSeededRandom, percentileMs, runLoad } from '../src';
import type { LoadReport } from '../src';
import { runPacedClosedLoop } from './fixtures/closed-loop';
import { expectedOpenModelLatencies, percentileOf, startStallServer } from './fixtures/stall-server';
import type { TestServer } from './fixtures/test-server';

// 200 req/s for 4 s = 800 requests; the 300th and 600th checkouts each freeze the server for
// 500 ms, so 2 x 100 requests wait between 5 and 500 ms and the tail is fully determined.
const RATE = 200;
const DURATION_MS = 4000;
const EVERY_NTH = 300;
const STALL_MS = 500;

describe('open model against a server that stalls like a GC pause', () => {
  let server: TestServer;
  let report: LoadReport;

  beforeAll(async () => {
    server = await startStallServer(EVERY_NTH, STALL_MS);
    const factory = createCheckoutFactory({ random: createSeededRandom(7) });
    report = await runLoad({ target: server.url, rate: RATE, durationMs: DURATION_MS, factory, graceMs: 3000 });
  });

  afterAll(() => server.close());

  it('sends every scheduled request on time and reaches the target rate within 2%', () => {
    expect(report.counts).toMatchObject({ scheduled: 800, sent: 800, succeeded: 800, failed: 0, heldBack: 0 });
    expect(Math.abs(report.achievedRate - RATE) / RATE).toBeLessThan(0.02);
  });

  // How close the figures come to the schedule's is a timing claim: `npm run bench:loadgen` prints
  // it. What a test can hold on any machine is the shape: the stalled requests are counted from
  // their intended send time, so the tail is the stall's, not a lucky request's.
  it('reports the stall in the tail, not just the one request that met it', () => {
    const expected = expectedOpenModelLatencies(RATE, 800, EVERY_NTH, STALL_MS);
    const impliedP99 = percentileOf(expected, 99);
    expect(impliedP99).toBeGreaterThan(250);
    expect(report.latencyMs.p99).toBeGreaterThan(impliedP99 / 2);
    expect(report.latencyMs.p90).toBeGreaterThan(percentileOf(expected, 90) / 2);
    expect(report.latencyMs.max).toBeGreaterThanOrEqual(report.latencyMs.p99);
  });

  it('judges the SLO from the same histogram: p99 ~485ms misses p99<300ms', () => {
    expect(report.slo.verdict).toBe('fail');
    const latency = report.slo.objectives.find((o) => o.kind === 'latency');
    // Expected share at or over 300 ms: 2 x 41 requests (waits of 300..500 ms) out of 800.
    expect(latency?.badFraction).toBeCloseTo(82 / 800, 1);
    expect(report.slo.objectives.find((o) => o.kind === 'availability')?.met).toBe(true);
  });
});

describe('a paced closed loop against the same server (documentation of coordinated omission)', () => {
  it('under-reports p99 by an order of magnitude, because only the request that met the stall is timed as slow', async () => {
    const server = await startStallServer(EVERY_NTH, STALL_MS);
    try {
      const histogram = await runPacedClosedLoop(server.url, RATE, DURATION_MS, createCheckoutFactory());
      const expectedP99 = percentileOf(expectedOpenModelLatencies(RATE, 800, EVERY_NTH, STALL_MS), 99);
      expect(percentileMs(histogram, 99)).toBeLessThan(expectedP99 / 10);
      // It does see the stall itself, once per pause.
      expect(histogram.maxValue / 1000).toBeGreaterThan(STALL_MS * 0.9);
    } finally {
      await server.close();
    }
  });
});
