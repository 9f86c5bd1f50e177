import type { TraceSpan } from './types';

/** The spans of one trace, deduplicated and linked to their parents (indexes are local). */
export interface LinkedTrace {
  spans: TraceSpan[];
  roots: number[];
  orphans: number[];
  cycleBreaks: number[];
  duplicateSpanIds: string[];
}

function dedupe(parsed: TraceSpan[]) {
  const byId = new Map<string, number>();
  const spans: TraceSpan[] = [];
  const duplicates = new Set<string>();
  for (const span of parsed) {
    if (byId.has(span.spanId)) {
      duplicates.add(span.spanId);
      continue;
    }
    byId.set(span.spanId, spans.length);
    spans.push(span);
  }
  return { spans, byId, duplicateSpanIds: [...duplicates] };
}

/** Keeps the first span of each id and links parents; missing parents make orphans (roots). */
export function linkSpans(parsed: TraceSpan[]): LinkedTrace {
  const { spans, byId, duplicateSpanIds } = dedupe(parsed);
  const roots: number[] = [];
  const orphans: number[] = [];
  const cycleBreaks: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    const parentId = spans[i].parentSpanId;
    const parent = parentId === undefined ? undefined : byId.get(parentId);
    if (parentId === undefined) roots.push(i);
    else if (parent === undefined) orphans.push(i);
    else if (parent === i) cycleBreaks.push(i);
    else {
      spans[i].parent = parent;
      spans[parent].children.push(i);
    }
  }
  roots.push(...orphans, ...cycleBreaks);
  return { spans, roots, orphans, cycleBreaks, duplicateSpanIds };
}
