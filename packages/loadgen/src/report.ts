import { encodeHistogram, percentileMs, summarizeLatency } from './histogram';
import type { LatencyHistogram } from './histogram';
import type { RunResult } from './load-run';
import { measureAchievedRate } from './progress';
import type { ResolvedOptions } from './run-options';
import { evaluateSlo } from './slo-evaluation';
import type { LatencySummary, LoadReport } from './types';

/** Turns a finished run into its JSON-serialisable report. */
export function buildReport(result: RunResult, options: ResolvedOptions): LoadReport {
  const { recorder, schedule } = result;
  const total = recorder.completed;
  return {
    target: options.target,
    factory: options.factory.name,
    startedAt: result.startedAt.toISOString(),
    durationMs: options.durationMs,
    elapsedMs: round(result.endTime - schedule.t0),
    stoppedEarly: result.stoppedEarly,
    targetRate: options.rate,
    achievedRate: round(measureAchievedRate(recorder.sent, schedule.t0, result.lastSendTime, schedule.rate)),
    connections: options.connections,
    maxInFlight: options.maxInFlight,
    counts: {
      scheduled: schedule.total,
      sent: recorder.sent,
      succeeded: recorder.succeeded,
      failed: recorder.failed,
      heldBack: recorder.heldBack,
      timedOut: recorder.timedOut,
      notSent: recorder.notSent,
    },
    errorRate: total === 0 ? 0 : recorder.failed / total,
    errorsByStatus: { ...recorder.errorsByStatus },
    errorsByCode: { ...recorder.errorsByCode },
    latencyMs: roundSummary(summarizeLatency(recorder.latency)),
    sendLagMs: summarizeLag(recorder.sendLag),
    generatorBusy: round(result.generatorBusy),
    slo: evaluateSlo(options.slo, recorder.latency, { total, failed: recorder.failed }),
    latencyHistogram: encodeHistogram(recorder.latency),
    ...(options.context ? { context: options.context } : {}),
  };
}

function summarizeLag(histogram: LatencyHistogram): LoadReport['sendLagMs'] {
  const max = histogram.totalCount === 0 ? 0 : histogram.maxValue / 1000;
  return { p50: percentileMs(histogram, 50), p99: percentileMs(histogram, 99), max };
}

function roundSummary(summary: LatencySummary): LatencySummary {
  return { ...summary, mean: round(summary.mean) };
}

// Microsecond precision is all the histogram has; more digits would only be noise in the JSON.
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
