import type { ServiceSummary, TracesData } from '@tracecart/otlp';

/** Options of a Jaeger client. */
export interface JaegerClientOptions {
  /** Give up on a request after this long (default 10 s); the caller then sees a JaegerQueryError with status 0. */
  timeoutMs?: number;
}

/** A trace search, in the terms of Jaeger's `query.*` parameters. */
export interface TraceQuery {
  /** The service whose spans must match (required by Jaeger). */
  serviceName: string;
  /** A span of the service must have this name. */
  operationName?: string;
  /** Earliest span start; defaults to one hour before startTimeMax (Jaeger requires both bounds). */
  startTimeMin?: Date;
  /** Latest span start; defaults to now. */
  startTimeMax?: Date;
  /** Shortest matching span, in milliseconds. */
  durationMin?: number;
  /** Longest matching span, in milliseconds. */
  durationMax?: number;
  /** How many traces to return at most (Jaeger's default is 100). */
  searchDepth?: number;
  /** Attributes a span (or its resource) must carry, compared as strings. */
  attributes?: Record<string, string>;
  /** Ask Jaeger not to run its adjusters (clock skew, dedupe) on the result. */
  rawTraces?: boolean;
}

/** Optional hints for fetching one trace. */
export interface GetTraceOptions {
  /** Storage may skip data before this time. */
  startTime?: Date;
  /** Storage may skip data after this time. */
  endTime?: Date;
  /** Ask Jaeger not to run its adjusters on the trace. */
  rawTraces?: boolean;
}

/** Span kinds as Jaeger names them in /api/v3/operations. */
export type OperationSpanKind = 'server' | 'client' | 'producer' | 'consumer' | 'internal';

/** One operation (span name) of a service. */
export interface Operation {
  name: string;
  spanKind: string;
}

/** Span counts of one service inside a trace summary. */
export type { ServiceSummary } from '@tracecart/otlp';

/** One row of /api/v3/trace-summaries, with the zero values Jaeger omits filled in. */
export interface TraceSummary {
  traceId: string;
  rootServiceName: string;
  rootOperationName: string;
  /** Unix nanoseconds as a decimal string ("0" when unknown). */
  minStartTimeUnixNano: string;
  /** Unix nanoseconds as a decimal string ("0" when unknown). */
  maxEndTimeUnixNano: string;
  spanCount: number;
  errorSpanCount: number;
  orphanSpanCount: number;
  services: ServiceSummary[];
}

/** The typed view of Jaeger's /api/v3 query API. */
export interface JaegerClient {
  /** Every service Jaeger has seen. */
  getServices(): Promise<string[]>;
  /** The operations of a service, optionally only one span kind. */
  getOperations(service: string, spanKind?: OperationSpanKind): Promise<Operation[]>;
  /** Traces matching the query, all in one TracesData (split it with splitTracesById); empty when none match. */
  findTraces(query: TraceQuery): Promise<TracesData>;
  /** One trace by hex id, or undefined when Jaeger does not have it. */
  getTrace(traceId: string, options?: GetTraceOptions): Promise<TracesData | undefined>;
  /** Lightweight summaries of the traces matching the query. */
  findTraceSummaries(query: TraceQuery): Promise<TraceSummary[]>;
}
