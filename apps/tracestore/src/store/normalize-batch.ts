import type { Catalog } from './catalog';
import { normalizeSpan } from './normalize-span';
import { isObject } from './json-object';
import { InvalidTracesError, readArray } from './otlp-fields';
import type { BatchGroup, ResourceInfo } from './types';

/** One request's spans, validated and grouped by trace id. Nothing is stored yet. */
export interface Batch {
  traces: Map<string, BatchGroup[]>;
  spanCount: number;
}

function located<T>(prefix: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof InvalidTracesError ? error.within(prefix) : error;
  }
}

function addScopeSpans(batch: Batch, catalog: Catalog, resource: ResourceInfo, raw: unknown): void {
  if (!isObject(raw)) throw new InvalidTracesError('', 'must be an object');
  const scope = catalog.scope(raw.scope, raw.schemaUrl);
  const groups = new Map<string, BatchGroup>();
  const spans = readArray(raw.spans, 'spans');
  for (let k = 0; k < spans.length; k++) {
    // Inline rather than located(): this loop runs once per span.
    let normalized: ReturnType<typeof normalizeSpan>;
    try {
      normalized = normalizeSpan(spans[k]);
    } catch (error) {
      throw error instanceof InvalidTracesError ? error.within(`spans[${k}]`) : error;
    }
    const { traceId, span } = normalized;
    let group = groups.get(traceId);
    if (!group) {
      group = { resource, scope, spans: [] };
      groups.set(traceId, group);
      const forTrace = batch.traces.get(traceId);
      if (forTrace) forTrace.push(group);
      else batch.traces.set(traceId, [group]);
    }
    group.spans.push(span);
    batch.spanCount++;
  }
}

function addResourceSpans(batch: Batch, catalog: Catalog, raw: unknown): void {
  if (!isObject(raw)) throw new InvalidTracesError('', 'must be an object');
  const resource = catalog.resource(raw.resource, raw.schemaUrl);
  const scopeSpans = readArray(raw.scopeSpans, 'scopeSpans');
  for (let j = 0; j < scopeSpans.length; j++) {
    located(`scopeSpans[${j}]`, () => addScopeSpans(batch, catalog, resource, scopeSpans[j]));
  }
}

/**
 * Validates an OTLP/JSON TracesData body and groups its spans by trace, keeping each span
 * under its resource and scope. Throws InvalidTracesError naming the first bad field.
 */
export function normalizeBatch(body: unknown, catalog: Catalog): Batch {
  if (!isObject(body)) throw new InvalidTracesError('body', 'must be a JSON object (OTLP TracesData)');
  const batch: Batch = { traces: new Map(), spanCount: 0 };
  const resourceSpans = readArray(body.resourceSpans, 'resourceSpans');
  for (let i = 0; i < resourceSpans.length; i++) {
    located(`resourceSpans[${i}]`, () => addResourceSpans(batch, catalog, resourceSpans[i]));
  }
  return batch;
}
