import { z } from 'zod';

/** Where the trace store serves its duration baselines, beside /api/v3 on the query port. */
export const BASELINE_PERCENTILE_PATH = '/api/lab/baselines/percentile';

/** What a span's duration is compared with: its service's operation and, for a DB span, its statement. */
export interface BaselineKey {
  service: string;
  operation: string;
  statement?: string;
}

/** The trace store's answer, with the window it looked back over; a key with no recent durations has a null percentile. */
const answerSchema = z.object({ percentile: z.number().min(0).max(100).nullable(), count: z.number().int().min(0), windowMs: z.number().int().positive() });

/** Where one duration falls among its key's recent durations. */
export type PercentileAnswer = z.output<typeof answerSchema>;

/** Baselines unavailable at all (real Jaeger answers 404): stop asking for this trace. */
export class BaselinesUnavailable extends Error {}

/**
 * Asks the trace store where `durationMs` falls for `key`. Throws BaselinesUnavailable on 404;
 * any other failure (timeout, 5xx, a body of the wrong shape) throws as it is.
 */
export async function fetchPercentile(queryUrl: string, key: BaselineKey, durationMs: number, timeoutMs: number): Promise<PercentileAnswer> {
  const params = new URLSearchParams({ service: key.service, operation: key.operation, durationMs: String(durationMs) });
  if (key.statement !== undefined) params.set('statement', key.statement);
  const response = await fetch(`${queryUrl}${BASELINE_PERCENTILE_PATH}?${params}`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  if (response.status === 404) throw new BaselinesUnavailable(`${queryUrl} has no ${BASELINE_PERCENTILE_PATH}`);
  if (!response.ok) throw new Error(`${BASELINE_PERCENTILE_PATH} answered ${response.status}`);
  return answerSchema.parse(await response.json());
}
