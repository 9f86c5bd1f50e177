import type { ResourceSpans, ScopeSpans, TracesData } from '@tracecart/otlp';

interface TraceParts {
  data: TracesData;
  resources: Map<ResourceSpans, ResourceSpans>;
  scopes: Map<ScopeSpans, ScopeSpans>;
}

function partsOf(byTrace: Map<string, TraceParts>, traceId: string): TraceParts {
  let parts = byTrace.get(traceId);
  if (!parts) {
    parts = { data: { resourceSpans: [] }, resources: new Map(), scopes: new Map() };
    byTrace.set(traceId, parts);
  }
  return parts;
}

function scopeCopyFor(parts: TraceParts, resource: ResourceSpans, scope: ScopeSpans): ScopeSpans {
  let resourceCopy = parts.resources.get(resource);
  if (!resourceCopy) {
    resourceCopy = { ...resource, scopeSpans: [] };
    parts.resources.set(resource, resourceCopy);
    parts.data.resourceSpans?.push(resourceCopy);
  }
  let scopeCopy = parts.scopes.get(scope);
  if (!scopeCopy) {
    scopeCopy = { ...scope, spans: [] };
    parts.scopes.set(scope, scopeCopy);
    resourceCopy.scopeSpans?.push(scopeCopy);
  }
  return scopeCopy;
}

/**
 * Splits a TracesData holding many traces (what a search returns) into one TracesData per
 * trace id, in order of first appearance. Resource and scope groupings are kept, so each
 * span still sits under its own service; span objects are shared, not copied.
 */
export function splitTracesById(data: TracesData): Map<string, TracesData> {
  const byTrace = new Map<string, TraceParts>();
  for (const resource of data.resourceSpans ?? []) {
    for (const scope of resource.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        const parts = partsOf(byTrace, span.traceId.toLowerCase());
        scopeCopyFor(parts, resource, scope).spans?.push(span);
      }
    }
  }
  return new Map([...byTrace].map(([traceId, parts]) => [traceId, parts.data]));
}
