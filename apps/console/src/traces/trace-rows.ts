import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { FIX_ATTRIBUTE_PREFIX } from '@tracecart/contracts';
import { buildTraceTree, summarizeTree, type TraceTree } from '@tracecart/trace-analysis';
import type { AttributeValue } from '@tracecart/otlp';
import type { TraceRow } from '../api-types';

/** Round to microseconds: more digits are noise in a list. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** An absolute Unix-nanosecond decimal string as an ISO time. */
export function isoFromUnixNano(unixNano: string): string {
  return new Date(Number(BigInt(unixNano) / 1_000_000n)).toISOString();
}

/** The `lab.fix.*` attributes among a span's attributes: the switch state it ran under. */
export function fixAttributesOf(attributes: Record<string, AttributeValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(attributes).filter(([key]) => key.startsWith(FIX_ATTRIBUTE_PREFIX)));
}

/** One list row for a trace tree. */
export function toTraceRow(tree: TraceTree): TraceRow {
  const summary = summarizeTree(tree);
  const root = tree.spans.find((span) => span.spanId === summary.rootSpanId);
  const status = root?.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE];
  return {
    traceId: tree.traceId,
    startTime: isoFromUnixNano(tree.originUnixNano),
    durationMs: roundMs(summary.durationMs),
    rootService: summary.rootService ?? null,
    rootName: summary.rootName ?? null,
    spanCount: summary.spanCount,
    services: summary.services,
    error: summary.errorSpanCount > 0,
    httpStatus: typeof status === 'number' ? status : null,
    fixes: root ? fixAttributesOf(root.attributes) : {},
  };
}

/** List rows for every trace in a search result, newest first. */
export function listTraces(data: unknown): TraceRow[] {
  const rows = buildTraceTree(data).map(toTraceRow);
  return rows.sort((a, b) => b.startTime.localeCompare(a.startTime) || a.traceId.localeCompare(b.traceId));
}
