// Redis (the suite's own) SIGKILLed and started again, empty, while fix.cache is on: the cache
// fails open, so checkouts carry on, and inventory fills the new Redis once it is back.
import { runRedisRestarts, startStackLab, type StackLab } from '../src';
import { expectFaultHeld } from './support/expect-held';

const RESTARTS = 2;

describe('Redis killed and restarted with fix.cache on', () => {
  let lab: StackLab;
  beforeAll(async () => {
    lab = await startStackLab();
  }, 120_000);
  afterAll(() => lab?.stop(), 60_000);

  it('keeps checkouts succeeding, refills the cache, the invariant holds, and every committed order ships once', async () => {
    const report = await runRedisRestarts(lab, { restarts: RESTARTS, ratePerSecond: 15, downMs: 1500, upMs: 1000 });
    expectFaultHeld(report, RESTARTS);
    expect(report.notes.join('\n')).toMatch(/cache refilled/);
  }, 180_000);
});
