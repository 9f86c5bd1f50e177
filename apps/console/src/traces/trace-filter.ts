import { z } from 'zod';
import { HttpError } from '@tracecart/http-kit';
import type { TraceQuery } from '@tracecart/jaeger-client';
import { parseDuration } from '@tracecart/units';

/** The most traces one list or one comparison group fetches. */
export const MAX_TRACES_PER_QUERY = 200;
const MAX_LOOKBACK_MS = 7 * 24 * 3_600_000;

/** Reads `15m`, `2h`, `500ms` (or a number of ms) as milliseconds; undefined when unreadable. */
export function parseLookback(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  try {
    return parseDuration(value);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

const lookback = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const ms = parseLookback(value);
    if (ms === undefined || ms > MAX_LOOKBACK_MS) {
      ctx.addIssue({ code: 'custom', message: 'must be a duration up to 7d, like 15m, 1h or 2d' });
      return z.NEVER;
    }
    return ms;
  });

/** Which traces to fetch: Jaeger's search, with the lab's defaults (checkouts at the gateway, last hour). */
export const traceFilterSchema = z.strictObject({
  service: z.string().min(1).max(200).default('gateway'),
  operation: z.string().min(1).max(500).optional(),
  lookback: lookback.default(3_600_000),
  limit: z.coerce.number().int().min(1).max(MAX_TRACES_PER_QUERY).default(20),
  /** Span attributes every match must carry (compared as strings), e.g. {"lab.fix.index": "true"}. */
  attributes: z
    .record(z.string().min(1).max(200), z.union([z.string(), z.boolean(), z.number()]).transform(String))
    .default({}),
});

/** A parsed trace filter. */
export type TraceFilter = z.output<typeof traceFilterSchema>;

/** The Jaeger query a filter stands for, ending now. */
export function toTraceQuery(filter: TraceFilter, now: Date = new Date()): TraceQuery {
  return {
    serviceName: filter.service,
    operationName: filter.operation,
    startTimeMin: new Date(now.getTime() - filter.lookback),
    startTimeMax: now,
    searchDepth: filter.limit,
    attributes: Object.keys(filter.attributes).length > 0 ? filter.attributes : undefined,
  };
}

/**
 * A filter from a query string: `service`, `operation`, `lookback`, `limit`, and any
 * `attr.<key>=<value>` as an attribute, e.g. `attr.lab.fix.index=true`.
 */
export function filterInputFromQuery(query: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('attr.')) attributes[key.slice(5)] = value;
    else input[key] = value;
  }
  if (Object.keys(attributes).length > 0) input.attributes = attributes;
  return input;
}

/** Parses GET /api/traces' query string; a bad parameter is 400 invalid_request naming it. */
export function parseFilterQuery(query: Record<string, unknown>): TraceFilter {
  const result = traceFilterSchema.safeParse(filterInputFromQuery(query));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new HttpError(400, 'invalid_request', `${issue.path.length ? issue.path.join('.') : 'query'}: ${issue.message}`);
}
