import { prefixErrorPath, TraceAnalysisError } from './errors';
import { expectList, expectObject, isObject, parseAttributes, type JsonObject } from './parse-values';
import { parseSpan, type ParseState } from './parse-span';
import type { TraceSpan } from './types';

const UNKNOWN_SERVICE = 'unknown_service';

// Jaeger's /api/v3 wraps TracesData in `{result: ...}`; both shapes are accepted.
function unwrapEnvelope(value: JsonObject, path: string): { data: JsonObject; path: string } {
  if (value.resourceSpans === undefined && value.result !== undefined) {
    return { data: expectObject(value.result, `${path}.result`), path: `${path}.result` };
  }
  return { data: value, path };
}

function readServiceName(resource: unknown, path: string): string {
  if (resource === undefined || resource === null) return UNKNOWN_SERVICE;
  const name = parseAttributes(expectObject(resource, path).attributes, `${path}.attributes`)['service.name'];
  return typeof name === 'string' && name !== '' ? name : UNKNOWN_SERVICE;
}

/** Where spans go, plus what parsing shares across spans. */
interface Collector extends ParseState {
  out: TraceSpan[];
}

/** Every span of the input, unlinked, with times relative to `baseSeconds`. */
export interface CollectedSpans {
  spans: TraceSpan[];
  baseSeconds: number;
}

function collectResource(raw: unknown, path: string, collector: Collector): void {
  const resourceSpans = expectObject(raw, path);
  const service = readServiceName(resourceSpans.resource, `${path}.resource`);
  const scopes = expectList(resourceSpans.scopeSpans, `${path}.scopeSpans`);
  for (let s = 0; s < scopes.length; s++) {
    const scopePath = `${path}.scopeSpans[${s}]`;
    const spans = expectList(expectObject(scopes[s], scopePath).spans, `${scopePath}.spans`);
    for (let i = 0; i < spans.length; i++) {
      try {
        collector.out.push(parseSpan(spans[i], service, collector));
      } catch (error) {
        throw prefixErrorPath(error, `${scopePath}.spans[${i}]`);
      }
    }
  }
}

function collectTracesData(raw: unknown, path: string, collector: Collector): void {
  if (!isObject(raw)) throw new TraceAnalysisError('invalid_input', 'expected OTLP TracesData (an object with resourceSpans)', path);
  const { data, path: dataPath } = unwrapEnvelope(raw, path);
  const resources = expectList(data.resourceSpans, `${dataPath}.resourceSpans`);
  for (let r = 0; r < resources.length; r++) collectResource(resources[r], `${dataPath}.resourceSpans[${r}]`, collector);
}

/**
 * Validates and flattens input: a TracesData, Jaeger's `{result: TracesData}`, or an array of
 * either. Throws TraceAnalysisError on anything it cannot trust.
 */
export function collectSpans(input: unknown): CollectedSpans {
  const collector: Collector = { out: [], traceIds: new Map(), base: { seconds: undefined } };
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) collectTracesData(input[i], `$[${i}]`, collector);
  } else {
    collectTracesData(input, '$', collector);
  }
  return { spans: collector.out, baseSeconds: collector.base.seconds ?? 0 };
}
