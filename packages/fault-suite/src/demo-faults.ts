import { waitUntil } from '@tracecart/testkit';
import type { DemoLab } from './demo-lab';
import type { ServiceStatus } from './demo-process';
import type { FaultReport } from './fault-report';
import { finishFault, startFaultLoad } from './fault-run';
import { percentile } from './format-report';
import { awaitRecovery, awaitSuccesses, RECOVERY_BOUND_MS, sleep } from './recovery';

const WARM_UP_SUCCESSES = 5;

async function serviceOf(lab: DemoLab, name: string): Promise<ServiceStatus> {
  const found = (await lab.states()).find((s) => s.name === name);
  if (!found?.pid) throw new Error(`the demo reports no running ${name}`);
  return found;
}

/** Services (other than `except`) whose restart count or pid changed since `before`. */
async function restartedSince(lab: DemoLab, before: ServiceStatus[], except?: string): Promise<string[]> {
  const now = await lab.states();
  return before
    .filter((b) => b.name !== except)
    .filter((b) => {
      const n = now.find((s) => s.name === b.name);
      return !n || n.pid !== b.pid || n.restarts !== b.restarts;
    })
    .map((b) => b.name);
}

/**
 * SIGKILLs `service` by pid `kills` times under load and lets the demo's supervisor bring it
 * back (nobody else touches the demo); `spacingMs` apart, so the supervisor's give-up rule
 * (5 restarts within a minute) is not what is tested.
 */
export async function runServiceKills(lab: DemoLab, settings: { service: string; kills: number; ratePerSecond: number; spacingMs: number }): Promise<FaultReport> {
  const before = await lab.states();
  const load = startFaultLoad(lab, settings.ratePerSecond, 60_000 + settings.kills * (settings.spacingMs + 2 * RECOVERY_BOUND_MS));
  const recoveries: (number | undefined)[] = [];
  const downMs: number[] = [];
  try {
    await awaitSuccesses(load, WARM_UP_SUCCESSES);
    for (let i = 0; i < settings.kills; i++) {
      const killed = (await serviceOf(lab, settings.service)).pid!;
      const killedAt = Date.now();
      process.kill(killed, 'SIGKILL');
      const isBack = async () => (await lab.states()).some((s) => s.name === settings.service && s.state === 'up' && s.pid !== killed);
      await waitUntil(`${settings.service} to be restarted by the demo`, isBack, RECOVERY_BOUND_MS);
      downMs.push(Date.now() - killedAt);
      recoveries.push(await awaitRecovery(load, Date.now()));
      await sleep(settings.spacingMs);
    }
  } finally {
    await load.stop();
  }
  const restarts = (await serviceOf(lab, settings.service)).restarts;
  const unexpectedExits = await restartedSince(lab, before, settings.service);
  if (restarts !== (before.find((s) => s.name === settings.service)?.restarts ?? 0) + settings.kills) unexpectedExits.push(`${settings.service} restarts ${restarts}`);
  const notes = [`back up after SIGKILL  max ${Math.max(...downMs)} ms, median ${percentile(downMs, 50)} ms (reported, not asserted)`];
  const fault = `${settings.service} SIGKILLed ${settings.kills}× under the demo's supervisor, ${settings.ratePerSecond} checkouts/s`;
  return finishFault(lab, fault, load, { recoveries, unexpectedExits, notes });
}

const latencies = (load: { answers: { status: number; sentAt: number; receivedAt: number }[] }, from: number, to: number) =>
  load.answers.filter((a) => a.status === 201 && a.sentAt >= from && a.sentAt < to).map((a) => a.receivedAt - a.sentAt);

const describeLatency = (label: string, ms: number[]) => `${label.padEnd(22)} p50 ${percentile(ms, 50)} ms, max ${Math.max(...ms)} ms over ${ms.length} checkouts`;

/**
 * Hangs the trace store (SIGSTOP by pid) for `hangMs` under load, then resumes it (SIGCONT).
 * Checkouts must keep succeeding; their latency before, during and after is reported only.
 */
export async function runTraceStoreHang(lab: DemoLab, settings: { hangMs: number; ratePerSecond: number }): Promise<FaultReport> {
  const before = await lab.states();
  const store = (await serviceOf(lab, 'tracestore')).pid!;
  const load = startFaultLoad(lab, settings.ratePerSecond, 60_000 + settings.hangMs + RECOVERY_BOUND_MS);
  const resume = () => process.kill(store, 'SIGCONT');
  let stoppedAt = 0;
  let resumedAt = 0;
  const recoveries: (number | undefined)[] = [];
  try {
    await awaitSuccesses(load, WARM_UP_SUCCESSES);
    // A suite that dies mid-hang must not leave the trace store stopped.
    process.once('exit', resume);
    stoppedAt = Date.now();
    process.kill(store, 'SIGSTOP');
    await sleep(settings.hangMs);
  } finally {
    if (stoppedAt) resume();
    resumedAt = Date.now();
    process.removeListener('exit', resume);
  }
  try {
    recoveries.push(await awaitRecovery(load, resumedAt));
    await sleep(2000); // a little load after the resume, for the latency figure
  } finally {
    await load.stop();
  }
  const notes = [
    describeLatency('latency before hang', latencies(load, 0, stoppedAt)),
    describeLatency('latency while hung', latencies(load, stoppedAt, resumedAt)),
    describeLatency('latency after resume', latencies(load, resumedAt, Number.POSITIVE_INFINITY)),
  ];
  const fault = `trace store hung (SIGSTOP) for ${settings.hangMs / 1000} s, ${settings.ratePerSecond} checkouts/s`;
  return finishFault(lab, fault, load, { recoveries, unexpectedExits: await restartedSince(lab, before), notes });
}
