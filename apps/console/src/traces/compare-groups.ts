import { z } from 'zod';
import { HttpError } from '@tracecart/http-kit';
import { splitTracesById, type JaegerClient } from '@tracecart/jaeger-client';
import type { TracesData } from '@tracecart/otlp';
import { normalizeTraceId } from './backend-errors';
import { MAX_TRACES_PER_QUERY, toTraceQuery, traceFilterSchema, type TraceFilter } from './trace-filter';

const traceIdsSchema = z.array(z.string().regex(/^[0-9a-fA-F]{1,32}$/, 'must be a trace id of 1 to 32 hex digits')).min(1).max(MAX_TRACES_PER_QUERY);

/**
 * One side of a comparison: trace ids, or a search such as every trace with lab.fix.index=false.
 * Chosen by shape rather than z.union, so a mistake is reported against the shape that was meant.
 */
export const compareGroupSchema = z.unknown().transform((value, ctx): string[] | TraceFilter => {
  const result = Array.isArray(value) ? traceIdsSchema.safeParse(value) : traceFilterSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

/** POST /api/compare's body. */
export const compareRequestSchema = z.strictObject({ before: compareGroupSchema, after: compareGroupSchema });

/** A parsed comparison side. */
export type CompareGroup = z.output<typeof compareGroupSchema>;

/** The traces of one side, with a label a person reads. */
export interface FetchedGroup {
  label: string;
  traces: Map<string, TracesData>;
}

function describeFilter(filter: TraceFilter): string {
  const parts = [filter.service, ...(filter.operation ? [filter.operation] : [])];
  for (const [key, value] of Object.entries(filter.attributes)) parts.push(`${key}=${value}`);
  return `${parts.join(' · ')} · last ${Math.round(filter.lookback / 60_000)} min · up to ${filter.limit}`;
}

async function fetchByIds(jaeger: JaegerClient, rawIds: string[]): Promise<Map<string, TracesData>> {
  const ids = [...new Set(rawIds.map(normalizeTraceId))];
  const traces = new Map<string, TracesData>();
  const missing: string[] = [];
  // A few at a time: enough to hide the round trips without flooding the backend.
  for (let i = 0; i < ids.length; i += 8) {
    const batch = ids.slice(i, i + 8);
    const found = await Promise.all(batch.map((id) => jaeger.getTrace(id)));
    batch.forEach((id, k) => (found[k] ? traces.set(id, found[k]) : missing.push(id)));
  }
  if (missing.length > 0) throw new HttpError(404, 'not_found', `traces not in the trace backend: ${missing.join(', ')}`);
  return traces;
}

/** Fetches one side of a comparison from Jaeger. */
export async function fetchCompareGroup(jaeger: JaegerClient, group: CompareGroup): Promise<FetchedGroup> {
  if (Array.isArray(group)) {
    const traces = await fetchByIds(jaeger, group);
    return { label: `${traces.size} chosen trace${traces.size === 1 ? '' : 's'}`, traces };
  }
  const traces = splitTracesById(await jaeger.findTraces(toTraceQuery(group)));
  return { label: describeFilter(group), traces };
}
