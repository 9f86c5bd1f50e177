import { performance } from 'node:perf_hooks';
import { NOT_SENT, TIMED_OUT } from './outcome';
import type { RequestOutcome } from './outcome';
import { takeProgressSnapshot } from './progress';
import { RunRecorder } from './recorder';
import type { ResolvedOptions } from './run-options';
import { ArrivalSchedule, countScheduledRequests } from './schedule';
import type { HttpSender } from './http-sender';
import type { SendListener } from './send-listener';
import type { LoadRequest, ProgressSnapshot } from './types';

/** What a finished run hands to the report. */
export interface RunResult {
  recorder: RunRecorder;
  schedule: ArrivalSchedule;
  startedAt: Date;
  endTime: number;
  lastSendTime: number;
  stoppedEarly: boolean;
  /** Share of the run the generator's event loop was busy (0-1). */
  generatorBusy: number;
}

// setTimeout cannot wait longer than this; longer waits are re-armed in steps.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * One open-model run. Requests leave at their scheduled times without waiting for earlier
 * responses, and latency is taken from the intended send time, so a stalled target shows up in
 * full instead of slowing the generator down (no coordinated omission).
 */
export class LoadRun {
  private readonly recorder = new RunRecorder();
  // Created when execute() starts the clock.
  private schedule!: ArrivalSchedule;
  private nextIndex = 0;
  private inFlight = 0;
  private heldBackUpTo = 0;
  private lastSendTime = 0;
  private expired = false;
  private stoppedEarly = false;
  private deadline = 0;
  private timers: { pump?: NodeJS.Timeout; deadline?: NodeJS.Timeout; progress?: NodeJS.Timeout } = {};
  private resolveDone: () => void = () => undefined;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly sender: HttpSender,
  ) {}

  /** Runs the schedule, waits for in-flight requests up to the grace period, and returns the tallies. */
  async execute(): Promise<RunResult> {
    const { rate, durationMs, maxRequests } = this.options;
    this.schedule = new ArrivalSchedule(performance.now(), rate, countScheduledRequests(rate, durationMs, maxRequests));
    const startedAt = new Date();
    const loopAtStart = performance.eventLoopUtilization();
    const done = new Promise<void>((resolve) => (this.resolveDone = resolve));
    const onAbort = (): void => this.stopEarly();
    this.options.signal?.addEventListener('abort', onAbort, { once: true });
    this.armDeadline(this.schedule.endTime + this.options.graceMs);
    this.startProgress();
    if (this.options.signal?.aborted) this.stopEarly();
    this.pump();
    await done;
    this.options.signal?.removeEventListener('abort', onAbort);
    for (const timer of Object.values(this.timers)) clearTimeout(timer);
    this.options.onProgress?.(this.snapshot());
    const { recorder, schedule, lastSendTime, stoppedEarly } = this;
    const generatorBusy = performance.eventLoopUtilization(loopAtStart).utilization;
    return { recorder, schedule, startedAt, endTime: performance.now(), lastSendTime, stoppedEarly, generatorBusy };
  }

  private readonly onPumpTimer = (): void => {
    this.timers.pump = undefined;
    this.pump();
  };

  private pump(): void {
    if (!this.expired) {
      const now = performance.now();
      const due = this.schedule.dueCount(now);
      while (this.nextIndex < due && this.inFlight < this.options.maxInFlight) this.sendNext(now);
      if (this.nextIndex < due) this.noteHeldBack(due);
      this.armPump(now);
    }
    this.checkDone();
  }

  private sendNext(now: number): void {
    const index = this.nextIndex++;
    const intended = this.schedule.intendedTime(index);
    this.recorder.recordSend();
    this.lastSendTime = now;
    this.inFlight++;
    const factory = this.options.factory;
    let request: LoadRequest;
    try {
      request = factory.createRequest(index);
    } catch {
      // A factory bug is reported per request rather than tearing the run down mid-schedule.
      this.complete(intended, { success: false, status: 'client', code: 'factory_error' });
      return;
    }
    this.sender.send(request, this.listener, intended);
  }

  // Made once per run and handed the intended time back as a tag: no closures per request. Send
  // lag is taken when the request is written to a connection, so a request that waited in the
  // client for a free connection shows as late.
  private readonly listener: SendListener = {
    isSuccess: (status) => this.options.factory.isSuccess(status),
    onDispatch: (intended) => this.recorder.recordDispatch(performance.now() - intended),
    onOutcome: (outcome, intended) => this.complete(intended, outcome),
  };

  private complete(intended: number, outcome: RequestOutcome): void {
    this.inFlight--;
    const final = this.expired && outcome.status === 'network' ? TIMED_OUT : outcome;
    this.recorder.recordOutcome(final, performance.now() - intended);
    if (this.heldBackUpTo > this.nextIndex) this.pump();
    else this.checkDone();
  }

  private noteHeldBack(due: number): void {
    const from = Math.max(this.nextIndex, this.heldBackUpTo);
    if (due > from) this.recorder.heldBack += due - from;
    this.heldBackUpTo = Math.max(this.heldBackUpTo, due);
  }

  // While requests are held back, completions send them; the timer still wakes for each new
  // arrival so held-back requests are counted as they fall due, not only when a slot frees.
  private armPump(now: number): void {
    const next = Math.max(this.nextIndex, this.heldBackUpTo);
    if (next >= this.schedule.total || this.timers.pump) return;
    const delay = this.schedule.intendedTime(next) - now;
    this.timers.pump = setTimeout(this.onPumpTimer, Math.min(MAX_TIMER_MS, Math.max(0, delay)));
  }

  private checkDone(): void {
    if (this.inFlight === 0 && (this.expired || this.nextIndex >= this.schedule.total)) this.resolveDone();
  }

  private armDeadline(at: number): void {
    this.deadline = at;
    clearTimeout(this.timers.deadline);
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - performance.now()));
    this.timers.deadline = setTimeout(() => (performance.now() >= this.deadline ? this.expire() : this.armDeadline(this.deadline)), delay);
  }

  private expire(): void {
    this.expired = true;
    clearTimeout(this.timers.pump);
    const now = performance.now();
    for (let i = this.nextIndex; i < this.schedule.total; i++) {
      this.recorder.recordOutcome(NOT_SENT, Math.max(0, now - this.schedule.intendedTime(i)));
    }
    this.nextIndex = Math.max(this.nextIndex, this.schedule.total);
    void this.sender.abortAll();
    this.checkDone();
  }

  private stopEarly(): void {
    if (this.expired || this.stoppedEarly) return;
    this.stoppedEarly = true;
    const now = performance.now();
    this.schedule.total = Math.max(this.nextIndex, Math.min(this.schedule.total, this.schedule.dueCount(now)));
    clearTimeout(this.timers.pump);
    this.timers.pump = undefined;
    this.armDeadline(now + this.options.graceMs);
    this.pump();
  }

  private startProgress(): void {
    const { onProgress, progressIntervalMs } = this.options;
    if (onProgress) this.timers.progress = setInterval(() => onProgress(this.snapshot()), progressIntervalMs);
  }

  private snapshot(): ProgressSnapshot {
    return takeProgressSnapshot(this.recorder, this.schedule, this.lastSendTime, this.inFlight);
  }
}
