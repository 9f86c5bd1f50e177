import { sendReady } from '@tracecart/launcher';
import { flushTracing, type Logger } from '@tracecart/tracing';

// Long enough for requests in flight to finish, short of the 10 s a container runtime (or the
// demo's launcher) waits before it kills the process.
const DRAIN_DEADLINE_MS = 5_000;
// A close that ignores the deadline is waited for this much longer, then left behind.
const CLOSE_GRACE_MS = 2_000;

/** A started service: the ports it listens on, by name (the first is its main port), and how it closes. */
export interface RunningService {
  ports: Record<string, number>;
  /** Stops taking work and lets work in flight finish; when `deadline` aborts, cuts what is left. */
  close(deadline: AbortSignal): Promise<void>;
}

/** What runService starts, and what it closes after the service. */
export interface RunServiceOptions<T extends RunningService = RunningService> {
  logger: Logger;
  start: () => Promise<T>;
  /** Closes pools and clients after the service stopped taking work. */
  onShutdown?: () => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

async function closeWithinDeadline(service: RunningService, logger: Logger): Promise<void> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), DRAIN_DEADLINE_MS);
  const gaveUp = wait(DRAIN_DEADLINE_MS + CLOSE_GRACE_MS).then(() => logger.warn('stopped waiting for the service to close'));
  await Promise.race([service.close(deadline.signal), gaveUp]).finally(() => clearTimeout(timer));
}

async function shutDown(service: RunningService, options: RunServiceOptions<RunningService>, signal: string): Promise<never> {
  const { logger } = options;
  logger.info({ signal }, 'shutting down');
  let exitCode = 0;
  try {
    await closeWithinDeadline(service, logger);
    await options.onShutdown?.();
  } catch (err) {
    logger.error({ err }, 'shutdown failed');
    exitCode = 1;
  }
  await flushTracing().catch((err: unknown) => logger.error({ err }, 'flushing spans failed'));
  process.exit(exitCode);
}

/**
 * The one lifecycle of every tracecart service: starts it, logs `listening`, tells the launcher
 * (if any) over IPC, and on SIGTERM/SIGINT drains (bounded), closes, flushes spans and exits.
 */
export async function runService<T extends RunningService>(options: RunServiceOptions<T>): Promise<T> {
  const service = await options.start();
  const names = Object.keys(service.ports);
  const port = service.ports[names[0]];
  options.logger.info(names.length > 1 ? { port, ports: service.ports } : { port }, 'listening');
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void shutDown(service, options, signal);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  sendReady({ ready: port, ports: service.ports }, (err) => options.logger.warn({ err }, 'could not tell the launcher it is ready'));
  return service;
}
