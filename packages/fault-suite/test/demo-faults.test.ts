// `lab demo` on the suite's own PostgreSQL and Redis: inventory SIGKILLed by pid and brought back
// by the demo's supervisor alone, and the trace store hung with SIGSTOP, both under load.
import { runServiceKills, runTraceStoreHang, startDemoLab, type DemoLab } from '../src';
import { expectFaultHeld } from './support/expect-held';

const KILLS = 2;

describe('faults under lab demo', () => {
  let lab: DemoLab;
  beforeAll(async () => {
    lab = await startDemoLab();
  }, 700_000);
  afterAll(() => lab?.stop(), 60_000);

  it('inventory SIGKILLed: the supervisor restarts it, checkouts succeed again, the invariant holds', async () => {
    const report = await runServiceKills(lab, { service: 'inventory', kills: KILLS, ratePerSecond: 10, spacingMs: 2000 });
    expectFaultHeld(report, KILLS);
    expect((await lab.states()).find((s) => s.name === 'inventory')).toMatchObject({ state: 'up', restarts: KILLS, lastExit: 'signal SIGKILL' });
  }, 180_000);

  it('trace store hung and resumed: checkouts keep succeeding and it is not restarted', async () => {
    const report = await runTraceStoreHang(lab, { hangMs: 5000, ratePerSecond: 10 });
    expectFaultHeld(report, 1);
    expect((await lab.states()).find((s) => s.name === 'tracestore')).toMatchObject({ state: 'up', restarts: 0 });
  }, 120_000);
});
