import type { DecodedTraces } from '@tracecart/otlp';

// The store keeps every span as the JSON text it will be served as (compact, and a response is
// string concatenation), plus the few fields search and summaries need.

/** A resource as stored: its JSON, its service and its attributes as strings for matching. */
export interface ResourceInfo {
  /** Identity for merging: the resource JSON plus its schema URL. */
  key: string;
  json: string;
  schemaUrl: string;
  serviceName: string;
  attributes: Map<string, string>;
}

/** An instrumentation scope as stored. */
export interface ScopeInfo {
  key: string;
  json: string;
  schemaUrl: string;
  name: string;
  version: string;
  attributes: Map<string, string>;
}

/** One span: its normalized OTLP JSON and the fields filters read. */
export interface StoredSpan {
  json: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP kind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  startNs: bigint;
  durationNs: number;
}

/** Spans of one trace from one scope of one resource. */
export interface ScopeGroup {
  scope: ScopeInfo;
  spans: StoredSpan[];
}

/** Spans of one trace from one resource (one service instance). */
export interface ResourceGroup {
  resource: ResourceInfo;
  scopes: ScopeGroup[];
}

/** One trace, merged from every batch that carried its spans. */
export interface StoredTrace {
  traceId: string;
  /** Arrival order of the trace's first span; larger is newer. */
  seq: number;
  groups: ResourceGroup[];
  spanCount: number;
}

/** Spans of one trace from one resource and scope, as one request carried them. */
export interface BatchGroup {
  resource: ResourceInfo;
  scope: ScopeInfo;
  spans: StoredSpan[];
}

/** A search, already parsed and validated. Times are Unix nanoseconds. */
export interface TraceQuery {
  serviceName: string;
  operationName?: string;
  startTimeMin: bigint;
  startTimeMax: bigint;
  durationMinNs?: number;
  durationMaxNs?: number;
  /** Attribute filters, compared as strings, as [key, value] pairs. */
  attributes: Array<[string, string]>;
  /** The most traces to return, newest first. */
  searchDepth: number;
}

/** One operation of a service; spanKind is "" for unspecified spans. */
export interface Operation {
  name: string;
  spanKind: string;
}

/** Sees every export after the store has kept its spans (the duration baselines). */
export interface IngestObserver {
  observe(data: DecodedTraces): void;
}

/** What one ingested request held. */
export interface IngestResult {
  spans: number;
  traces: number;
  /** Spans not stored (no usable trace or span id). */
  rejectedSpans: number;
  /** Why the first of them was rejected. */
  rejection?: string;
}
