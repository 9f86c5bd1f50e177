import type { Diagnosis, TraceTree } from '@tracecart/trace-analysis';
import type { WaterfallRow } from '../api-types';
import { buildSpanEvidence } from './span-evidence';
import { roundMs } from './trace-rows';

function criticalStretches(diagnosis: Diagnosis): Map<string, Array<[number, number]>> {
  const bySpan = new Map<string, Array<[number, number]>>();
  for (const segment of diagnosis.criticalPath.segments) {
    const list = bySpan.get(segment.spanId) ?? [];
    list.push([roundMs(segment.startMs), roundMs(segment.endMs)]);
    bySpan.set(segment.spanId, list);
  }
  return bySpan;
}

function nPlusOneMembers(diagnosis: Diagnosis): Map<string, number> {
  const member = new Map<string, number>();
  diagnosis.nPlusOne.forEach((finding, index) => {
    for (const spanId of finding.spanIds) if (!member.has(spanId)) member.set(spanId, index);
  });
  return member;
}

/** One row per span in waterfall order, with its self time, critical time, N+1 membership and evidence. */
export function buildWaterfallRows(tree: TraceTree, diagnosis: Diagnosis, selfMs: number[]): WaterfallRow[] {
  const stretches = criticalStretches(diagnosis);
  const criticalMs = new Map(diagnosis.criticalPath.spans.map((s) => [s.spanId, s.criticalMs]));
  const nPlusOne = nPlusOneMembers(diagnosis);
  const evidence = buildSpanEvidence(tree);
  return tree.spans.map((span, index) => ({
    spanId: span.spanId,
    parentSpanId: span.parentSpanId ?? null,
    depth: span.depth,
    service: span.service,
    name: span.name,
    kind: span.kind,
    startMs: roundMs(span.startNs / 1e6),
    durationMs: roundMs((span.endNs - span.startNs) / 1e6),
    selfMs: roundMs(selfMs[index]),
    criticalMs: roundMs(criticalMs.get(span.spanId) ?? 0),
    critical: stretches.get(span.spanId) ?? [],
    isError: span.isError,
    attributes: span.attributes,
    events: span.events,
    nPlusOne: nPlusOne.get(span.spanId) ?? null,
    // Filled in by markBaselines, which asks the trace store.
    baseline: null,
    evidence: evidence[index],
  }));
}
