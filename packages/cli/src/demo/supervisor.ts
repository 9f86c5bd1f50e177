import { startChildService, type ChildService, type ServiceSpec } from './child-service';
import type { Progress } from './progress';

/** The services of one demo run: started in order, watched, stopped in reverse order. */
export interface Supervisor {
  /** Starts these services side by side; resolves with them, in order, once all are ready (or stops them and rejects). */
  startAll(specs: readonly ServiceSpec[]): Promise<ChildService[]>;
  /** Resolves with a message when a service exits that nobody asked to stop. */
  unexpectedExit: Promise<string>;
  /** The pids of the services still running. */
  pids(): number[];
  /** Stops every service, callers first, so requests in flight can finish downstream. */
  stopAll(): Promise<void>;
}

/** A supervisor that reports its services' lines on `progress`. */
export function createSupervisor(progress: Progress): Supervisor {
  const running: ChildService[] = [];
  let stopping = false;
  let reportExit: (message: string) => void = () => undefined;
  const unexpectedExit = new Promise<string>((resolve) => (reportExit = resolve));
  const watch = (service: ChildService) => {
    running.push(service);
    void service.exited.then((how) => {
      if (!stopping) reportExit(`${service.name} exited unexpectedly (${how})`);
    });
  };
  return {
    unexpectedExit,
    pids: () => running.map((s) => s.pid),
    async startAll(specs) {
      const results = await Promise.allSettled(specs.map((spec) => startChildService(spec, progress)));
      for (const result of results) if (result.status === 'fulfilled') watch(result.value);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      return results.map((result) => (result as PromiseFulfilledResult<ChildService>).value);
    },
    async stopAll() {
      stopping = true;
      // Started as tracestore, inventory, order, gateway: the reverse stops the entry point first
      // and the tracestore last, once every span has been sent.
      for (const service of [...running].reverse()) await service.stop();
      running.length = 0;
    },
  };
}
