import type { FaultReport } from './fault-report';
import { finishFault, startFaultLoad } from './fault-run';
import { awaitRecovery, awaitSuccesses, sleep } from './recovery';
import type { StackLab } from './stack-lab';

/** How many restarts, at what checkout rate, how long the server stays down each time and up between. */
export interface RestartSettings {
  restarts: number;
  ratePerSecond: number;
  downMs: number;
  /** Load on a healthy server after each recovery, before the next injection. */
  upMs: number;
}

const WARM_UP_SUCCESSES = 5;
// Caps the load whatever happens: restarts × (down + recovery bound) with room to spare.
const loadBoundMs = (s: RestartSettings) => 60_000 + s.restarts * (s.downMs + s.upMs + 30_000);

/**
 * Restarts the lab's PostgreSQL (fast shutdown: every client is cut off) `restarts` times under a
 * constant checkout load, waiting after each for checkouts to succeed again, then checks the
 * invariant and that no service exited.
 */
export async function runPostgresRestarts(lab: StackLab, settings: RestartSettings): Promise<FaultReport> {
  const load = startFaultLoad(lab, settings.ratePerSecond, loadBoundMs(settings));
  const recoveries: (number | undefined)[] = [];
  try {
    await awaitSuccesses(load, WARM_UP_SUCCESSES);
    for (let i = 0; i < settings.restarts; i++) {
      await lab.pg.stop();
      await sleep(settings.downMs);
      await lab.pg.start();
      recoveries.push(await awaitRecovery(load, Date.now()));
      await sleep(settings.upMs);
    }
  } finally {
    await load.stop();
  }
  const fault = `PostgreSQL restarted ${settings.restarts}× under ${settings.ratePerSecond} checkouts/s`;
  return finishFault(lab, fault, load, { recoveries, unexpectedExits: lab.exitedServices() });
}
