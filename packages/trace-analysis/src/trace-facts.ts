import type { AttributeValue } from '@tracecart/otlp';
import { metricsOf } from './trace-metrics';
import type { TraceTree } from './types';

/** Trace-wide lookups the rules share, each computed once on first use. */
export interface TraceFacts {
  /** The value of an attribute on the first span (waterfall order) that has it. */
  firstValue(key: string): AttributeValue | undefined;
  hasEvent(name: string): boolean;
  /** Per span: critical time of it and its descendants spent in spans carrying the event. */
  subtreeEventNs(name: string): Float64Array;
  /** Whether this span carries the event. */
  spanHasEvent(index: number, name: string): boolean;
}

function collectFirstValues(tree: TraceTree): Map<string, AttributeValue> {
  const first = new Map<string, AttributeValue>();
  for (const span of tree.spans) {
    for (const key in span.attributes) if (!first.has(key)) first.set(key, span.attributes[key]);
  }
  return first;
}

function computeSubtreeEventNs(tree: TraceTree, name: string): Float64Array {
  const { criticalNs } = metricsOf(tree);
  const out = new Float64Array(tree.spans.length);
  for (let i = tree.spans.length - 1; i >= 0; i--) {
    const span = tree.spans[i];
    if (span.events.some((e) => e.name === name)) out[i] += criticalNs[i];
    if (span.parent >= 0) out[span.parent] += out[i];
  }
  return out;
}

/** Lazily computed trace-wide facts for rule matching. */
export function collectTraceFacts(tree: TraceTree): TraceFacts {
  let first: Map<string, AttributeValue> | undefined;
  let eventNames: Set<string> | undefined;
  const byEvent = new Map<string, Float64Array>();
  return {
    firstValue(key) {
      first ??= collectFirstValues(tree);
      return first.get(key);
    },
    hasEvent(name) {
      eventNames ??= new Set(tree.spans.flatMap((span) => span.events.map((e) => e.name)));
      return eventNames.has(name);
    },
    spanHasEvent: (index, name) => tree.spans[index].events.some((e) => e.name === name),
    subtreeEventNs(name) {
      let values = byEvent.get(name);
      if (!values) {
        values = computeSubtreeEventNs(tree, name);
        byEvent.set(name, values);
      }
      return values;
    },
  };
}
