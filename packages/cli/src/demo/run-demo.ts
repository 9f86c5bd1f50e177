import { chooseCacheBackend } from './cache-backend';
import { demoPortClaims, findDemoApps, serviceSpecs } from './components';
import { DemoError } from './demo-error';
import type { DemoOptions } from './demo-options';
import { assertPortsFree } from './ports';
import { prepareDatabase } from './prepare-database';
import type { Progress } from './progress';
import { providePostgres } from './postgres/provide-postgres';
import { printReadyBanner } from './ready-banner';
import { startStatusServer } from './status-server';
import { listenForStop } from './stop-signals';
import { createSupervisor, type Supervisor } from './supervisor';
import { describeTraceBackend, traceBackendSpec } from './trace-backend';

/** What a started demo can fail with while it runs (a service that keeps exiting, PostgreSQL dying). */
interface StartedDemo {
  supervisor: Supervisor;
  crashed: Promise<string>;
}

/** Teardown steps, run last-registered first. */
type Teardown = Array<{ label: string; run: () => Promise<void> }>;

function throwIfStopped(stop: AbortSignal): void {
  if (stop.aborted) throw new Error('stopped while starting');
}

async function startDemo(options: DemoOptions, progress: Progress, stop: AbortSignal, teardown: Teardown): Promise<StartedDemo> {
  const startedAt = Date.now();
  const traceBackend = traceBackendSpec();
  const apps = findDemoApps();
  await assertPortsFree(demoPortClaims(apps));
  const postgres = await providePostgres(options, progress);
  teardown.push({ label: 'PostgreSQL', run: postgres.stop });
  throwIfStopped(stop);
  await prepareDatabase(postgres.url, options.catalogSize, progress, stop);
  const cache = await chooseCacheBackend(options.redisUrl, progress);
  throwIfStopped(stop);
  const supervisor = createSupervisor(progress);
  const status = await startStatusServer(supervisor.statuses);
  teardown.push({ label: 'status endpoint', run: status.close });
  teardown.push({ label: 'services', run: supervisor.stopAll });
  const [tracestore] = await supervisor.startAll([traceBackend]);
  progress.child('tracestore', describeTraceBackend(tracestore.ports));
  throwIfStopped(stop);
  const settings = { databaseUrl: postgres.url, redisUrl: options.redisUrl, cacheBackend: cache, catalogSize: options.catalogSize };
  await supervisor.startAll(serviceSpecs(apps, settings, status.url));
  throwIfStopped(stop);
  printReadyBanner({ startedAt, apps, postgres, cache, redisUrl: options.redisUrl, statusUrl: status.url }, progress);
  return { supervisor, crashed: postgres.crashed };
}

async function runTeardown(teardown: Teardown, progress: Progress): Promise<void> {
  for (const step of [...teardown].reverse()) {
    await step.run().catch((error: Error) => progress.note(`stopping ${step.label} failed: ${error.message}`));
  }
}

/** Waits for a stop signal (resolves undefined) or a part of the demo dying (resolves why). */
async function watchDemo(started: StartedDemo, requested: Promise<NodeJS.Signals>): Promise<string | undefined> {
  return Promise.race([requested.then(() => undefined), started.supervisor.gaveUp, started.crashed]);
}

/**
 * Runs the whole lab until Ctrl-C (resolves 0) or until a part of it fails for good (rejects
 * with a DemoError saying which, after stopping the rest): a service that exits is restarted,
 * one that keeps exiting is given up on. Configuration problems reject with a
 * DemoError before anything is left running.
 */
export async function runDemo(options: DemoOptions, progress: Progress): Promise<number> {
  const abort = new AbortController();
  const signals = listenForStop((signal) => progress.note(`${signal} again: still stopping, please wait`));
  void signals.requested.then((signal) => {
    progress.note(`${signal} received: stopping everything`);
    abort.abort(new Error(`stopped by ${signal}`));
  });
  const teardown: Teardown = [];
  try {
    const failure = await watchDemo(await startDemo(options, progress, abort.signal, teardown), signals.requested);
    if (failure === undefined) return 0;
    progress.note(`${failure}: stopping everything`);
    throw new DemoError(failure);
  } catch (error) {
    if (abort.signal.aborted) return 0; // whatever failed did so because we were stopping it
    throw error;
  } finally {
    await runTeardown(teardown, progress);
    signals.dispose();
    if (teardown.length) progress.note('stopped');
  }
}
