import { anyValueToString, type KeyValue } from '@tracecart/otlp';
import { parseGoBool } from '../go-formats';
import type { ResourceInfo, ScopeInfo, StoredSpan, TraceQuery } from './types';

/** Whether one span of the searched service satisfies every filter of a query. */
export type SpanMatcher = (span: StoredSpan, resource: ResourceInfo, scope: ScopeInfo) => boolean;

const STATUS_CODES: Record<string, number> = { OK: 1, ERROR: 2 };
const KIND_CODES: Record<string, number> = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 };

interface SpanAttributeLists {
  attributes?: KeyValue[];
  events?: Array<{ attributes?: KeyValue[] }>;
  links?: Array<{ attributes?: KeyValue[] }>;
}

function listHas(list: KeyValue[] | undefined, key: string, value: string): boolean {
  return list?.some((kv) => kv.key === key && anyValueToString(kv.value) === value) ?? false;
}

// Span attributes live only in the span's JSON: a substring test rules most spans out before
// paying for a parse.
function spanCarries(span: StoredSpan, needle: string, key: string, value: string): boolean {
  if (!span.json.includes(needle)) return false;
  const parsed = JSON.parse(span.json) as SpanAttributeLists;
  return (
    listHas(parsed.attributes, key, value) ||
    (parsed.events?.some((e) => listHas(e.attributes, key, value)) ?? false) ||
    (parsed.links?.some((l) => listHas(l.attributes, key, value)) ?? false)
  );
}

/**
 * One attribute filter with the keys Jaeger's memory store treats specially: error, span.status,
 * span.kind, scope.name, scope.version and resource.<key>. Any other key matches the span's,
 * its scope's, its resource's, its events' or its links' attributes.
 */
function compileAttributeTest(key: string, value: string): SpanMatcher {
  switch (key) {
    case 'error': {
      const wanted = parseGoBool(value);
      return (span) => wanted !== undefined && (span.statusCode === 2) === wanted;
    }
    case 'span.status':
      return (span) => span.statusCode === (STATUS_CODES[value.toUpperCase()] ?? 0);
    case 'span.kind':
      return (span) => span.kind === (KIND_CODES[value.toUpperCase()] ?? 0);
    case 'scope.name':
      return (_span, _resource, scope) => scope.name === value;
    case 'scope.version':
      return (_span, _resource, scope) => scope.version === value;
  }
  if (key.startsWith('resource.')) {
    const resourceKey = key.slice('resource.'.length);
    return (_span, resource) => resource.attributes.get(resourceKey) === value;
  }
  const needle = `"key":${JSON.stringify(key)}`;
  return (span, resource, scope) =>
    resource.attributes.get(key) === value || scope.attributes.get(key) === value || spanCarries(span, needle, key, value);
}

/** Builds the per-span test of a search: operation, start-time range, duration range, attributes. */
export function compileSpanMatcher(query: TraceQuery): SpanMatcher {
  const { operationName, startTimeMin, startTimeMax, durationMinNs, durationMaxNs } = query;
  const attributeTests = query.attributes.map(([key, value]) => compileAttributeTest(key, value));
  return (span, resource, scope) => {
    if (operationName && span.name !== operationName) return false;
    if (span.startNs < startTimeMin || span.startNs > startTimeMax) return false;
    if (durationMinNs !== undefined && span.durationNs < durationMinNs) return false;
    if (durationMaxNs !== undefined && span.durationNs > durationMaxNs) return false;
    return attributeTests.every((test) => test(span, resource, scope));
  };
}
