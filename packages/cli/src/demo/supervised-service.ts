import { LaunchError } from '@tracecart/launcher';
import type { ChildService, ServiceSpec } from './child-service';
import { DemoError } from './demo-error';
import { formatSeconds, type Progress } from './progress';
import { createRestartPolicy, type RestartPolicy, type RestartPolicyOptions } from './restart-policy';

/** Where a supervised service is in its life. */
export type ServiceState = 'starting' | 'up' | 'restarting' | 'stopped' | 'failed';

/** One service as the supervisor's status endpoint reports it. */
export interface ServiceStatus {
  name: string;
  state: ServiceState;
  /** Restarts since the demo started. */
  restarts: number;
  /** Its process while it runs, else null. */
  pid: number | null;
  /** How it last ended ("signal SIGKILL", "exit code 1"), or null if it never has. */
  lastExit: string | null;
}

/** What a supervised service needs: how to start it, where to say what happens, and when to give up. */
export interface SupervisionDeps {
  launch(spec: ServiceSpec): Promise<ChildService>;
  progress: Progress;
  policy: RestartPolicyOptions;
  /** Called once, with one line naming the service and its last output, when it exits too often. */
  onGiveUp(message: string): void;
}

/** One service under supervision: started, restarted with backoff when it exits on its own, stopped on request. */
export class SupervisedService {
  private state: ServiceState = 'starting';
  private restarts = 0;
  private child: ChildService | undefined;
  private lastExit: string | null = null;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private relaunching: Promise<void> = Promise.resolve();
  private readonly policy: RestartPolicy;

  constructor(
    readonly spec: ServiceSpec,
    private readonly deps: SupervisionDeps,
  ) {
    this.policy = createRestartPolicy(deps.policy);
  }

  /** What the status endpoint says about it. */
  status(): ServiceStatus {
    return { name: this.spec.name, state: this.state, restarts: this.restarts, pid: this.child?.pid ?? null, lastExit: this.lastExit };
  }

  /** The first start: failing here is a problem with the demo (a DemoError), not a reason to retry. */
  async start(): Promise<ChildService> {
    try {
      const child = await this.deps.launch(this.spec);
      this.adopt(child);
      return child;
    } catch (error) {
      this.state = 'failed';
      throw error instanceof LaunchError ? new DemoError(error.message) : error;
    }
  }

  /** Stops it for good: a pending restart is cancelled, one under way is let finish and stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.relaunching;
    await this.child?.stop();
    if (this.state !== 'failed') this.state = 'stopped';
  }

  private adopt(child: ChildService): void {
    this.child = child;
    this.state = 'up';
    const upSince = Date.now();
    void child.finished.then((how) => {
      this.child = undefined;
      this.lastExit = how;
      if (this.stopping) this.state = 'stopped';
      else this.afterExit(how, child.lastLines(), Date.now() - upSince);
    });
  }

  private afterExit(how: string, lastLines: readonly string[], upMs: number): void {
    const decision = this.policy.afterExit(upMs);
    const name = this.spec.name;
    if (!decision.restart) {
      this.state = 'failed';
      const output = lastLines.length ? lastLines.join(' | ') : 'no output';
      this.deps.onGiveUp(`${name} exited again (${how}) after ${decision.restartsInWindow} restarts within a minute; giving up. Its last lines: ${output}`);
      return;
    }
    this.restarts += 1;
    this.state = 'restarting';
    this.deps.progress.note(`${name} exited (${how}); restarting in ${formatSeconds(decision.delayMs)} (restart ${this.restarts})`);
    this.timer = setTimeout(() => (this.relaunching = this.relaunch()), decision.delayMs);
  }

  private async relaunch(): Promise<void> {
    if (this.stopping) return;
    try {
      const child = await this.deps.launch(this.spec);
      this.adopt(child);
      this.deps.progress.note(`${this.spec.name} is up again (pid ${child.pid})`);
    } catch (error) {
      // A restart that fails to start counts as one more exit, so a crash loop still ends.
      const how = error instanceof LaunchError ? error.reason : `could not start: ${(error as Error).message}`;
      this.lastExit = how;
      if (!this.stopping) this.afterExit(how, error instanceof LaunchError ? error.lastLines : [], 0);
    }
  }
}
