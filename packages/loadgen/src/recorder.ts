import { createLatencyHistogram, recordLatencyMs } from './histogram';
import type { LatencyHistogram } from './histogram';
import type { RequestOutcome } from './outcome';

/** Counts and histograms a run accumulates; one per run, written only by the engine. */
export class RunRecorder {
  readonly latency: LatencyHistogram = createLatencyHistogram();
  readonly sendLag: LatencyHistogram = createLatencyHistogram();
  readonly errorsByStatus: Record<string, number> = {};
  readonly errorsByCode: Record<string, number> = {};
  sent = 0;
  succeeded = 0;
  failed = 0;
  timedOut = 0;
  notSent = 0;
  heldBack = 0;

  /** Notes that a request was handed to the sender. */
  recordSend(): void {
    this.sent++;
  }

  /** Notes that a request was written to a connection `lagMs` after its intended time. */
  recordDispatch(lagMs: number): void {
    recordLatencyMs(this.sendLag, Math.max(0, lagMs));
  }

  /** Records how a request ended and its latency from the intended send time. */
  recordOutcome(outcome: RequestOutcome, latencyMs: number): void {
    recordLatencyMs(this.latency, latencyMs);
    if (outcome.success) {
      this.succeeded++;
      return;
    }
    this.failed++;
    if (outcome.status === 'timeout') this.timedOut++;
    if (outcome.status === 'not_sent') this.notSent++;
    increment(this.errorsByStatus, outcome.status);
    increment(this.errorsByCode, outcome.code ?? outcome.status);
  }

  /** Requests that have an outcome. */
  get completed(): number {
    return this.succeeded + this.failed;
  }
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
