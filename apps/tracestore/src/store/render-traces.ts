import type { ResourceGroup, StoredTrace } from './types';

// Responses are assembled from the stored JSON text, so serving a trace never re-parses it.

function schemaUrlField(url: string): string {
  return url ? `,"schemaUrl":${JSON.stringify(url)}` : '';
}

function renderGroup(group: ResourceGroup): string {
  const scopes = group.scopes.map(
    (s) => `{"scope":${s.scope.json},"spans":[${s.spans.map((span) => span.json).join(',')}]${schemaUrlField(s.scope.schemaUrl)}}`,
  );
  return `{"resource":${group.resource.json},"scopeSpans":[${scopes.join(',')}]${schemaUrlField(group.resource.schemaUrl)}}`;
}

/** The /api/v3/traces body for these traces: OTLP TracesData in Jaeger's `result` wrapper. */
export function renderTracesResult(traces: readonly StoredTrace[]): string {
  const groups: string[] = [];
  for (const trace of traces) for (const group of trace.groups) groups.push(renderGroup(group));
  return `{"result":{"resourceSpans":[${groups.join(',')}]}}`;
}
