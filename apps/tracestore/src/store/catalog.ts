import { attributesToStrings, resourceToJson, scopeToJson, serviceNameOf, type DecodedResource, type DecodedScope } from '@tracecart/otlp';
import type { ResourceInfo, ScopeInfo } from './types';

// Every batch from one process repeats the same resource and scopes; interning them keeps one
// copy for all traces. The bound keeps a sender of ever-new resources from growing it forever
// (entries still in use stay alive through the traces that hold them).
const MAX_ENTRIES = 1024;

function intern<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= MAX_ENTRIES) map.clear();
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Interns the resources and scopes of incoming batches in their stored form. */
export class Catalog {
  private readonly resources = new Map<string, ResourceInfo>();
  private readonly scopes = new Map<string, ScopeInfo>();

  /** The stored form of a ResourceSpans' resource and schemaUrl. */
  resource(resource: DecodedResource, schemaUrl: string): ResourceInfo {
    const json = JSON.stringify(resourceToJson(resource));
    const key = `${json}\n${schemaUrl}`;
    return intern(this.resources, key, () => ({
      key,
      json,
      schemaUrl,
      serviceName: serviceNameOf(resource.attributes),
      attributes: attributesToStrings(resource.attributes),
    }));
  }

  /** The stored form of a ScopeSpans' scope and schemaUrl. */
  scope(scope: DecodedScope, schemaUrl: string): ScopeInfo {
    const json = JSON.stringify(scopeToJson(scope));
    const key = `${json}\n${schemaUrl}`;
    return intern(this.scopes, key, () => ({
      key,
      json,
      schemaUrl,
      name: scope.name,
      version: scope.version,
      attributes: attributesToStrings(scope.attributes),
    }));
  }
}
