import { findInvalidSpanId, formatFieldPath, type DecodedScopeSpans, type DecodedTraces } from '@tracecart/otlp';
import type { Catalog } from './catalog';
import { toStoredSpan } from './stored-span';
import type { BatchGroup, ResourceInfo } from './types';

/** One request's spans grouped by trace id, and those it carried that cannot be stored. Nothing is stored yet. */
export interface Batch {
  traces: Map<string, BatchGroup[]>;
  spanCount: number;
  rejectedSpans: number;
  /** Why the first rejected span was rejected. */
  rejection?: string;
}

function addScopeSpans(batch: Batch, resource: ResourceInfo, scopeSpans: DecodedScopeSpans, catalog: Catalog, path: string): void {
  const scope = catalog.scope(scopeSpans.scope, scopeSpans.schemaUrl);
  const groups = new Map<string, BatchGroup>();
  scopeSpans.spans.forEach((span, k) => {
    // A span without a usable trace or span id could never be found again.
    const invalid = findInvalidSpanId(span);
    if (invalid) {
      batch.rejectedSpans++;
      batch.rejection ??= `${path}.spans[${k}].${invalid} is empty or all zeros`;
      return;
    }
    let group = groups.get(span.traceId);
    if (!group) {
      group = { resource, scope, spans: [] };
      groups.set(span.traceId, group);
      const forTrace = batch.traces.get(span.traceId);
      if (forTrace) forTrace.push(group);
      else batch.traces.set(span.traceId, [group]);
    }
    group.spans.push(toStoredSpan(span));
    batch.spanCount++;
  });
}

/** Groups a decoded export's spans by trace, each under its resource and scope; invalid spans are counted, not kept. */
export function groupBatch(data: DecodedTraces, catalog: Catalog): Batch {
  const batch: Batch = { traces: new Map(), spanCount: 0, rejectedSpans: 0 };
  data.resourceSpans.forEach((resourceSpans, i) => {
    const resource = catalog.resource(resourceSpans.resource, resourceSpans.schemaUrl);
    resourceSpans.scopeSpans.forEach((scopeSpans, j) => {
      addScopeSpans(batch, resource, scopeSpans, catalog, formatFieldPath(['resourceSpans', i, 'scopeSpans', j]));
    });
  });
  return batch;
}
