import { writeFlag } from '@tracecart/flags';
import { redisCommand, waitUntil, type PrivateRedis } from '@tracecart/testkit';
import type { FaultReport } from './fault-report';
import { finishFault, startFaultLoad } from './fault-run';
import { percentile } from './format-report';
import { awaitRecovery, awaitSuccesses, RECOVERY_BOUND_MS, sleep } from './recovery';
import type { StackLab } from './stack-lab';
import type { RestartSettings } from './postgres-restarts';

const WARM_UP_SUCCESSES = 5;

async function cachedKeys(redis: PrivateRedis): Promise<number> {
  const reply = await redisCommand(redis.port, ['DBSIZE']).catch(() => ':0');
  return Number(reply.slice(1));
}

/** Waits until inventory writes to this Redis again; resolves with the ms it took from `since`. */
async function awaitCacheFilled(redis: PrivateRedis, since: number): Promise<number> {
  await waitUntil('inventory to fill the cache', async () => (await cachedKeys(redis)) > 0, RECOVERY_BOUND_MS);
  return Date.now() - since;
}

/**
 * Turns fix.cache on, then SIGKILLs the lab's Redis and starts it again (empty) `restarts` times
 * under a constant checkout load. The cache fails open, so checkouts should never fail; the
 * report adds how long inventory took to fill the new Redis.
 */
export async function runRedisRestarts(lab: StackLab, settings: RestartSettings): Promise<FaultReport> {
  await writeFlag(lab.pool, 'fix.cache', true);
  const boundMs = 60_000 + settings.restarts * (settings.downMs + settings.upMs + 2 * RECOVERY_BOUND_MS);
  const load = startFaultLoad(lab, settings.ratePerSecond, boundMs);
  const recoveries: (number | undefined)[] = [];
  const refills: number[] = [];
  try {
    await awaitSuccesses(load, WARM_UP_SUCCESSES);
    await awaitCacheFilled(lab.redis, Date.now());
    for (let i = 0; i < settings.restarts; i++) {
      await lab.redis.kill();
      await sleep(settings.downMs);
      await lab.redis.start();
      const back = Date.now();
      recoveries.push(await awaitRecovery(load, back));
      refills.push(await awaitCacheFilled(lab.redis, back));
      await sleep(settings.upMs);
    }
  } finally {
    await load.stop();
  }
  const notes = [`cache refilled after   max ${Math.max(...refills)} ms, median ${percentile(refills, 50)} ms (reported, not asserted)`];
  const fault = `Redis SIGKILLed and restarted ${settings.restarts}× with fix.cache on, ${settings.ratePerSecond} checkouts/s`;
  return finishFault(lab, fault, load, { recoveries, unexpectedExits: lab.exitedServices(), notes });
}
