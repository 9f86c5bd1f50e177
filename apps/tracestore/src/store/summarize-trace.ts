import type { ServiceSummary } from '@tracecart/otlp';
import type { StoredSpan, StoredTrace } from './types';

/** What /api/v3/trace-summaries reports for one trace, computed the way Jaeger's query service does. */
export interface TraceSummary {
  traceId: string;
  rootServiceName: string;
  rootOperationName: string;
  minStartNs: bigint;
  maxEndNs: bigint;
  spanCount: number;
  errorSpanCount: number;
  /** Spans whose parent is not in the trace (not arrived yet, or lost). */
  orphanSpanCount: number;
  /** Sorted by name. */
  services: ServiceSummary[];
}

interface Walk {
  summary: TraceSummary;
  spanIds: Set<string>;
  minStartNs: bigint | undefined;
  rootStartNs: bigint | undefined;
}

function collectSpanIds(trace: StoredTrace): Set<string> {
  const ids = new Set<string>();
  for (const group of trace.groups) for (const scope of group.scopes) for (const span of scope.spans) ids.add(span.spanId);
  return ids;
}

function visitSpan(walk: Walk, service: ServiceSummary, span: StoredSpan): void {
  const { summary } = walk;
  const isError = span.statusCode === 2 ? 1 : 0;
  service.spanCount++;
  service.errorSpanCount += isError;
  summary.spanCount++;
  summary.errorSpanCount += isError;
  const endNs = span.startNs + BigInt(span.durationNs);
  if (walk.minStartNs === undefined || span.startNs < walk.minStartNs) walk.minStartNs = span.startNs;
  if (endNs > summary.maxEndNs) summary.maxEndNs = endNs;
  if (!span.parentSpanId) {
    // The root is the earliest span without a parent.
    if (walk.rootStartNs === undefined || span.startNs < walk.rootStartNs) {
      walk.rootStartNs = span.startNs;
      summary.rootServiceName = service.name;
      summary.rootOperationName = span.name;
    }
  } else if (!walk.spanIds.has(span.parentSpanId)) {
    summary.orphanSpanCount++;
  }
}

/** Summarizes a stored trace: root, time range, error and orphan counts, counts per service. */
export function summarizeTrace(trace: StoredTrace): TraceSummary {
  const summary: TraceSummary = {
    traceId: trace.traceId,
    rootServiceName: '',
    rootOperationName: '',
    minStartNs: 0n,
    maxEndNs: 0n,
    spanCount: 0,
    errorSpanCount: 0,
    orphanSpanCount: 0,
    services: [],
  };
  const walk: Walk = { summary, spanIds: collectSpanIds(trace), minStartNs: undefined, rootStartNs: undefined };
  const services = new Map<string, ServiceSummary>();
  for (const group of trace.groups) {
    const name = group.resource.serviceName;
    const service = services.get(name) ?? { name, spanCount: 0, errorSpanCount: 0 };
    services.set(name, service);
    for (const scope of group.scopes) for (const span of scope.spans) visitSpan(walk, service, span);
  }
  summary.minStartNs = walk.minStartNs ?? 0n;
  summary.services = [...services.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return summary;
}
