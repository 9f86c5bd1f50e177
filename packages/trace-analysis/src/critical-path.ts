import { metricsOf } from './trace-metrics';
import { toMs } from './units';
import type { CriticalPath, CriticalSpan, TraceTree } from './types';

/** The critical path of a trace (Jaeger UI's algorithm, children clamped to parents), in ms. */
export function computeCriticalPath(tree: TraceTree): CriticalPath {
  const { segments, totalNs, criticalNs, selfNs } = metricsOf(tree);
  const spans: CriticalSpan[] = [];
  const seen = new Uint8Array(tree.spans.length);
  for (const s of segments) {
    if (seen[s.index]) continue;
    seen[s.index] = 1;
    const span = tree.spans[s.index];
    spans.push({ spanId: span.spanId, service: span.service, name: span.name, criticalMs: toMs(criticalNs[s.index]), selfMs: toMs(selfNs[s.index]) });
  }
  spans.sort((a, b) => b.criticalMs - a.criticalMs);
  return {
    traceId: tree.traceId,
    totalMs: toMs(totalNs),
    segments: segments.map((s) => ({ spanId: tree.spans[s.index].spanId, startMs: toMs(s.startNs), endMs: toMs(s.endNs) })),
    spans,
  };
}

/** Self time of every span in ms (duration minus the union of its clamped children), indexed like tree.spans. */
export function computeSelfTimes(tree: TraceTree): number[] {
  return Array.from(metricsOf(tree).selfNs, toMs);
}
