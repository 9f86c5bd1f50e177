import { HttpError } from '@tracecart/http-kit';
import { createCheckoutFactory, requireLoopbackTarget, runLoad, type LoadOptions, type LoadReport, type ProgressSnapshot, type RequestFactory } from '@tracecart/loadgen';
import type { LoadState, LoadSummary } from '../api-types';
import type { LoadRequest } from './load-request';

/** What a subscriber hears: the whole state on start and end, one snapshot per progress tick, `closed` on shutdown. */
export type LoadEvent = { type: 'state'; data: LoadState } | { type: 'progress'; data: ProgressSnapshot } | { type: 'closed' };

/** How the session runs loads; `run` is replaceable so tests can observe the options. */
export interface LoadSessionOptions {
  gatewayUrl: string;
  catalogSize: number;
  run?: (options: LoadOptions) => Promise<LoadReport>;
}

// Generous for the lab, yet a stuck gateway cannot make one run hold unbounded requests.
const MAX_IN_FLIGHT = 2000;
const PROGRESS_INTERVAL_MS = 500;

function summarize(report: LoadReport): LoadSummary {
  const { latencyHistogram: _histogram, ...summary } = report;
  return summary;
}

/** The console's one load run at a time: its settings, live progress, final report and listeners. */
export class LoadSession {
  private state: LoadState = { status: 'idle', runId: 0, settings: null, objectives: [], progress: [], report: null, error: null };
  private readonly listeners = new Set<(event: LoadEvent) => void>();
  private abort: AbortController | undefined;
  private settled: Promise<void> = Promise.resolve();

  constructor(private readonly options: LoadSessionOptions) {}

  /**
   * The load generator aims only at loopback unless a host is named explicitly. GATEWAY_URL is
   * the operator's explicit choice (compose's `gateway`), and no request can change the target,
   * so its host is allowed; the same trust the checkout proxy already extends to it.
   */
  private allowedHosts(): string[] {
    return [new URL(this.options.gatewayUrl).hostname];
  }

  /** Why loads cannot run here, or undefined. */
  unavailableReason(): string | undefined {
    try {
      requireLoopbackTarget(this.options.gatewayUrl, this.allowedHosts());
      return undefined;
    } catch (error) {
      return `loads cannot run against GATEWAY_URL: ${(error as Error).message}`;
    }
  }

  /** The current (or last) run. */
  current(): LoadState {
    return this.state;
  }

  /** Starts a run; 409 load_running while one is going. Resolves nothing: the run goes on in the background. */
  start(request: LoadRequest): LoadState {
    if (this.state.status === 'running') throw new HttpError(409, 'load_running', `load run ${this.state.runId} is still running; stop it first`);
    const reason = this.unavailableReason();
    if (reason) throw new HttpError(503, 'dependency_unavailable', reason);
    const { settings, slo } = request;
    const factory = this.createFactory(request);
    this.abort = new AbortController();
    this.state = { status: 'running', runId: this.state.runId + 1, settings, objectives: slo.latency, progress: [], report: null, error: null };
    const options: LoadOptions = {
      target: this.options.gatewayUrl,
      allowedHosts: this.allowedHosts(),
      rate: settings.rate,
      durationMs: settings.durationMs,
      factory,
      slo,
      maxInFlight: MAX_IN_FLIGHT,
      progressIntervalMs: PROGRESS_INTERVAL_MS,
      signal: this.abort.signal,
      onProgress: (snapshot) => this.recordProgress(snapshot),
    };
    this.settled = this.finish(this.state.runId, (this.options.run ?? runLoad)(options));
    this.emit({ type: 'state', data: this.state });
    return this.state;
  }

  /** Stops the running load early (in-flight requests still finish); false when none runs. */
  stop(): boolean {
    if (this.state.status !== 'running' || !this.abort) return false;
    this.abort.abort();
    return true;
  }

  /**
   * Shutdown: stops the run, tells every listener to let go (open streams would hold the server
   * up) and resolves once the run's in-flight requests have settled.
   */
  close(): Promise<void> {
    this.stop();
    this.emit({ type: 'closed' });
    this.listeners.clear();
    return this.settled;
  }

  /** Listens to every change; returns the unsubscribe function. */
  subscribe(listener: (event: LoadEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private createFactory({ settings }: LoadRequest): RequestFactory {
    try {
      return createCheckoutFactory({ mix: settings.mix, items: settings.items, catalogSize: this.options.catalogSize });
    } catch (error) {
      throw new HttpError(400, 'invalid_request', `items: ${(error as Error).message}`);
    }
  }

  private recordProgress(snapshot: ProgressSnapshot): void {
    this.state.progress.push(snapshot);
    this.emit({ type: 'progress', data: snapshot });
  }

  private async finish(runId: number, run: Promise<LoadReport>): Promise<void> {
    let next: Partial<LoadState>;
    try {
      next = { status: 'finished', report: summarize(await run) };
    } catch (error) {
      next = { status: 'failed', error: (error as Error).message };
    }
    if (this.state.runId !== runId) return;
    this.state = { ...this.state, ...next };
    this.abort = undefined;
    this.emit({ type: 'state', data: this.state });
  }

  private emit(event: LoadEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
