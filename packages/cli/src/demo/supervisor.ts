import { startChildService, type ChildService, type ServiceSpec } from './child-service';
import type { Progress } from './progress';
import { DEMO_RESTART_POLICY, type RestartPolicyOptions } from './restart-policy';
import { SupervisedService, type ServiceStatus } from './supervised-service';

/** The services of one demo run: started in order, restarted when they exit on their own, stopped in reverse order. */
export interface Supervisor {
  /** Starts these services side by side; resolves with them, in order, once all are ready (or rejects). */
  startAll(specs: readonly ServiceSpec[]): Promise<ChildService[]>;
  /** Resolves with one line naming the service and its last output when one keeps exiting. */
  gaveUp: Promise<string>;
  /** Every service started so far, in start order, as the status endpoint reports them. */
  statuses(): ServiceStatus[];
  /** Stops every service, callers first, so requests in flight can finish downstream; none is restarted. */
  stopAll(): Promise<void>;
}

/** A supervisor that reports its services' lines and restarts on `progress`. */
export function createSupervisor(progress: Progress, policy: RestartPolicyOptions = DEMO_RESTART_POLICY): Supervisor {
  const services: SupervisedService[] = [];
  let reportGiveUp: (message: string) => void = () => undefined;
  const gaveUp = new Promise<string>((resolve) => (reportGiveUp = resolve));
  const deps = { launch: (spec: ServiceSpec) => startChildService(spec, progress), progress, policy, onGiveUp: reportGiveUp };
  return {
    gaveUp,
    statuses: () => services.map((service) => service.status()),
    async startAll(specs) {
      const added = specs.map((spec) => new SupervisedService(spec, deps));
      services.push(...added);
      const results = await Promise.allSettled(added.map((service) => service.start()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      return results.map((result) => (result as PromiseFulfilledResult<ChildService>).value);
    },
    async stopAll() {
      // Started as tracestore, inventory, order, gateway, carrier, fulfilment, console: the reverse
      // stops callers before what they call, and the tracestore last, once every span has been sent.
      for (const service of [...services].reverse()) await service.stop();
    },
  };
}
