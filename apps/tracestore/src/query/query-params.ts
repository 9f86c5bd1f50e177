import { parseGoBool, parseGoDurationNanos, parseGoInt, parseRfc3339Nanos } from '../go-formats';
import type { TraceQuery } from '../store/types';
import { JaegerApiError, malformedParameter } from './jaeger-error';

// Jaeger 2.20's parameter names: the camelCase ones are canonical, the snake_case ones are
// deprecated aliases still accepted. When both are sent the canonical one wins; empty values
// count as absent; of repeated values the first wins.

/** The query string as express parses it. */
export type QueryString = Record<string, unknown>;

/** Jaeger's default number of traces a search returns. */
export const DEFAULT_SEARCH_DEPTH = 100;

interface Param {
  name: string;
  value: string;
}

function first(query: QueryString, name: string): string | undefined {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The first non-empty value among a canonical name and its deprecated aliases, with the name used. */
export function resolveParam(query: QueryString, canonical: string, ...aliases: string[]): Param | undefined {
  for (const name of [canonical, ...aliases]) {
    const value = first(query, name);
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

/** Parses a parameter if present; a parse failure is Jaeger's "malformed parameter" 400. */
export function parseParam<T>(param: Param, parse: (text: string) => T): T;
export function parseParam<T>(param: Param | undefined, parse: (text: string) => T): T | undefined;
export function parseParam<T>(param: Param | undefined, parse: (text: string) => T): T | undefined {
  if (!param) return undefined;
  try {
    return parse(param.value);
  } catch (error) {
    throw malformedParameter(param.name, error);
  }
}

/** Parses a Go boolean parameter (rawTraces and friends). */
export function parseBoolParam(param: Param | undefined): boolean | undefined {
  return parseParam(param, (text) => {
    const value = parseGoBool(text);
    if (value === undefined) throw new Error(`strconv.ParseBool: parsing "${text}": invalid syntax`);
    return value;
  });
}

function parseAttributes(text: string): Array<[string, string]> {
  const parsed: unknown = JSON.parse(text);
  if (parsed === null) return [];
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('json: cannot unmarshal into Go value of type map[string]string');
  return Object.entries(parsed).map(([key, value]) => {
    if (typeof value !== 'string') throw new Error(`json: cannot unmarshal ${typeof value} into Go value of type string (key "${key}")`);
    return [key, value];
  });
}

function parseTimeRange(query: QueryString): { startTimeMin: bigint; startTimeMax: bigint } {
  const min = resolveParam(query, 'query.startTimeMin', 'query.start_time_min');
  const max = resolveParam(query, 'query.startTimeMax', 'query.start_time_max');
  if (!min || !max) throw new JaegerApiError(400, 'query.startTimeMin and query.startTimeMax are required');
  const startTimeMin = parseParam(min, parseRfc3339Nanos);
  const startTimeMax = parseParam(max, parseRfc3339Nanos);
  if (startTimeMin >= startTimeMax) throw new JaegerApiError(400, 'query.startTimeMin must be before query.startTimeMax');
  return { startTimeMin, startTimeMax };
}

function parseSearchDepth(query: QueryString, maxTraces: number): number {
  const param = resolveParam(query, 'query.searchDepth', 'query.search_depth', 'query.num_traces');
  const depth = parseParam(param, (text) => {
    const n = parseGoInt(text);
    if (n < 1) throw new Error('must be a positive integer');
    return n;
  });
  return Math.min(depth ?? DEFAULT_SEARCH_DEPTH, maxTraces);
}

// Jaeger treats a zero duration bound as "no bound".
function parseDurationBound(param: Param | undefined): number | undefined {
  const ns = parseParam(param, parseGoDurationNanos);
  return ns === 0 ? undefined : ns;
}

/** Parses the query.* parameters of /api/v3/traces and /api/v3/trace-summaries, in Jaeger's order. */
export function parseTraceQuery(query: QueryString, maxTraces: number): TraceQuery {
  const serviceName = resolveParam(query, 'query.serviceName', 'query.service_name')?.value ?? '';
  const operationName = resolveParam(query, 'query.operationName', 'query.operation_name')?.value;
  const attributes = parseParam(resolveParam(query, 'query.attributes'), parseAttributes) ?? [];
  const { startTimeMin, startTimeMax } = parseTimeRange(query);
  const searchDepth = parseSearchDepth(query, maxTraces);
  const durationMinNs = parseDurationBound(resolveParam(query, 'query.durationMin', 'query.duration_min'));
  const durationMaxNs = parseDurationBound(resolveParam(query, 'query.durationMax', 'query.duration_max'));
  // Accepted and checked like Jaeger's, but the stand-in never adjusts traces anyway.
  parseBoolParam(resolveParam(query, 'query.rawTraces', 'query.raw_traces'));
  if (!serviceName) throw new JaegerApiError(400, 'query.serviceName is required');
  return { serviceName, operationName, startTimeMin, startTimeMax, durationMinNs, durationMaxNs, attributes, searchDepth };
}

/** Parses a hex trace id from the path the way Jaeger does: 1 to 32 hex digits, left-padded. */
export function parseTraceId(text: string): string {
  if (!/^[0-9a-fA-F]{1,32}$/.test(text)) {
    throw malformedParameter('trace_id', new Error(`"${text}" is not a trace ID of 1 to 32 hex characters`));
  }
  return text.toLowerCase().padStart(32, '0');
}

/** Checks GetTrace's optional startTime, endTime and rawTraces (hints the stand-in does not need). */
export function checkGetTraceParams(query: QueryString): void {
  parseParam(resolveParam(query, 'startTime', 'start_time'), parseRfc3339Nanos);
  parseParam(resolveParam(query, 'endTime', 'end_time'), parseRfc3339Nanos);
  parseBoolParam(resolveParam(query, 'rawTraces', 'raw_traces'));
}
