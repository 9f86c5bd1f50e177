import type { PoolView } from '../api-types';
import type { PoolReading, PoolSample } from './read-pool-metrics';

const average = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const perMs = (seconds: number, count: number): number | null => (count > 0 ? (1000 * seconds) / count : null);

/**
 * Little's Law for one pool between the window's first and last samples. λ and W come from the
 * growth of the wait and use histograms; L is measured apart, as the sampled gauges' average,
 * so λ × W matching it is a check, not an identity. A checkout that spans the window's edge is
 * counted at one end only, which a window of several seconds makes small.
 */
function viewOf(name: string, window: readonly PoolSample[]): PoolView | undefined {
  const present = window.filter((s) => s.pools.has(name));
  const readings = present.map((s) => s.pools.get(name) as PoolReading);
  const first = readings[0];
  const last = readings.at(-1);
  if (!first || !last) return undefined;
  const seconds = (present[present.length - 1].atMs - present[0].atMs) / 1000;
  const arrivals = last.waitCount - first.waitCount;
  const waitSeconds = last.waitSum - first.waitSum;
  const useSeconds = last.useSum - first.useSum;
  const used = average(readings.map((r) => r.used));
  const waiting = average(readings.map((r) => r.waiting));
  return {
    name,
    max: last.max,
    used: last.used,
    waiting: last.waiting,
    arrivalsPerSecond: seconds > 0 ? arrivals / seconds : 0,
    // Per arrival: a caller that timed out spent its wait in the pool and had no use.
    meanTimeMs: perMs(waitSeconds + useSeconds, arrivals),
    meanWaitMs: perMs(waitSeconds, arrivals),
    meanUseMs: perMs(useSeconds, last.useCount - first.useCount),
    inFlight: { used, waiting, total: used + waiting },
    // λ × W = (arrivals / seconds) × (time in pool / arrivals): the pool-seconds spent per second.
    littleEstimate: seconds > 0 ? (waitSeconds + useSeconds) / seconds : 0,
  };
}

/** Every pool seen in the window, the service's own (shortest name) first. */
export function poolViews(window: readonly PoolSample[]): PoolView[] {
  const names = [...new Set(window.flatMap((s) => [...s.pools.keys()]))].sort((a, b) => a.length - b.length || a.localeCompare(b));
  return names.map((name) => viewOf(name, window)).filter((v): v is PoolView => v !== undefined);
}
