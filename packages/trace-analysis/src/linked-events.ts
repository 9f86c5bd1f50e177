import type { SpanEventInfo, TraceTree } from './types';

/** Per span index, the events of the spans that link to it; only spans that have some. */
type Linked = Map<number, SpanEventInfo[]>;

const perTree = new WeakMap<TraceTree, Linked>();

function collect(tree: TraceTree): Linked {
  const linked: Linked = new Map();
  // Most traces link nothing: then nothing is built at all.
  if (!tree.spans.some((s) => s.links.length > 0 && s.events.length > 0)) return linked;
  const indexById = new Map<string, number>();
  tree.spans.forEach((span, i) => indexById.set(span.spanId, i));
  for (const span of tree.spans) {
    if (span.events.length === 0) continue;
    for (const link of span.links) {
      const target = link.traceId === tree.traceId ? indexById.get(link.spanId) : undefined;
      if (target === undefined) continue;
      const list = linked.get(target);
      if (list) list.push(...span.events);
      else linked.set(target, [...span.events]);
    }
  }
  return linked;
}

function linkedOf(tree: TraceTree): Linked {
  let linked = perTree.get(tree);
  if (!linked) {
    linked = collect(tree);
    perTree.set(tree, linked);
  }
  return linked;
}

/**
 * A span's own events, then the events of the spans in the same trace that link to it.
 * Evidence found after a span ended (a query plan fetched once the statement returned) lives on
 * a span beside it that links back; this puts the two together.
 */
export function eventsOf(tree: TraceTree, index: number): SpanEventInfo[] {
  const extra = linkedOf(tree).get(index);
  return extra ? [...tree.spans[index].events, ...extra] : tree.spans[index].events;
}

/** eventsOf for every span, indexed like tree.spans. */
export function eventsWithLinked(tree: TraceTree): SpanEventInfo[][] {
  return tree.spans.map((_, i) => eventsOf(tree, i));
}
