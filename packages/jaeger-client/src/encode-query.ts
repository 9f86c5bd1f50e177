import type { GetTraceOptions, TraceQuery } from './types';

/** The search window used when a query names no start time: one hour, Jaeger UI's default lookback. */
export const DEFAULT_LOOKBACK_MS = 60 * 60 * 1000;

/**
 * Formats milliseconds as a Go duration, which is what Jaeger's query.durationMin/Max parse.
 * Fractions go out in nanoseconds because Go rejects exponent forms like "1e-7ms".
 */
export function formatGoDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a duration must be a non-negative number of ms, got ${ms}`);
  return Number.isInteger(ms) ? `${ms}ms` : `${Math.round(ms * 1e6)}ns`;
}

function setDuration(params: URLSearchParams, name: string, ms: number | undefined): void {
  if (ms !== undefined) params.set(name, formatGoDuration(ms));
}

/**
 * Encodes a search with Jaeger 2.20's canonical camelCase names. Jaeger requires both start-time
 * bounds (RFC 3339), so missing ones become the last hour.
 */
export function encodeTraceQuery(query: TraceQuery, now: Date = new Date()): URLSearchParams {
  if (!query.serviceName) throw new TypeError('query.serviceName is required');
  const max = query.startTimeMax ?? now;
  const min = query.startTimeMin ?? new Date(max.getTime() - DEFAULT_LOOKBACK_MS);
  const params = new URLSearchParams();
  params.set('query.serviceName', query.serviceName);
  if (query.operationName) params.set('query.operationName', query.operationName);
  params.set('query.startTimeMin', min.toISOString());
  params.set('query.startTimeMax', max.toISOString());
  setDuration(params, 'query.durationMin', query.durationMin);
  setDuration(params, 'query.durationMax', query.durationMax);
  if (query.searchDepth !== undefined) {
    if (!Number.isInteger(query.searchDepth) || query.searchDepth < 1) {
      throw new RangeError(`query.searchDepth must be a positive integer, got ${query.searchDepth}`);
    }
    params.set('query.searchDepth', String(query.searchDepth));
  }
  // Jaeger reads query.attributes as one JSON object of string values.
  if (query.attributes && Object.keys(query.attributes).length > 0) {
    params.set('query.attributes', JSON.stringify(query.attributes));
  }
  if (query.rawTraces !== undefined) params.set('query.rawTraces', String(query.rawTraces));
  return params;
}

/** Encodes the optional hints of a get-trace call (startTime, endTime, rawTraces). */
export function encodeGetTraceOptions(options: GetTraceOptions = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (options.startTime) params.set('startTime', options.startTime.toISOString());
  if (options.endTime) params.set('endTime', options.endTime.toISOString());
  if (options.rawTraces !== undefined) params.set('rawTraces', String(options.rawTraces));
  return params;
}
