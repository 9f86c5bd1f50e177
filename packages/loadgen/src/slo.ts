import { parseDuration } from '@tracecart/units';
import type { LatencyObjective, SloSpec } from './types';

const LATENCY = /^p(\d+(?:\.\d+)?)\s*<\s*(\S+)$/i;
const AVAILABILITY = /^(?:success|availability)\s*>=?\s*(\d+(?:\.\d+)?)%$/i;

/** The lab's default SLO, fresh each call: 99% of checkouts under 300 ms, 99.9% succeed. */
export function createDefaultSlo(): SloSpec {
  return { latency: [{ percentile: 99, thresholdMs: 300 }], availabilityPercent: 99.9 };
}

/**
 * Parses a comma-separated SLO such as `p99<300ms`, `p95<250ms,p99.9<1s` or `p99<300ms,success>=99.5%`.
 * A part left out keeps its default (latency p99<300ms, availability 99.9%). Throws RangeError.
 */
export function parseSlo(text: string): SloSpec {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) throw new RangeError('an SLO needs at least one objective, e.g. p99<300ms');
  const defaults = createDefaultSlo();
  const latency: LatencyObjective[] = [];
  let availabilityPercent = defaults.availabilityPercent;
  for (const part of parts) {
    const availability = AVAILABILITY.exec(part);
    if (availability) availabilityPercent = parsePercent(availability[1], part);
    else latency.push(parseLatencyObjective(part));
  }
  return { latency: latency.length > 0 ? latency : defaults.latency, availabilityPercent };
}

function parseLatencyObjective(part: string): LatencyObjective {
  const match = LATENCY.exec(part);
  if (!match) throw new RangeError(`"${part}" is not an objective (use e.g. p99<300ms or success>=99.9%)`);
  const percentile = parsePercent(match[1], part);
  let thresholdMs: number;
  try {
    thresholdMs = parseDuration(match[2]);
  } catch (error) {
    throw new RangeError(`"${part}": ${(error as Error).message}`);
  }
  return { percentile, thresholdMs };
}

function parsePercent(text: string, part: string): number {
  const value = Number(text);
  // 100% leaves no error budget to divide by, so it is refused rather than made infinite.
  if (!(value > 0 && value < 100)) throw new RangeError(`"${part}": the percentage must be above 0 and below 100`);
  return value;
}

/** Writes a latency objective back in the form parseSlo reads, e.g. `p99.9<1000ms`. */
export function formatLatencyObjective(objective: LatencyObjective): string {
  return `p${objective.percentile}<${objective.thresholdMs}ms`;
}

/** Writes an SLO back in the form parseSlo reads. */
export function formatSlo(spec: SloSpec): string {
  return [...spec.latency.map(formatLatencyObjective), `success>=${spec.availabilityPercent}%`].join(',');
}
