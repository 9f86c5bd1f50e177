import { performance } from 'node:perf_hooks';
import { formatMs } from './duration';
import { percentileMs } from './histogram';
import type { RunRecorder } from './recorder';
import type { ArrivalSchedule } from './schedule';
import type { ProgressSnapshot } from './types';

/**
 * Requests sent per second over the sending window. The window runs from the first intended
 * send to the last actual send plus one interval, so a generator that keeps up scores the target
 * rate exactly and one that falls behind scores lower.
 */
export function measureAchievedRate(sent: number, t0: number, lastSendTime: number, rate: number): number {
  if (sent === 0) return 0;
  const windowMs = Math.max(0, lastSendTime - t0) + 1000 / rate;
  return (sent * 1000) / windowMs;
}

/** Reads the live state of a run. */
export function takeProgressSnapshot(
  recorder: RunRecorder,
  schedule: ArrivalSchedule,
  lastSendTime: number,
  inFlight: number,
): ProgressSnapshot {
  return {
    elapsedMs: performance.now() - schedule.t0,
    sent: recorder.sent,
    completed: recorder.completed,
    achievedRate: measureAchievedRate(recorder.sent, schedule.t0, lastSendTime, schedule.rate),
    p50Ms: percentileMs(recorder.latency, 50),
    p95Ms: percentileMs(recorder.latency, 95),
    p99Ms: percentileMs(recorder.latency, 99),
    errors: recorder.failed,
    inFlight,
    heldBack: recorder.heldBack,
  };
}

// Wide enough to blank out the longest line written before it.
const LINE_WIDTH = 100;

/** One progress line for a TTY: starts with `\r` and is padded so it overwrites the previous one. */
export function formatProgressLine(snapshot: ProgressSnapshot): string {
  const parts = [
    `${(snapshot.elapsedMs / 1000).toFixed(1)}s`,
    `${snapshot.achievedRate.toFixed(1)} req/s`,
    `p50 ${formatMs(snapshot.p50Ms)}`,
    `p95 ${formatMs(snapshot.p95Ms)}`,
    `p99 ${formatMs(snapshot.p99Ms)}`,
    `errors ${snapshot.errors}`,
    `in flight ${snapshot.inFlight}`,
  ];
  if (snapshot.heldBack > 0) parts.push(`held back ${snapshot.heldBack}`);
  return `\r${parts.join('  ').padEnd(LINE_WIDTH)}`;
}
