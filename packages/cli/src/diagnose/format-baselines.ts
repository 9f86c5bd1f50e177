import type { Culprit } from '@tracecart/trace-analysis';
import { formatMs } from '@tracecart/units';
import type { BaselineOrigin } from './baseline-source';
import type { BaselineMark } from './baseline-marks';
import { formatLookback } from './lookback-text';

/** A percentile as `p97`, or `p33.3` when it has a fraction. */
export function formatPercentile(percentile: number): string {
  return `p${Number(percentile.toFixed(1))}`;
}

/** `p97 of 412`: the percentile and how many recent durations it is taken over. */
export function formatMark(mark: BaselineMark | undefined): string {
  return mark ? `${formatPercentile(mark.percentile)} of ${mark.count}` : '–';
}

/** `baselines: trace store`, `baselines: computed from 200 traces in the last 1h`, or `baselines: none (why)`. */
export function formatOrigin(origin: BaselineOrigin): string {
  if (origin.kind === 'tracestore') return 'baselines: trace store';
  if (origin.kind === 'computed') {
    const traces = `${origin.traceCount} trace${origin.traceCount === 1 ? '' : 's'}`;
    return `baselines: computed from ${traces} in the last ${formatLookback(origin.lookbackMs)}`;
  }
  return `baselines: none (${origin.reason})`;
}

/** The culprit's line: `culprit p97 of 412 · 18.2 ms slowest · inventory SELECT …`. */
export function formatCulpritMark(culprit: Culprit, mark: BaselineMark | undefined): string {
  const what = `${culprit.service} ${culprit.statement ?? culprit.target ?? culprit.operation}`;
  if (!mark) return `culprit vs recent: no recent durations of ${what}`;
  return `culprit vs recent: ${formatMark(mark)} · slowest span ${formatMs(mark.durationMs)} · ${what}`;
}
