// PostgreSQL (the suite's own) restarted several times in a row under a constant checkout load,
// with fulfilment consuming the orders: the outbox and redelivery must carry every committed order
// to exactly one shipment, and no outage may park a good order in the dead-letter queue.
// bench/faults.js runs the twenty restarts; CI runs five.
import { runPostgresRestarts, startStackLab, type StackLab } from '../src';
import { expectFaultHeld } from './support/expect-held';

const RESTARTS = 5;

describe('PostgreSQL restarted under load', () => {
  let lab: StackLab;
  beforeAll(async () => {
    lab = await startStackLab();
  }, 120_000);
  afterAll(() => lab?.stop(), 60_000);

  it(`survives ${RESTARTS} restarts: only 201 or 503, checkouts succeed again, the invariant holds, every committed order ships once`, async () => {
    const report = await runPostgresRestarts(lab, { restarts: RESTARTS, ratePerSecond: 15, downMs: 500, upMs: 1000 });
    expectFaultHeld(report, RESTARTS);
    // Each restart cut every connection, and some checkouts were in flight: the suite saw it.
    expect(lab.pg.isRunning()).toBe(true);
  }, 240_000);
});
