import { parseDuration } from '@tracecart/units';
import type { LatencyObjective } from './types';

const OBJECTIVE = /^p(\d+(?:\.\d+)?)\s*<\s*(\S+)$/i;
const EXAMPLE = 'e.g. p99<5s';

/**
 * Parses a freshness objective such as `p99<5s`: that percentage of items must be done within the
 * lag. Unlike an SLO it is one objective, with no availability part. Throws RangeError.
 */
export function parseFreshnessObjective(text: string): LatencyObjective {
  const trimmed = text.trim();
  if (trimmed === '') throw new RangeError(`a freshness objective needs a percentile and a lag, ${EXAMPLE}`);
  if (trimmed.includes(',')) throw new RangeError(`"${trimmed}": a freshness objective is a single percentile and lag, ${EXAMPLE}`);
  const match = OBJECTIVE.exec(trimmed);
  if (!match) throw new RangeError(`"${trimmed}" is not a freshness objective (use ${EXAMPLE} or p95<1500ms)`);
  const percentile = Number(match[1]);
  // 100% would let a single late item fail any run, so it is refused as the SLO parser refuses it.
  if (!(percentile > 0 && percentile < 100)) throw new RangeError(`"${trimmed}": the percentage must be above 0 and below 100`);
  try {
    return { percentile, thresholdMs: parseDuration(match[2]) };
  } catch (error) {
    throw new RangeError(`"${trimmed}": ${(error as Error).message}`);
  }
}

/** Writes a freshness objective back in the form parseFreshnessObjective reads: `p99<5s`, `p95<1500ms`. */
export function formatFreshnessObjective(objective: LatencyObjective): string {
  const lag = objective.thresholdMs % 1000 === 0 ? `${objective.thresholdMs / 1000}s` : `${objective.thresholdMs}ms`;
  return `p${objective.percentile}<${lag}`;
}
