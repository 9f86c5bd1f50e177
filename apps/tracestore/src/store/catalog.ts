import { attributesToStrings } from './any-value';
import { omitEmpty, omitZero, readAttributes, readObject, readString, readUint } from './otlp-fields';
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

/** Validates and interns the resources and scopes of incoming batches. */
export class Catalog {
  private readonly resources = new Map<string, ResourceInfo>();
  private readonly scopes = new Map<string, ScopeInfo>();

  /** The stored form of a ResourceSpans' resource and schemaUrl. */
  resource(raw: unknown, rawSchemaUrl: unknown): ResourceInfo {
    const resource = readObject(raw, 'resource');
    const attributes = readAttributes(resource.attributes, 'resource.attributes');
    const dropped = omitZero(readUint(resource.droppedAttributesCount, 'resource.droppedAttributesCount'));
    const json = JSON.stringify({ attributes, droppedAttributesCount: dropped });
    const schemaUrl = readString(rawSchemaUrl, 'schemaUrl');
    const key = `${json}\n${schemaUrl}`;
    return intern(this.resources, key, () => {
      const strings = attributesToStrings(attributes);
      return { key, json, schemaUrl, serviceName: strings.get('service.name') ?? '', attributes: strings };
    });
  }

  /** The stored form of a ScopeSpans' scope and schemaUrl. */
  scope(raw: unknown, rawSchemaUrl: unknown): ScopeInfo {
    const scope = readObject(raw, 'scope');
    const name = readString(scope.name, 'scope.name');
    const version = readString(scope.version, 'scope.version');
    const attributes = readAttributes(scope.attributes, 'scope.attributes');
    const dropped = omitZero(readUint(scope.droppedAttributesCount, 'scope.droppedAttributesCount'));
    const json = JSON.stringify({ name: omitEmpty(name), version: omitEmpty(version), attributes, droppedAttributesCount: dropped });
    const schemaUrl = readString(rawSchemaUrl, 'schemaUrl');
    const key = `${json}\n${schemaUrl}`;
    return intern(this.scopes, key, () => ({ key, json, schemaUrl, name, version, attributes: attributesToStrings(attributes) }));
  }
}
