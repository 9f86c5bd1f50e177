import type { DecodedTraces } from '@tracecart/otlp';
import { Catalog } from './catalog';
import { groupBatch } from './group-batch';
import { compileSpanMatcher, type SpanMatcher } from './match-span';
import { ServiceIndex } from './service-index';
import type { BatchGroup, IngestObserver, IngestResult, Operation, StoredTrace, TraceQuery } from './types';

function mergeGroup(trace: StoredTrace, incoming: BatchGroup): void {
  let group = trace.groups.find((g) => g.resource.key === incoming.resource.key);
  if (!group) {
    group = { resource: incoming.resource, scopes: [] };
    trace.groups.push(group);
  }
  let scope = group.scopes.find((s) => s.scope.key === incoming.scope.key);
  if (!scope) {
    scope = { scope: incoming.scope, spans: [] };
    group.scopes.push(scope);
  }
  for (const span of incoming.spans) scope.spans.push(span);
  trace.spanCount += incoming.spans.length;
}

function traceMatches(trace: StoredTrace, serviceName: string, matches: SpanMatcher): boolean {
  for (const group of trace.groups) {
    if (group.resource.serviceName !== serviceName) continue;
    for (const scope of group.scopes) {
      for (const span of scope.spans) if (matches(span, group.resource, scope.scope)) return true;
    }
  }
  return false;
}

/**
 * In-memory traces, bounded like Jaeger's memory store: at most maxTraces traces, the one that
 * arrived first is evicted first. Spans of one trace merge across batches and services.
 */
export class TraceStore {
  // Map order is arrival order of each trace's first span, which makes eviction O(1).
  private readonly traces = new Map<string, StoredTrace>();
  private readonly index = new ServiceIndex();
  private readonly catalog = new Catalog();
  private arrivals = 0;
  private spans = 0;

  constructor(
    readonly maxTraces: number,
    private readonly observer?: IngestObserver,
  ) {
    if (!Number.isInteger(maxTraces) || maxTraces < 1) throw new RangeError(`maxTraces must be a positive integer, got ${maxTraces}`);
  }

  /** Stores the spans of a decoded export; spans without a usable id are counted as rejected, not stored. */
  ingest(data: DecodedTraces): IngestResult {
    const batch = groupBatch(data, this.catalog);
    for (const [traceId, groups] of batch.traces) {
      let trace = this.traces.get(traceId);
      if (!trace) {
        this.evictToMakeRoom();
        trace = { traceId, seq: ++this.arrivals, groups: [], spanCount: 0 };
        this.traces.set(traceId, trace);
      }
      for (const group of groups) {
        mergeGroup(trace, group);
        this.index.add(trace, group.resource.serviceName, group.spans);
      }
    }
    this.spans += batch.spanCount;
    this.observer?.observe(data);
    return { spans: batch.spanCount, traces: batch.traces.size, rejectedSpans: batch.rejectedSpans, rejection: batch.rejection };
  }

  private evictToMakeRoom(): void {
    while (this.traces.size >= this.maxTraces) {
      const oldest = this.traces.values().next().value as StoredTrace;
      this.traces.delete(oldest.traceId);
      this.index.remove(oldest);
      this.spans -= oldest.spanCount;
    }
  }

  /** Services with at least one stored trace, sorted. */
  getServices(): string[] {
    return this.index.services();
  }

  /** Operations of a service, optionally of one span kind ("server", "client", ...; "" unspecified). */
  getOperations(service: string, spanKind?: string): Operation[] {
    return this.index.operationsOf(service, spanKind);
  }

  /** One trace by lower-case hex id. */
  getTrace(traceId: string): StoredTrace | undefined {
    return this.traces.get(traceId);
  }

  /** Traces with a span of query.serviceName matching every filter, newest arrival first. */
  findTraces(query: TraceQuery): StoredTrace[] {
    const candidates = this.index.tracesOf(query.serviceName);
    if (!candidates) return [];
    const matches = compileSpanMatcher(query);
    const found: StoredTrace[] = [];
    for (const trace of [...candidates].sort((a, b) => b.seq - a.seq)) {
      if (found.length >= query.searchDepth) break;
      if (traceMatches(trace, query.serviceName, matches)) found.push(trace);
    }
    return found;
  }

  /** How many traces and spans are stored. */
  stats(): { traces: number; spans: number } {
    return { traces: this.traces.size, spans: this.spans };
  }
}
